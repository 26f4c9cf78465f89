import { describe, expect, it } from "vitest";
import { AnswerOutbox, type PendingAnswer, type SendResult, type Sender } from "@/app/ui/review/outbox";

class MemoryStore {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

let n = 0;
const pending = (over: Partial<PendingAnswer> = {}): PendingAnswer => ({
  clientId: `answer-${++n}`,
  cardId: `card-${n}`,
  rating: 3,
  version: 0,
  answeredAt: 1_700_000_000_000 + n,
  durationMs: 1000,
  kind: "new",
  ...over,
});

const ok = (version = 1): SendResult => ({ kind: "ok", version });
const noSleep = () => Promise.resolve();

function outbox(send: Sender, storage = new MemoryStore(), extra: Partial<ConstructorParameters<typeof AnswerOutbox>[0]> = {}) {
  return new AnswerOutbox({ key: "k", storage, send, sleep: noSleep, retryDelays: [0], ...extra });
}

describe("the answer outbox", () => {
  it("sends answers one at a time in the order they were given", async () => {
    const sent: string[] = [];
    let inFlight = 0;
    const box = outbox(async (a) => {
      inFlight += 1;
      expect(inFlight).toBe(1);
      await new Promise((r) => setTimeout(r, 5));
      sent.push(a.clientId);
      inFlight -= 1;
      return ok();
    });
    const answers = [pending(), pending(), pending()];
    answers.forEach((a) => box.add(a));
    await box.drained(1000);
    expect(sent).toEqual(answers.map((a) => a.clientId));
  });

  it("keeps an answer in storage until the server acknowledges it, and retries after a failure", async () => {
    const storage = new MemoryStore();
    let attempts = 0;
    const box = outbox(() => {
      attempts += 1;
      return attempts < 3 ? Promise.reject(new Error("offline")) : Promise.resolve(ok());
    }, storage);
    const answer = pending();
    box.add(answer);
    expect(JSON.parse(storage.getItem("k")!)).toEqual([answer]);
    await expect(box.whenSettled(answer.clientId)).resolves.toEqual(ok());
    expect(attempts).toBe(3);
    expect(JSON.parse(storage.getItem("k")!)).toEqual([]);
  });

  it("picks up the answers a previous page left in storage and sends them", async () => {
    const storage = new MemoryStore();
    const left = [pending(), pending()];
    storage.setItem("k", JSON.stringify([...left, { not: "an answer" }]));
    const sent: string[] = [];
    const box = outbox((a) => {
      sent.push(a.clientId);
      return Promise.resolve(ok());
    }, storage);
    expect(box.entries()).toEqual(left);
    box.kick();
    await box.drained(1000);
    expect(sent).toEqual(left.map((a) => a.clientId));
  });

  it("keeps the balanced day an answer's button showed through a reload, and drops an entry whose day is not a number", async () => {
    const storage = new MemoryStore();
    const shown = pending({ days: 12 });
    storage.setItem("k", JSON.stringify([shown, { ...pending(), days: "12" }]));
    const sent: PendingAnswer[] = [];
    const box = outbox((a) => {
      sent.push(a);
      return Promise.resolve(ok());
    }, storage);
    expect(box.entries()).toEqual([shown]);
    box.kick();
    await box.drained(1000);
    expect(sent.map((a) => a.days)).toEqual([12]);
  });

  it("drops a refused answer and reports it", async () => {
    const settled: SendResult[] = [];
    const box = outbox(() => Promise.resolve({ kind: "refused", status: 409, message: "answered elsewhere" }), new MemoryStore(), {
      onSettled: (_a, r) => settled.push(r),
    });
    box.add(pending());
    await box.drained(1000);
    expect(settled).toEqual([{ kind: "refused", status: 409, message: "answered elsewhere" }]);
  });

  it("stops sending when the session has ended and keeps the answers", async () => {
    const storage = new MemoryStore();
    const box = outbox(() => Promise.resolve({ kind: "unauthorized" }), storage);
    const answer = pending();
    box.add(answer);
    await new Promise((r) => setTimeout(r, 20));
    expect(box.signedOut).toBe(true);
    expect(JSON.parse(storage.getItem("k")!)).toEqual([answer]);
  });

  it("withdraws an answer not yet sent, but not one on its way", async () => {
    let release: (r: SendResult) => void = () => {};
    const box = outbox(() => new Promise<SendResult>((r) => (release = r)));
    const first = pending();
    const second = pending();
    box.add(first);
    box.add(second);
    expect(box.withdraw(first.clientId)).toBe(false);
    expect(box.withdraw(second.clientId)).toBe(true);
    release(ok());
    await box.drained(1000);
    expect(box.entries()).toEqual([]);
  });

  it("keeps the answers another tab stored under the same key", () => {
    const storage = new MemoryStore();
    const tabA = outbox(() => new Promise<SendResult>(() => {}), storage);
    const tabB = outbox(() => new Promise<SendResult>(() => {}), storage);
    const a = pending();
    const b = pending();
    tabA.add(a);
    tabB.add(b);
    const stored = (JSON.parse(storage.getItem("k")!) as PendingAnswer[]).map((x) => x.clientId).sort();
    expect(stored).toEqual([a.clientId, b.clientId].sort());
  });
});
