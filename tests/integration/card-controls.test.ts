import { describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import { rescheduleFromLogs, replayInput, DEFAULT_SCHEDULER_SETTINGS } from "@/app/lib/domain/scheduling";
import { cardControlSchema, type CardControlInput } from "@/app/lib/schemas/cards";
import { db } from "@/app/lib/server/db";
import { applyCardControl, undoCardControl } from "@/app/lib/server/data/card-controls";
import { answerCard, undoAnswer } from "@/app/lib/server/data/review";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { storedStateOf } from "@/app/lib/server/sql/card-state";
import { ConflictError, NotFoundError } from "@/app/lib/server/errors";

const unique = () => `controls-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const DAY = 86_400_000;
const now = new Date("2026-03-10T12:00:00Z");
let seq = 0;
const clientId = () => `ctl-${Date.now().toString(36)}-${(seq += 1)}`;

async function newUser(settings: Record<string, unknown> = {}) {
  return db.user.create({
    data: { email: unique(), settings: { create: { newPerDay: 500, timeZone: "UTC", dayStartHour: 4, buryReverseSiblings: false, buryClozeSiblings: false, ...settings } } },
    select: { id: true },
  });
}

/** A note with basic cards, and its first `n` live cards. */
async function basicCards(n: number) {
  const cards = await db.card.findMany({
    where: { retiredAt: null, type: "basic", paper: { retiredAt: null } },
    orderBy: [{ paper: { sortKey: "asc" } }, { position: "asc" }],
    take: 200,
    select: { id: true, paperId: true, paper: { select: { slug: true } } },
  });
  const first = cards[0]!;
  const same = cards.filter((c) => c.paperId === first.paperId).slice(0, n);
  expect(same.length).toBe(n);
  return { ids: same.map((c) => c.id), slug: first.paper.slug };
}

/** Makes `cardId` a review card of the user, due a day before `now` (as if studied a week ago). */
async function dueReview(userId: string, cardId: string, over: Record<string, unknown> = {}) {
  await db.cardState.create({
    data: {
      userId,
      cardId,
      due: new Date(now.getTime() - DAY),
      stability: 5,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 5,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: 2,
      lastReview: new Date(now.getTime() - 6 * DAY),
      version: 3,
      ...over,
    },
  });
}

const control = (over: Partial<CardControlInput> & Pick<CardControlInput, "cardIds" | "action">) =>
  cardControlSchema.parse({ clientId: clientId(), ...over });

async function queueOf(userId: string, at: Date, slug?: string) {
  const queue = await loadReviewQueue(userId, at, { scope: slug ? { paper: slug } : {}, limit: 500 });
  return { ids: queue.cards.map((c) => c.cardId), counts: queue.counts, nextDue: queue.nextDue };
}

describe("card controls", () => {
  it("takes a suspended card out of every queue until it is unsuspended", async () => {
    const user = await newUser();
    const { ids, slug } = await basicCards(2);
    const [due, fresh] = ids as [string, string];
    await dueReview(user.id, due);
    const before = await queueOf(user.id, now, slug);
    expect(before.ids).toEqual(expect.arrayContaining([due, fresh]));

    const result = await applyCardControl(user.id, control({ cardIds: [due, fresh], action: "suspend" }), now);
    expect(result.cards.map((c) => [c.cardId, c.suspended]).sort()).toEqual([[due, true], [fresh, true]].sort());
    for (const at of [now, new Date(now.getTime() + 30 * DAY)]) {
      const scoped = await queueOf(user.id, at, slug);
      const whole = await queueOf(user.id, at);
      expect(scoped.ids).not.toContain(due);
      expect(scoped.ids).not.toContain(fresh);
      expect(whole.ids).not.toContain(due);
      expect(whole.ids).not.toContain(fresh);
    }
    const after = await queueOf(user.id, now, slug);
    expect(after.counts.review).toBe(before.counts.review - 1);
    expect(after.counts.new).toBe(before.counts.new - 1);

    await applyCardControl(user.id, control({ cardIds: [due, fresh], action: "unsuspend" }), now);
    // The whole queue first: its new-card bound had moved past the note and must come back.
    expect((await queueOf(user.id, now)).ids).toEqual(expect.arrayContaining([due, fresh]));
  });

  it("buries a card until the user's next study day in their time zone", async () => {
    // 12:00 UTC is 20:00 in Shanghai: the study day (starting 04:00) ends at 20:00 UTC.
    const user = await newUser({ timeZone: "Asia/Shanghai" });
    const { ids } = await basicCards(2);
    const [due, fresh] = ids as [string, string];
    await dueReview(user.id, due);
    const result = await applyCardControl(user.id, control({ cardIds: [due, fresh], action: "bury" }), now);
    expect(result.cards.map((c) => c.buriedUntil?.toISOString())).toEqual(["2026-03-10T20:00:00.000Z", "2026-03-10T20:00:00.000Z"]);
    const tonight = await queueOf(user.id, new Date("2026-03-10T19:59:00Z"));
    expect(tonight.ids).not.toContain(due);
    expect(tonight.ids).not.toContain(fresh);
    const tomorrow = await queueOf(user.id, new Date("2026-03-10T20:01:00Z"));
    expect(tomorrow.ids).toEqual(expect.arrayContaining([due, fresh]));
  });

  it("says when the next card comes without counting a suspended one", async () => {
    const user = await newUser({ newPerDay: 0 });
    const { ids, slug } = await basicCards(2);
    const [soon, later] = ids as [string, string];
    await dueReview(user.id, soon, { due: new Date(now.getTime() + DAY) });
    await dueReview(user.id, later, { due: new Date(now.getTime() + 3 * DAY) });
    expect((await queueOf(user.id, now, slug)).nextDue).toEqual(new Date(now.getTime() + DAY));
    await applyCardControl(user.id, control({ cardIds: [soon], action: "suspend" }), now);
    expect((await queueOf(user.id, now, slug)).nextDue).toEqual(new Date(now.getTime() + 3 * DAY));
  });

  it("flags without moving the version, and undoes the flag while the card still carries it", async () => {
    const user = await newUser();
    const { ids } = await basicCards(1);
    await dueReview(user.id, ids[0]!);
    const red = control({ cardIds: ids, action: "flag", flag: 1 });
    const result = await applyCardControl(user.id, red, now);
    expect(result.cards[0]).toMatchObject({ flag: 1, version: 3 });
    // A resend is acknowledged, not applied twice.
    const again = await applyCardControl(user.id, red, now);
    expect(again.duplicate).toBe(true);
    expect(await db.cardAction.count({ where: { userId: user.id, clientId: red.clientId } })).toBe(1);

    expect((await undoCardControl(user.id, red.clientId))[0]).toMatchObject({ flag: 0 });
    await expect(undoCardControl(user.id, red.clientId)).rejects.toBeInstanceOf(NotFoundError);

    const blue = control({ cardIds: ids, action: "flag", flag: 4 });
    await applyCardControl(user.id, blue, now);
    await applyCardControl(user.id, control({ cardIds: ids, action: "flag", flag: 3 }), now);
    await expect(undoCardControl(user.id, blue.clientId)).rejects.toBeInstanceOf(ConflictError);
  });

  it("resets a card to new with its history kept, consistent with a replay of that history, and undoes the reset", async () => {
    const user = await newUser();
    const { ids } = await basicCards(1);
    const cardId = ids[0]!;
    const session = sessionOf(user.id);
    const first = await answerCard(session, { clientId: clientId(), cardId, rating: 3, version: 0, answeredAt: now.getTime(), durationMs: 1 }, now);
    const t2 = new Date(now.getTime() + 20 * 60_000);
    const second = await answerCard(session, { clientId: clientId(), cardId, rating: 3, version: first.version, answeredAt: t2.getTime(), durationMs: 1 }, t2);
    const studied = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(studied.state).not.toBe(0);

    const t3 = new Date(now.getTime() + DAY);
    const reset = control({ cardIds: [cardId], action: "reset" });
    const result = await applyCardControl(user.id, reset, t3);
    expect(result.cards[0]!.version).toBe(second.version + 1);
    const forgotten = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(forgotten).toMatchObject({ state: 0, stability: 0, difficulty: 0, reps: studied.reps, lapses: studied.lapses });
    expect(await db.reviewLog.count({ where: { userId: user.id, cardId } })).toBe(2);
    // The reset card is offered as new again.
    expect((await queueOf(user.id, t3)).ids).toContain(cardId);

    // An answer was refused on the version shown before the reset.
    await expect(
      answerCard(session, { clientId: clientId(), cardId, rating: 3, version: second.version, answeredAt: t3.getTime(), durationMs: 1 }, t3),
    ).rejects.toBeInstanceOf(ConflictError);

    // Undo puts the studied state back exactly.
    await undoCardControl(user.id, reset.clientId);
    const restored = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(storedStateOf(restored)).toEqual(storedStateOf(studied));

    // Reset again and answer: the state is what a replay of the whole log gives.
    await applyCardControl(user.id, control({ cardIds: [cardId], action: "reset" }), t3);
    const t4 = new Date(t3.getTime() + 60_000);
    const version = (await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } })).version;
    await answerCard(session, { clientId: clientId(), cardId, rating: 4, version, answeredAt: t4.getTime(), durationMs: 1 }, t4);
    const logs = await db.reviewLog.findMany({ where: { userId: user.id, cardId }, orderBy: { reviewedAt: "asc" } });
    expect(logs.at(-1)!.state).toBe(0);
    const replay = rescheduleFromLogs(logs.map(replayInput), DEFAULT_SCHEDULER_SETTINGS);
    const final = storedStateOf(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } }));
    expect({ ...final, due: undefined }).toEqual({ ...replay, due: undefined });
  });

  it("tags and suspends a card at its leech threshold, and the answer's undo takes both back", async () => {
    const user = await newUser({ leechThreshold: 2 });
    const { ids } = await basicCards(2);
    const [cardId, other] = ids as [string, string];
    await dueReview(user.id, cardId, { lapses: 1 });
    const id = clientId();
    const result = await answerCard(sessionOf(user.id), { clientId: id, cardId, rating: 1, version: 3, answeredAt: now.getTime(), durationMs: 1 }, now);
    expect(result.leech).toBe(true);
    const leech = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } });
    expect(leech).toMatchObject({ lapses: 2, leech: true, suspended: true });
    expect((await queueOf(user.id, new Date(now.getTime() + DAY))).ids).not.toContain(cardId);

    await undoAnswer(user.id, id);
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId } } })).toMatchObject({
      lapses: 1,
      leech: false,
      suspended: false,
    });

    // With suspending off, a leech is tagged only.
    await db.userSettings.update({ where: { userId: user.id }, data: { leechSuspend: false } });
    await dueReview(user.id, other, { lapses: 1 });
    await answerCard(sessionOf(user.id), { clientId: clientId(), cardId: other, rating: 1, version: 3, answeredAt: now.getTime(), durationMs: 1 }, now);
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: other } } })).toMatchObject({
      leech: true,
      suspended: false,
    });
  });

  it("changes only the caller's own state of a card another user studies", async () => {
    const a = await newUser();
    const b = await newUser();
    const { ids } = await basicCards(1);
    await dueReview(a.id, ids[0]!);
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: a.id, cardId: ids[0]! } } });
    const byB = control({ cardIds: ids, action: "suspend" });
    await applyCardControl(b.id, byB, now);
    expect(await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: a.id, cardId: ids[0]! } } })).toEqual(before);
    // B's control cannot be undone by A.
    await expect(undoCardControl(a.id, byB.clientId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("buries and suspends a whole note from one of its cards (Anki's = and !), new cards too, and undoes it as one change", async () => {
    const user = await newUser();
    const { ids, slug } = await basicCards(2);
    const [due] = ids as [string, string];
    await dueReview(user.id, due);
    const noteCards = await db.card.findMany({ where: { paper: { slug }, retiredAt: null }, select: { id: true } });
    expect(noteCards.length).toBeGreaterThan(2);
    const otherNote = (await queueOf(user.id, now)).ids.filter((id) => !noteCards.some((c) => c.id === id));
    expect(otherNote.length).toBeGreaterThan(0);

    const bury = control({ cardIds: [due], action: "bury", scope: "note" });
    const buried = await applyCardControl(user.id, bury, now);
    expect(buried.cards.map((c) => c.cardId).sort()).toEqual(noteCards.map((c) => c.id).sort());
    expect(buried.cards.every((c) => c.buriedUntil !== null)).toBe(true);
    expect((await queueOf(user.id, now, slug)).ids).toEqual([]);
    // Other notes' cards stay.
    expect((await queueOf(user.id, now)).ids).toEqual(expect.arrayContaining(otherNote.slice(0, 3)));
    const undone = await undoCardControl(user.id, bury.clientId);
    expect(undone).toHaveLength(noteCards.length);
    expect((await queueOf(user.id, now, slug)).ids).toEqual(expect.arrayContaining(ids));

    const suspend = control({ cardIds: [due], action: "suspend", scope: "note" });
    await applyCardControl(user.id, suspend, now);
    expect(await db.cardState.count({ where: { userId: user.id, suspended: true } })).toBe(noteCards.length);
    expect((await queueOf(user.id, new Date(now.getTime() + 30 * DAY), slug)).ids).toEqual([]);
    await undoCardControl(user.id, suspend.clientId);
    expect(await db.cardState.count({ where: { userId: user.id, suspended: true } })).toBe(0);
  });

  it("refuses to flag or reset a whole note at once", () => {
    for (const action of ["flag", "reset"] as const) {
      const parsed = cardControlSchema.safeParse({ clientId: clientId(), cardIds: ["x"], action, flag: 1, scope: "note" });
      expect(parsed.success).toBe(false);
    }
  });

  it("refuses a card that does not exist or is retired, changing nothing", async () => {
    const user = await newUser();
    const { ids } = await basicCards(1);
    await expect(applyCardControl(user.id, control({ cardIds: [ids[0]!, "no-such-card"], action: "suspend" }), now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.cardState.count({ where: { userId: user.id } })).toBe(0);
  });
});
