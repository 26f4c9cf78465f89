/**
 * Answers not yet acknowledged by the server. Each is kept in localStorage until the server
 * answers it, so a reload or a lost connection loses nothing; they are sent one at a time, in
 * the order given (answers to one card form a chain of versions), and retried with backoff.
 * The server applies an answer once per clientId, so resending after an unknown outcome is safe.
 * No React here: the session component subscribes to it.
 */
import { answerSavedSchema } from "@/app/lib/schemas/api-responses";
import { errorMessageOf, readJson } from "@/app/ui/read-json";

export interface PendingAnswer {
  clientId: string;
  cardId: string;
  rating: 1 | 2 | 3 | 4;
  version: number;
  answeredAt: number;
  durationMs: number;
  /** The balanced day the answer's button showed (the queue card's `days`), when it showed one. */
  days?: number;
  /** What the card counted as when answered (to keep the counts right after a reload). */
  kind: "new" | "learning" | "review";
}

export type SendResult =
  /** `leech`: this answer's lapse made the card a leech (the finish screen lists them). */
  | { kind: "ok"; version: number; leech?: boolean }
  /** 409: answered elsewhere in the meantime (another tab); 404: no longer in the study set; 400: malformed. */
  | { kind: "refused"; status: 400 | 404 | 409; message: string }
  | { kind: "unauthorized" };

export type Sender = (answer: PendingAnswer) => Promise<SendResult>;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface OutboxOptions {
  key: string;
  storage: KeyValueStore | null;
  send: Sender;
  onSettled?: (answer: PendingAnswer, result: SendResult) => void;
  onChange?: () => void;
  /** Waits between retries: 0.5 s, 1 s, 2 s … up to 15 s. */
  retryDelays?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_DELAYS = [500, 1000, 2000, 4000, 8000, 15000];

function isPendingAnswer(value: unknown): value is PendingAnswer {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.clientId === "string" &&
    typeof v.cardId === "string" &&
    (v.rating === 1 || v.rating === 2 || v.rating === 3 || v.rating === 4) &&
    typeof v.version === "number" &&
    typeof v.answeredAt === "number" &&
    typeof v.durationMs === "number" &&
    (v.days === undefined || typeof v.days === "number") &&
    (v.kind === "new" || v.kind === "learning" || v.kind === "review")
  );
}

export class AnswerOutbox {
  private queue: PendingAnswer[];
  private inFlight: string | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  private waiters = new Map<string, ((result: SendResult | null) => void)[]>();
  private stopped = false;
  private readonly removed = new Set<string>();
  /** True after a send failed for lack of a connection or a server error, until one succeeds. */
  offline = false;
  /** True when the session ended (401): sending stops until the page is reloaded. */
  signedOut = false;

  constructor(private readonly options: OutboxOptions) {
    this.queue = this.load();
  }

  private load(): PendingAnswer[] {
    try {
      const raw = this.options.storage?.getItem(this.options.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter(isPendingAnswer) : [];
    } catch {
      return [];
    }
  }

  /**
   * Writes this tab's answers back, keeping those another tab added meanwhile (tabs share the
   * key) and dropping only the ones this tab saw settled or withdrew.
   */
  private save() {
    try {
      const mine = new Set(this.queue.map((a) => a.clientId));
      const others = this.load().filter((a) => !mine.has(a.clientId) && !this.removed.has(a.clientId));
      this.options.storage?.setItem(this.options.key, JSON.stringify([...others, ...this.queue]));
    } catch {
      // Storage full or blocked: the answers are still sent from memory.
    }
    this.options.onChange?.();
  }

  entries(): readonly PendingAnswer[] {
    return this.queue;
  }

  has(clientId: string): boolean {
    return this.queue.some((a) => a.clientId === clientId);
  }

  hasCard(cardId: string): boolean {
    return this.queue.some((a) => a.cardId === cardId);
  }

  add(answer: PendingAnswer) {
    this.queue.push(answer);
    this.save();
    this.kick();
  }

  /** Drops an answer not yet sent (undo before it left); false when it is on its way. */
  withdraw(clientId: string): boolean {
    if (this.inFlight === clientId) return false;
    const index = this.queue.findIndex((a) => a.clientId === clientId);
    if (index === -1) return false;
    this.queue.splice(index, 1);
    this.removed.add(clientId);
    this.save();
    this.resolve(clientId, null);
    return true;
  }

  /** Resolves when the server has answered `clientId` (null when it was withdrawn or unknown). */
  whenSettled(clientId: string): Promise<SendResult | null> {
    if (!this.has(clientId)) return Promise.resolve(null);
    return new Promise((resolve) => {
      const list = this.waiters.get(clientId) ?? [];
      list.push(resolve);
      this.waiters.set(clientId, list);
    });
  }

  /** Resolves when nothing is pending, or after `timeoutMs`. */
  async drained(timeoutMs: number): Promise<boolean> {
    const started = Date.now();
    while (this.queue.length > 0 && Date.now() - started < timeoutMs && !this.stopped) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.queue.length === 0;
  }

  private resolve(clientId: string, result: SendResult | null) {
    const list = this.waiters.get(clientId);
    this.waiters.delete(clientId);
    list?.forEach((fn) => fn(result));
  }

  /** Starts sending (or retries at once, e.g. when the browser comes back online). */
  kick() {
    if (this.wake) {
      const wake = this.wake;
      this.wake = null;
      wake();
    }
    if (!this.running && !this.stopped && !this.signedOut) void this.run();
  }

  stop() {
    this.stopped = true;
    this.kick();
  }

  private pause(ms: number): Promise<void> {
    const sleep = this.options.sleep ?? ((t: number) => new Promise<void>((r) => setTimeout(r, t)));
    return Promise.race([sleep(ms), new Promise<void>((r) => (this.wake = r))]);
  }

  private async run() {
    this.running = true;
    const delays = this.options.retryDelays ?? DEFAULT_DELAYS;
    let attempt = 0;
    try {
      while (!this.stopped && this.queue.length > 0) {
        const answer = this.queue[0]!;
        this.inFlight = answer.clientId;
        let result: SendResult | null = null;
        try {
          result = await this.options.send(answer);
        } catch {
          result = null;
        }
        this.inFlight = null;
        if (result === null) {
          this.offline = true;
          this.options.onChange?.();
          await this.pause(delays[Math.min(attempt, delays.length - 1)] ?? 15000);
          attempt += 1;
          continue;
        }
        if (result.kind === "unauthorized") {
          this.signedOut = true;
          this.options.onChange?.();
          return;
        }
        attempt = 0;
        this.offline = false;
        this.queue.shift();
        this.removed.add(answer.clientId);
        this.save();
        this.options.onSettled?.(answer, result);
        this.resolve(answer.clientId, result);
      }
    } finally {
      this.running = false;
      this.inFlight = null;
    }
  }
}

/** The sender used by the page: POST /api/review/answer; a network error or 5xx throws (retry). */
export const fetchSender: Sender = async (answer) => {
  const { kind: _kind, ...body } = answer;
  const response = await fetch("/api/review/answer", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    keepalive: true,
  });
  if (response.status === 401) return { kind: "unauthorized" };
  if (response.status === 400 || response.status === 404 || response.status === 409) {
    const message = errorMessageOf(await response.json().catch(() => undefined));
    const status = response.status === 400 ? 400 : response.status === 404 ? 404 : 409;
    return { kind: "refused", status, message: message ?? "This answer was refused." };
  }
  if (!response.ok) throw new Error(`answer not saved: HTTP ${response.status}`);
  // A body of another shape is an unknown outcome, like a lost connection: the answer is resent
  // (the server applies a clientId once).
  const data = await readJson(response, answerSavedSchema);
  if (!data) throw new Error("answer's outcome unreadable");
  return { kind: "ok", version: data.version, leech: data.leech === true };
};
