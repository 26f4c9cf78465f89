/**
 * One simulated user: reviews (queue, answers, sometimes a resend of an acknowledged answer,
 * a double send, an undo), takes quizzes (the server actions, as the quiz pages call them) and
 * browses pages, with a short think time between steps, until the deadline. Then it sends
 * whatever answers are still pending, as the review page would once the server is back.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { AnswerOutbox, emptyLedger, type AnswerLedger } from "./answer-outbox";
import type { SiteClient } from "./http-client";
import { builtAction, type BuiltAction } from "./server-actions";
import { NOTE_AREAS } from "@/app/lib/schemas/areas";

interface QueueCard {
  cardId: string;
  version: number;
}

interface QuestionView {
  id: string;
  type: "single" | "multiple" | "ordering" | "numeric" | "truefalse" | "short";
  choicesHtml?: string[];
  itemsHtml?: string[];
}


export interface SimOptions {
  slugs: readonly string[];
  random: () => number;
  /** performance.now() at which the user stops starting new steps. */
  deadline: number;
  /** performance.now() by which pending answers must have been sent. */
  drainDeadline: number;
}

export interface Actions {
  startQuiz: BuiltAction;
  answerQuizQuestion: BuiltAction;
}

export function quizActions(): Actions {
  return {
    startQuiz: builtAction("startQuiz"),
    answerQuizQuestion: builtAction("answerQuizQuestion"),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SimUser {
  readonly ledger: AnswerLedger = emptyLedger();
  readonly outbox: AnswerOutbox;
  quizzesFinished = 0;
  undrained = 0;

  constructor(
    readonly userId: string,
    private readonly client: SiteClient,
    private readonly actions: Actions,
    private readonly options: SimOptions,
  ) {
    this.outbox = new AnswerOutbox(client, this.ledger);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.options.random() * list.length)]!;
  }

  private chance(p: number): boolean {
    return this.options.random() < p;
  }

  async run(): Promise<void> {
    while (performance.now() < this.options.deadline) {
      // Pending answers go first, as the page's outbox sends them before anything new.
      await this.outbox.flush();
      const roll = this.options.random();
      if (roll < 0.55) await this.review();
      else if (roll < 0.7) await this.quiz();
      else await this.browse();
      await sleep(150 + this.options.random() * 450);
    }
    if (!(await this.outbox.drain(this.options.drainDeadline))) this.undrained = this.outbox.size;
  }

  private async review() {
    const reply = await this.client.get("GET /api/review/queue", "/api/review/queue?limit=8");
    if (reply.status !== 200) return;
    const cards = (JSON.parse(reply.text) as { cards: QueueCard[] }).cards;
    const take = 1 + Math.floor(this.options.random() * 5);
    for (const card of cards.slice(0, take)) {
      if (performance.now() >= this.options.deadline) return;
      // An answer to this card is still pending: the next one must wait for its version.
      if (this.outbox.hasCard(card.cardId)) continue;
      const answer = {
        clientId: randomUUID(),
        cardId: card.cardId,
        rating: this.pick([1, 2, 3, 3, 3, 4] as const),
        version: card.version,
        answeredAt: Date.now(),
        durationMs: Math.floor(1000 + this.options.random() * 8000),
      };
      this.outbox.add(answer, { double: this.chance(0.05) });
      await this.outbox.flush();
      if (this.ledger.acked.has(answer.clientId)) {
        if (this.chance(0.1)) await this.outbox.resend(answer);
        if (this.chance(0.08)) {
          await this.outbox.undo(answer.clientId, this.options.drainDeadline);
          return; // the queue has changed: fetch it again next time
        }
      }
      await sleep(50 + this.options.random() * 150);
    }
  }

  private async quiz() {
    const scope = this.chance(0.6)
      ? { kind: "note", slug: this.pick(this.options.slugs) }
      : { kind: "areas", areas: [this.pick(NOTE_AREAS)] };
    const started = await this.client.action<{ attemptId: string }>(
      "action startQuiz",
      this.actions.startQuiz,
      this.actions.startQuiz.page,
      { scope, length: 3, mode: this.chance(0.5) ? "each" : "end" },
    );
    if (!started?.ok) return;
    const { attemptId } = started.data;
    const view = await this.client.get(
      "GET /api/quiz-attempts/[id]",
      `/api/quiz-attempts/${attemptId}`,
    );
    if (view.status !== 200) return;
    let current = (JSON.parse(view.text) as { current: QuestionView | null }).current;
    const page = this.actions.answerQuizQuestion.page.replace("[id]", attemptId);
    for (
      let step = 0;
      current && step < 10 && performance.now() < this.options.deadline;
      step += 1
    ) {
      await sleep(100 + this.options.random() * 300);
      const outcome = await this.client.action<{ next: QuestionView | null; finished: boolean }>(
        "action answerQuizQuestion",
        this.actions.answerQuizQuestion,
        page,
        { attemptId, questionId: current.id, response: this.responseTo(current), timeMs: 4000 },
      );
      if (!outcome?.ok) continue; // answered again: a resent answer keeps the first one
      if (outcome.data.finished) this.quizzesFinished += 1;
      current = outcome.data.next;
    }
  }

  /** A plausible response: sometimes right, often wrong (a miss brings linked cards forward). */
  private responseTo(question: QuestionView): unknown {
    switch (question.type) {
      case "single":
        return Math.floor(this.options.random() * (question.choicesHtml?.length ?? 1));
      case "multiple":
        return [Math.floor(this.options.random() * (question.choicesHtml?.length ?? 1))];
      case "ordering":
        return (question.itemsHtml ?? []).map((_, i) => i);
      case "truefalse":
        return this.chance(0.5);
      case "numeric":
        return String(Math.floor(this.options.random() * 100));
      case "short":
        return this.chance(0.2) ? null : "attention";
    }
  }

  private async browse() {
    const slug = this.pick(this.options.slugs);
    const [endpoint, path] = this.pick([
      ["GET /", "/"],
      ["GET /papers/[slug]", `/papers/${slug}`],
      ["GET /papers/[slug]", `/papers/${slug}`],
      ["GET /quizzes", "/quizzes"],
      ["GET /progress", "/progress"],
      ["GET /review", "/review"],
    ] as const);
    await this.client.get(endpoint, path);
  }
}
