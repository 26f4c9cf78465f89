import { describe, expect, it } from "vitest";
import {
  applyGrade,
  balanceRangeOf,
  newCardState,
  type SchedulerSettings,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { db } from "@/app/lib/server/db";
import { balanceAnswer, dueCountsByDay } from "@/app/lib/server/data/load-balance";
import { getUserSettings, schedulerSettingsOf } from "@/app/lib/server/data/settings";

const unique = () => `balance-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const DAY = 86_400_000;
/** A Tuesday, 12:00 UTC; the user's study day starts at 04:00 UTC. */
const NOW = new Date("2026-03-10T12:00:00Z");
const ZONE = { timeZone: "UTC", dayStartHour: 4 };

async function newUser(settings: Record<string, unknown>) {
  return db.user.create({ data: { email: unique(), settings: { create: { ...ZONE, ...settings } } }, select: { id: true } });
}

/** A review card answered good three times: the next good asks for an interval of weeks. */
function reviewState(settings: SchedulerSettings): { state: StoredCardState; at: Date } {
  let state = newCardState(new Date(NOW.getTime() - 40 * DAY));
  let at = state.due;
  for (let i = 0; i < 3; i += 1) {
    state = applyGrade(state, 3, settings, at).next;
    at = new Date(state.due.getTime() + 3_600_000);
  }
  return { state: { ...state, due: NOW }, at: NOW };
}

/** Gives the user `perDay[i]` review cards due on study day `minDays + i` after NOW's (at 15:00). */
async function loadDays(userId: string, minDays: number, perDay: number[], cardIds: string[]) {
  let next = 0;
  const rows = perDay.flatMap((n, i) =>
    Array.from({ length: n }, () => ({
      userId, cardId: cardIds[next++]!, due: new Date(Date.UTC(2026, 2, 10 + minDays + i, 15)), stability: 20, difficulty: 5,
      elapsedDays: 10, scheduledDays: 20, learningSteps: 0, reps: 4, lapses: 0, state: 2, lastReview: new Date(NOW.getTime() - 10 * DAY), version: 1,
    })),
  );
  await db.cardState.createMany({ data: rows });
}

describe("balancing an answer against the cards already due", () => {
  it("counts the cards due on each study day of the range, in one query, leaving out the card answered", async () => {
    const user = await newUser({ loadBalance: true });
    const cards = (await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 40, select: { id: true } })).map((c) => c.id);
    await loadDays(user.id, 5, [3, 0, 7, 2], cards);
    // Before the study day begins (03:00) and at its start: the day before, and day 9.
    await db.cardState.createMany({
      data: [
        { userId: user.id, cardId: cards[30]!, due: new Date(Date.UTC(2026, 2, 19, 3)), stability: 9, difficulty: 5, elapsedDays: 1, scheduledDays: 9, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: NOW, version: 1 },
        { userId: user.id, cardId: cards[31]!, due: new Date(Date.UTC(2026, 2, 19, 4)), stability: 9, difficulty: 5, elapsedDays: 1, scheduledDays: 9, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: NOW, version: 1 },
      ],
    });
    const { counts, reviewWeekday } = await dueCountsByDay(user.id, cards[0]!, NOW, ZONE, { minDays: 5, maxDays: 9 });
    expect(counts).toEqual([2, 0, 7, 2 + 1, 1]);
    expect(reviewWeekday).toBe(1); // Tuesday
  });

  it("moves the next review to the empty day of a loaded range, the same day each time, within the range", async () => {
    const user = await newUser({ loadBalance: true });
    const settings = schedulerSettingsOf(await getUserSettings(user.id));
    const cards = (await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "desc" }, take: 300, select: { id: true } })).map((c) => c.id);
    const answered = cards.pop()!;
    const { state, at } = reviewState(settings);
    const result = applyGrade(state, 3, settings, at);
    const range = balanceRangeOf(state, 3, result, settings, at)!;
    expect(range.maxDays - range.minDays).toBeGreaterThanOrEqual(2);
    const length = range.maxDays - range.minDays + 1;
    const empty = range.minDays + 1;
    await loadDays(user.id, range.minDays, Array.from({ length }, (_, i) => (range.minDays + i === empty ? 0 : 10)), cards);
    const input = { userId: user.id, cardId: answered, before: state, rating: 3 as const, result, settings, zone: ZONE, now: at };
    const balanced = await balanceAnswer(input);
    expect(balanced.next.scheduledDays).toBe(empty);
    expect(balanced.next.due.getTime()).toBe(at.getTime() + empty * DAY);
    expect({ ...balanced.next, due: result.next.due, scheduledDays: result.next.scheduledDays }).toEqual(result.next);
    expect(await balanceAnswer(input)).toEqual(balanced);
  });

  it("leaves the answer as it is with the load balancer and easy days off", async () => {
    const user = await newUser({});
    const settings = schedulerSettingsOf(await getUserSettings(user.id));
    const { state, at } = reviewState(settings);
    const result = applyGrade(state, 3, settings, at);
    const [card] = await db.card.findMany({ where: { retiredAt: null }, take: 1, select: { id: true } });
    expect(await balanceAnswer({ userId: user.id, cardId: card!.id, before: state, rating: 3, result, settings, zone: ZONE, now: at })).toBe(result);
  });

  it("keeps reviews off minimum easy days, within the range", async () => {
    // Every weekday minimum but Thursday: the review goes to a Thursday in the range.
    const user = await newUser({ easyDays: [0, 0, 0, 1, 0, 0, 0] });
    const settings = schedulerSettingsOf(await getUserSettings(user.id));
    const cards = (await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 1, select: { id: true } })).map((c) => c.id);
    const { state, at } = reviewState(settings);
    const result = applyGrade(state, 3, settings, at);
    const range = balanceRangeOf(state, 3, result, settings, at)!;
    expect(range.maxDays - range.minDays).toBeGreaterThanOrEqual(6);
    const balanced = await balanceAnswer({ userId: user.id, cardId: cards[0]!, before: state, rating: 3, result, settings, zone: ZONE, now: at });
    expect(balanced.next.scheduledDays).toBeGreaterThanOrEqual(range.minDays);
    expect(balanced.next.scheduledDays).toBeLessThanOrEqual(range.maxDays);
    expect(balanced.next.due.getUTCDay()).toBe(4); // Thursday
  });
});
