/**
 * A simulated user's answers, kept like the review page's outbox (app/ui/review/outbox.ts):
 * sent in order, one at a time, and kept with their clientId until the server gives a
 * definite answer (2xx acknowledged, 4xx refused); a network error or a 5xx leaves them
 * pending and they are sent again, unchanged. The ledger is what the invariants check.
 */
import type { SiteClient } from "./http-client";

export interface Answer {
  clientId: string;
  cardId: string;
  rating: 1 | 2 | 3 | 4;
  version: number;
  answeredAt: number;
  durationMs: number;
}

export interface AnswerLedger {
  /** Acknowledged (2xx) by the server, by clientId. */
  acked: Map<string, Answer>;
  /** Refused with a 4xx (409 answered elsewhere, e.g. a quiz brought the card forward). */
  refused: Map<string, number>;
  /** Undone (the undo acknowledged, or 404 after an undo whose outcome was unknown). */
  undone: Set<string>;
  /** Faults seen by the client itself (a resend applied twice, a double send both fresh…). */
  faults: string[];
  /** Sends that met a network error or a 5xx and were kept to be sent again. */
  retries: number;
  duplicates: number;
}

export function emptyLedger(): AnswerLedger {
  return {
    acked: new Map(),
    refused: new Map(),
    undone: new Set(),
    faults: [],
    retries: 0,
    duplicates: 0,
  };
}

const ANSWER = "POST /api/review/answer";
const transient = (status: number) => status === 0 || status >= 500;

export class AnswerOutbox {
  private readonly pending: Answer[] = [];
  /** clientIds to send twice at once (two tabs, a double click): applied once, both acknowledged. */
  private readonly doubled = new Set<string>();
  /** clientIds sent before without a definite answer: one of those sends may have been applied. */
  private readonly resent = new Set<string>();

  constructor(
    private readonly client: SiteClient,
    readonly ledger: AnswerLedger,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  hasCard(cardId: string): boolean {
    return this.pending.some((a) => a.cardId === cardId);
  }

  add(answer: Answer, options: { double?: boolean } = {}) {
    this.pending.push(answer);
    if (options.double) this.doubled.add(answer.clientId);
  }

  /** Sends pending answers in order until one fails for lack of the server (it stays first). */
  async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const answer = this.pending[0]!;
      const double = this.doubled.has(answer.clientId);
      const replies = await Promise.all(
        (double ? [0, 1] : [0]).map(() =>
          this.client.postJson(ANSWER, "/api/review/answer", answer),
        ),
      );
      if (replies.some((r) => transient(r.status))) {
        this.ledger.retries += 1;
        this.resent.add(answer.clientId);
        return;
      }
      this.pending.shift();
      this.doubled.delete(answer.clientId);
      const ok = replies.filter((r) => r.status === 200);
      if (ok.length > 0) {
        this.ledger.acked.set(answer.clientId, answer);
        const fresh = ok.filter(
          (r) => !(JSON.parse(r.text) as { duplicate: boolean }).duplicate,
        ).length;
        this.ledger.duplicates += ok.length - fresh;
        if (
          double &&
          ok.length === 2 &&
          fresh !== 1 &&
          !(fresh === 0 && this.resent.has(answer.clientId))
        ) {
          this.ledger.faults.push(
            `${answer.clientId}: sent twice at once, ${fresh} of 2 applied (expected 1)`,
          );
        }
        if (ok.length !== replies.length) {
          this.ledger.faults.push(
            `${answer.clientId}: sent twice at once, answered ${replies.map((r) => r.status).join(" and ")}`,
          );
        }
      } else {
        this.ledger.refused.set(answer.clientId, replies[0]?.status ?? 0);
      }
    }
  }

  /** Flushes until nothing is pending or `deadline` (performance.now()) passes. */
  async drain(deadline: number, pauseMs = 250): Promise<boolean> {
    while (this.pending.length > 0 && performance.now() < deadline) {
      await this.flush();
      if (this.pending.length > 0) await new Promise((r) => setTimeout(r, pauseMs));
    }
    return this.pending.length === 0;
  }

  /** Sends an acknowledged answer again: it must be acknowledged as a duplicate, not applied again. */
  async resend(answer: Answer): Promise<void> {
    for (;;) {
      const reply = await this.client.postJson(ANSWER, "/api/review/answer", answer);
      if (transient(reply.status)) {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      if (reply.status === 200) {
        const duplicate = (JSON.parse(reply.text) as { duplicate: boolean }).duplicate;
        this.ledger.duplicates += 1;
        if (!duplicate)
          this.ledger.faults.push(
            `${answer.clientId}: resent after its acknowledgement and applied again`,
          );
      } else if (!this.ledger.undone.has(answer.clientId)) {
        this.ledger.faults.push(
          `${answer.clientId}: resent after its acknowledgement, answered ${reply.status}`,
        );
      }
      return;
    }
  }

  /**
   * Undoes an acknowledged answer. An undo whose outcome is unknown (network error, 5xx) is
   * sent again: 200 or 404 ("no such answer": the first one went through) mean undone, 409 not.
   */
  async undo(clientId: string, deadline: number): Promise<void> {
    let unknownOutcome = false;
    while (performance.now() < deadline) {
      const reply = await this.client.postJson("POST /api/review/undo", "/api/review/undo", {
        clientId,
      });
      if (transient(reply.status)) {
        unknownOutcome = true;
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      if (reply.status === 200 || (reply.status === 404 && unknownOutcome))
        this.ledger.undone.add(clientId);
      else if (reply.status !== 409)
        this.ledger.faults.push(
          `${clientId}: undo answered ${reply.status}: ${reply.text.slice(0, 120)}`,
        );
      return;
    }
    this.ledger.faults.push(`${clientId}: undo without a definite answer before the end`);
  }
}
