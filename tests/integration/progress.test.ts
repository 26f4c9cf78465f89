import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { getProgressDashboard } from "@/app/lib/server/data/progress";
import { reviewsPerDay, streak, trueRetention } from "@/app/lib/domain/stats";
import { studyDayOf } from "@/app/lib/domain/scheduling";

const unique = () => `progress-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const DAY = 86_400_000;

async function newUser(settings: Record<string, unknown> = {}) {
  return db.user.create({ data: { email: unique(), settings: { create: settings } }, select: { id: true } });
}

async function liveCards(n: number) {
  return db.card.findMany({
    where: { retiredAt: null, paper: { retiredAt: null } },
    orderBy: [{ paper: { sortKey: "asc" } }, { position: "asc" }],
    take: n,
    select: { id: true, paperId: true, paper: { select: { slug: true } } },
  });
}

interface LogInput {
  cardId: string;
  at: string | Date;
  rating: number;
  state?: number;
  scheduledDays?: number;
  durationMs?: number;
  stability?: number;
  elapsedDays?: number;
}

async function addLogs(userId: string, logs: LogInput[]) {
  await db.reviewLog.createMany({
    data: logs.map((l) => {
      const reviewedAt = new Date(l.at);
      return {
        clientId: randomUUID(),
        userId,
        cardId: l.cardId,
        rating: l.rating,
        state: l.state ?? 2,
        due: reviewedAt,
        stability: l.stability ?? 10,
        difficulty: 5,
        elapsedDays: l.elapsedDays ?? 5,
        lastElapsedDays: 0,
        scheduledDays: l.scheduledDays ?? 10,
        learningSteps: 0,
        reviewedAt,
        durationMs: l.durationMs ?? 1000,
        previous: {},
      };
    }),
  });
}

async function addState(userId: string, cardId: string, due: Date, lastReview: Date, stability = 10) {
  await db.cardState.create({
    data: {
      userId,
      cardId,
      due,
      stability,
      difficulty: 5,
      elapsedDays: 3,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: 2,
      lastReview,
    },
  });
}

async function addQuiz(userId: string, score: number, finishedAt: Date) {
  await db.quizAttempt.create({
    data: { userId, scope: { kind: "weak" }, title: "Weak spots", seed: "s", mode: "each", questionIds: [], score, startedAt: finishedAt, finishedAt },
  });
}

describe("the progress dashboard", () => {
  // New York, the day starting at 04:00. Now: 12:00 EDT on Tuesday 10 March 2026 (study day 2026-03-10).
  const now = new Date("2026-03-10T16:00:00Z");
  const zone = { timeZone: "America/New_York", dayStartHour: 4 };

  it("computes every statistic from the signed-in user's rows only", async () => {
    const me = await newUser(zone);
    const other = await newUser(zone);
    const [c1, c2, c3, c4] = await liveCards(4);
    await addLogs(me.id, [
      { cardId: c1!.id, at: "2026-03-10T13:00:00Z", rating: 3, scheduledDays: 10, durationMs: 5000 }, // 09:00: young, passed
      { cardId: c2!.id, at: "2026-03-10T09:00:00Z", rating: 1, scheduledDays: 30, durationMs: 7000 }, // 05:00: mature, failed
      { cardId: c2!.id, at: "2026-03-10T09:30:00Z", rating: 3, state: 3, durationMs: 2000 }, // relearning step: not in retention
      { cardId: c1!.id, at: "2026-03-10T15:00:00Z", rating: 1, scheduledDays: 10, durationMs: 1000 }, // same card, same day: not counted again
      { cardId: c3!.id, at: "2026-03-10T07:30:00Z", rating: 4, scheduledDays: 21, durationMs: 4000 }, // 03:30 → yesterday, mature, passed
      { cardId: c4!.id, at: "2026-03-08T15:00:00Z", rating: 3, state: 0 }, // a new card on the 8th
      { cardId: c4!.id, at: "2026-03-01T15:00:00Z", rating: 3, state: 0 },
      { cardId: c4!.id, at: "2026-03-11T15:00:00Z", rating: 3 }, // after now: ignored
    ]);
    await addState(me.id, c1!.id, new Date(now.getTime() + 2 * DAY), new Date(now.getTime() - 2 * DAY));
    await addState(me.id, c2!.id, new Date(now.getTime() - DAY), new Date(now.getTime() - 12 * DAY));
    await addQuiz(me.id, 0.5, new Date("2026-03-01T10:00:00Z"));
    await addQuiz(me.id, 0.8, new Date("2026-03-05T10:00:00Z"));

    // Someone else's busy, failing history on the same cards must change nothing of mine.
    await addLogs(
      other.id,
      Array.from({ length: 40 }, (_, i) => ({ cardId: c1!.id, at: new Date(now.getTime() - i * 3 * 3_600_000), rating: 1, scheduledDays: 40, durationMs: 60_000 })),
    );
    await addState(other.id, c3!.id, new Date(now.getTime() + DAY), new Date(now.getTime() - DAY));
    await addQuiz(other.id, 0.1, new Date("2026-03-06T10:00:00Z"));

    const d = await getProgressDashboard(me.id, now);

    expect(d.today).toEqual({
      day: "2026-03-10",
      reviews: 4,
      byState: { new: 0, learning: 0, review: 3, relearning: 1 },
      again: 2,
      timeMs: 15_000,
    });
    expect(d.totalReviews).toBe(7);
    expect(d.streak).toEqual({ current: 3, longest: 3 });
    const busy = d.heatmap.filter((c) => c.count > 0).map((c) => [c.day, c.count]);
    expect(busy).toEqual([
      ["2026-03-01", 1],
      ["2026-03-08", 1],
      ["2026-03-09", 1],
      ["2026-03-10", 4],
    ]);
    expect(d.heatmap.at(-1)?.day).toBe("2026-03-10");

    expect(d.retention.today.young).toEqual({ passed: 1, failed: 0, retention: 1 });
    expect(d.retention.today.mature).toEqual({ passed: 0, failed: 1, retention: 0 });
    expect(d.retention.yesterday.mature).toEqual({ passed: 1, failed: 0, retention: 1 });
    expect(d.retention.week.total).toEqual({ passed: 2, failed: 1, retention: 2 / 3 });

    // Overdue counts for today; the other user's state is not mine.
    expect(d.forecast).toHaveLength(30);
    expect(d.forecast[0]).toMatchObject({ day: "2026-03-10", count: 1 });
    expect(d.forecast[2]).toMatchObject({ day: "2026-03-12", count: 1 });
    expect(d.forecast.reduce((s, f) => s + f.count, 0)).toBe(2);

    // Four review-state logs, all 5 days after their last review: two passed.
    expect(d.calibration).toHaveLength(1);
    expect(d.calibration[0]).toMatchObject({ label: "5", reviews: 4, observed: 0.5 });
    expect(d.calibration[0]!.predicted).toBeGreaterThan(0.9);
    expect(d.calibration[0]!.predicted).toBeLessThan(1);

    const mine = d.mastery.find((n) => n.slug === c1!.paper.slug);
    expect(mine?.studied).toBeGreaterThanOrEqual(1);
    expect(mine?.mastery).toBeGreaterThan(0);
    const untouched = d.mastery.find((n) => n.slug === c3!.paper.slug && n.slug !== c1!.paper.slug && n.slug !== c2!.paper.slug);
    if (untouched) expect(untouched.mastery).toBe(0);

    expect(d.quizScores.map((q) => q.score)).toEqual([0.5, 0.8]);
    expect(d.quizTrend.direction).toBe("up");
  });

  it("gives a user without history an empty dashboard", async () => {
    const me = await newUser();
    const d = await getProgressDashboard(me.id, now);
    expect(d.totalReviews).toBe(0);
    expect(d.streak).toEqual({ current: 0, longest: 0 });
    expect(d.heatmap.every((c) => c.count === 0 && c.level === 0)).toBe(true);
    expect(d.retention.allTime.total.retention).toBeNull();
    expect(d.calibration).toEqual([]);
    expect(d.forecast.every((f) => f.count === 0)).toBe(true);
    expect(d.quizScores).toEqual([]);
    expect(d.mastery.length).toBeGreaterThan(0);
    expect(d.mastery.every((n) => n.mastery === 0 || n.mastery === null)).toBe(true);
  });

  it.each([
    ["Australia/Lord_Howe", 4],
    ["America/St_Johns", 0],
    ["Asia/Kathmandu", 23],
    ["Europe/Berlin", 4],
  ])("groups reviews into study days in %s (day start %i) exactly as the domain does", async (timeZone, dayStartHour) => {
    const me = await newUser({ timeZone, dayStartHour });
    const cards = await liveCards(7);
    // Pseudo-random instants over the last ~400 days, crossing DST changes.
    let seed = 7;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const logs: LogInput[] = Array.from({ length: 400 }, (_, i) => ({
      cardId: cards[i % cards.length]!.id,
      at: new Date(now.getTime() - Math.floor(rand() * 400 * DAY)),
      rating: 1 + Math.floor(rand() * 4),
      state: rand() < 0.8 ? 2 : 1,
      scheduledDays: Math.floor(rand() * 40),
    }));
    await addLogs(me.id, logs);
    const d = await getProgressDashboard(me.id, now);

    const domainLogs = logs.map((l) => ({
      reviewedAt: new Date(l.at),
      rating: l.rating as 1 | 2 | 3 | 4,
      state: l.state === 2 ? ("review" as const) : ("learning" as const),
      scheduledDays: l.scheduledDays ?? 10,
      cardId: l.cardId,
    }));
    const today = studyDayOf(now, timeZone, dayStartHour);
    const perDay = reviewsPerDay(domainLogs, timeZone, dayStartHour);
    const firstShown = d.heatmap[0]!.day;
    expect(d.heatmap.filter((c) => c.count > 0).map((c) => ({ day: c.day, count: c.count }))).toEqual(
      perDay.filter((p) => p.day >= firstShown),
    );
    expect(d.streak).toEqual(streak(perDay.map((p) => p.day), today));
    expect(d.retention).toEqual(trueRetention(domainLogs, now, timeZone, dayStartHour));
  });
});

describe("the cache of closed study days", () => {
  const start = new Date("2026-05-20T12:00:00Z");

  /** The dashboard rebuilt from the review log alone, for comparison. */
  async function uncached(userId: string, at: Date) {
    await db.progressCache.deleteMany({ where: { userId } });
    return getProgressDashboard(userId, at);
  }

  it("gives the same dashboard as a rebuild as days pass, reviews are added, undone or imported and the time zone changes", async () => {
    const me = await newUser({ timeZone: "Europe/Berlin", dayStartHour: 4 });
    const cards = await liveCards(5);
    let seed = 11;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const logsBefore = (at: Date, n: number, spanDays: number): LogInput[] =>
      Array.from({ length: n }, (_, i) => ({
        cardId: cards[i % cards.length]!.id,
        at: new Date(at.getTime() - Math.floor(rand() * spanDays * DAY)),
        rating: 1 + Math.floor(rand() * 4),
        state: rand() < 0.8 ? 2 : 1,
        scheduledDays: Math.floor(rand() * 40),
        elapsedDays: Math.floor(rand() * 30),
        stability: 1 + rand() * 50,
      }));
    await addLogs(me.id, logsBefore(start, 300, 200));

    const first = await getProgressDashboard(me.id, start);
    expect(await db.progressCache.findUnique({ where: { userId: me.id } })).not.toBeNull();
    expect(await getProgressDashboard(me.id, start)).toEqual(first);
    expect(first).toEqual(await uncached(me.id, start));

    // Three days later, with reviews on the days between: the cache grows by those days.
    const later = new Date(start.getTime() + 3 * DAY);
    await getProgressDashboard(me.id, start);
    await addLogs(me.id, logsBefore(later, 40, 3));
    const grown = await getProgressDashboard(me.id, later);
    const cache = await db.progressCache.findUniqueOrThrow({ where: { userId: me.id } });
    expect(cache.until.getTime()).toBeGreaterThan(start.getTime());
    expect(grown).toEqual(await uncached(me.id, later));

    // An imported review long ago (the count before the cache's end changes): rebuilt.
    await getProgressDashboard(me.id, later);
    await addLogs(me.id, [{ cardId: cards[0]!.id, at: new Date(start.getTime() - 100 * DAY), rating: 1, state: 2, scheduledDays: 30 }]);
    const imported = await getProgressDashboard(me.id, later);
    expect(imported.totalReviews).toBe(grown.totalReviews + 1);
    expect(imported).toEqual(await uncached(me.id, later));

    // An undone review of an earlier day.
    await getProgressDashboard(me.id, later);
    const old = await db.reviewLog.findFirstOrThrow({ where: { userId: me.id, reviewedAt: { lt: start } }, orderBy: { reviewedAt: "desc" } });
    await db.reviewLog.delete({ where: { id: old.id } });
    const undone = await getProgressDashboard(me.id, later);
    expect(undone.totalReviews).toBe(imported.totalReviews - 1);
    expect(undone).toEqual(await uncached(me.id, later));

    // Another time zone and day start: other study days.
    await getProgressDashboard(me.id, later);
    await db.userSettings.update({ where: { userId: me.id }, data: { timeZone: "Pacific/Auckland", dayStartHour: 0 } });
    const moved = await getProgressDashboard(me.id, later);
    expect(moved.timeZone).toBe("Pacific/Auckland");
    expect(moved).toEqual(await uncached(me.id, later));
    expect(moved.heatmap).not.toEqual(undone.heatmap);

    // Asked about an earlier moment than the cache covers: computed without it.
    expect(await getProgressDashboard(me.id, start)).toEqual(await uncached(me.id, start));
  });

  it("is deleted with its account", async () => {
    const me = await newUser();
    const cards = await liveCards(1);
    await addLogs(me.id, [{ cardId: cards[0]!.id, at: new Date(start.getTime() - 5 * DAY), rating: 3 }]);
    await getProgressDashboard(me.id, start);
    await db.user.delete({ where: { id: me.id } });
    expect(await db.progressCache.count({ where: { userId: me.id } })).toBe(0);
  });
});
