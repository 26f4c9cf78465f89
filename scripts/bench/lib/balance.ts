/**
 * The load balancer's figures for `npm run bench:review` (issue 15):
 * - the forecast's spread: a simulated year of one learner (20 new cards a day, every due card
 *   answered each day, recalled with probability R), with each option on and off: the daily
 *   answers' max/mean and coefficient of variation over days 60–364, and the next 30 days'
 *   forecast max/mean at the end of the year (flatter is better);
 * - the cost of balancing an answer in the database: `balanceAnswer` (one indexed count of the
 *   cards due in the fuzz range) next to the answer itself, for a user with 100,000 card states.
 * Figures only; no thresholds.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import {
  addDays,
  applyGrade,
  balanceRangeOf,
  balanceSeed,
  DEFAULT_SCHEDULER_SETTINGS,
  pickBalancedDay,
  retrievability,
  withReviewInDays,
  type SchedulerSettings,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { mulberry32 } from "@/app/lib/domain/random";
import type { AnswerInput } from "@/app/lib/schemas/review";
import { ms, percentile } from "./bench-db";

const DAY = 86_400_000;
const SIM_DAYS = 365;
const NEW_PER_DAY = 20;
/** Day 0 of the simulation is a Monday; each study day starts at 04:00 UTC; reviews from 12:00. */
const DAY0_START = Date.UTC(2026, 0, 5, 4);
const DAY0 = "2026-01-05";
const REVIEW_HOUR_OFFSET = 8 * 3_600_000;

interface SimCard {
  id: string;
  state: StoredCardState;
}

interface Spread {
  answers: number;
  meanPerDay: number;
  maxPerDay: number;
  cv: number;
  forecastMaxOverMean: number;
  weekendShare: number;
}

const dayIndexOf = (due: Date) => Math.floor((due.getTime() - DAY0_START) / DAY);

/** One simulated year with `settings`; the load balancer / easy days act when the settings ask. */
export function simulateYear(settings: SchedulerSettings, seed = 2026): Spread {
  const random = mulberry32(seed);
  const cards: SimCard[] = [];
  /** Cards due on each day index (what the load balancer counts). */
  const dueOn = new Map<number, number>();
  const bump = (day: number, by: number) => dueOn.set(day, (dueOn.get(day) ?? 0) + by);
  const perDay: number[] = [];
  let answers = 0;
  for (let day = 0; day < SIM_DAYS; day += 1) {
    const dayStart = DAY0_START + day * DAY;
    const nextDayStart = dayStart + DAY;
    for (let i = 0; i < NEW_PER_DAY; i += 1) {
      cards.push({ id: `sim-${cards.length}`, state: { ...DEFAULT_NEW, due: new Date(dayStart + REVIEW_HOUR_OFFSET) } });
    }
    let today = 0;
    let clock = dayStart + REVIEW_HOUR_OFFSET;
    // Answer every card due today, (re)learning steps included, until none is left.
    for (let pass = 0; pass < 20; pass += 1) {
      const due = cards.filter((c) => c.state.due.getTime() < nextDayStart);
      if (due.length === 0) break;
      due.sort((a, b) => a.state.due.getTime() - b.state.due.getTime());
      for (const card of due) {
        clock = Math.max(clock + 5_000, card.state.due.getTime());
        if (clock >= nextDayStart) clock = nextDayStart - 1;
        const now = new Date(clock);
        const before = card.state;
        if (before.state !== "new") bump(dayIndexOf(before.due), -1);
        const recalled = before.state !== "review" || random() < retrievability(before, settings, now);
        const rating = recalled ? 3 : 1;
        let result = applyGrade(before, rating, settings, now);
        const range = balanceRangeOf(before, rating, result, settings, now);
        if (range) {
          const counts = Array.from({ length: range.maxDays - range.minDays + 1 }, (_, k) => dueOn.get(day + range.minDays + k) ?? 0);
          const days = pickBalancedDay({
            range,
            dueCounts: counts,
            reviewWeekday: day % 7,
            seed: balanceSeed(card.id, before.reps, addDays(DAY0, day)),
            loadBalance: settings.loadBalance ?? false,
            easyDays: settings.easyDays,
          });
          if (days !== null) result = withReviewInDays(result, days, now);
        }
        card.state = result.next;
        bump(dayIndexOf(card.state.due), 1);
        today += 1;
      }
    }
    perDay.push(today);
    answers += today;
  }
  const steady = perDay.slice(60);
  const mean = steady.reduce((a, b) => a + b, 0) / steady.length;
  const sd = Math.sqrt(steady.reduce((a, b) => a + (b - mean) ** 2, 0) / steady.length);
  const forecast = Array.from({ length: 30 }, (_, k) => dueOn.get(SIM_DAYS + k) ?? 0);
  const forecastMean = forecast.reduce((a, b) => a + b, 0) / forecast.length;
  const weekend = steady.filter((_, i) => (i + 60) % 7 >= 5).reduce((a, b) => a + b, 0);
  return {
    answers,
    meanPerDay: mean,
    maxPerDay: Math.max(...steady),
    cv: sd / mean,
    forecastMaxOverMean: Math.max(...forecast) / forecastMean,
    weekendShare: weekend / steady.reduce((a, b) => a + b, 0),
  };
}

const DEFAULT_NEW: StoredCardState = {
  due: new Date(DAY0_START),
  stability: 0,
  difficulty: 0,
  elapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: 0,
  lapses: 0,
  state: "new",
  lastReview: null,
};

/** Prints the forecast spread with each option on and off. */
export function benchForecastSpread(): void {
  const base: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, enableFuzz: true };
  const weekendOff = [1, 1, 1, 1, 1, 0, 0];
  const runs: [string, SchedulerSettings][] = [
    ["fuzz off", { ...base, enableFuzz: false }],
    ["fuzz on (baseline)", base],
    ["load balancer", { ...base, loadBalance: true }],
    ["easy days (Sat, Sun minimum)", { ...base, easyDays: weekendOff }],
    ["load balancer + easy days", { ...base, loadBalance: true, easyDays: weekendOff }],
    ["long-term-only mode", { ...base, enableShortTerm: false }],
    ["long-term-only mode + load balancer", { ...base, enableShortTerm: false, loadBalance: true }],
  ];
  console.log(
    `\n(d) forecast spread: one simulated learner, ${NEW_PER_DAY} new cards a day for ${SIM_DAYS} days, every due card answered daily (recalled with probability R)`,
  );
  console.log(
    `    ${"option".padEnd(38)} ${"answers".padStart(8)} ${"mean/day".padStart(9)} ${"max/day".padStart(8)} ${"max/mean".padStart(9)} ${"CV".padStart(6)} ${"30-day forecast max/mean".padStart(25)} ${"Sat+Sun share".padStart(14)}`,
  );
  for (const [name, settings] of runs) {
    const started = performance.now();
    const s = simulateYear(settings);
    console.log(
      `    ${name.padEnd(38)} ${String(s.answers).padStart(8)} ${s.meanPerDay.toFixed(1).padStart(9)} ${String(s.maxPerDay).padStart(8)} ${(s.maxPerDay / s.meanPerDay).toFixed(2).padStart(9)} ${s.cv.toFixed(3).padStart(6)} ${s.forecastMaxOverMean.toFixed(2).padStart(25)} ${`${(s.weekendShare * 100).toFixed(1)} %`.padStart(14)}   (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  console.log("    (days 60–364; CV = standard deviation / mean of the daily answers; Sat+Sun share of 2/7 = 28.6 % is an even week)");
}

/** The answer path as the route calls it (the one line to change when its session argument changes). */
async function answerOnce(userId: string, input: AnswerInput, now: Date) {
  const { answerCard } = await import("@/app/lib/server/data/review");
  const { sessionClaimsOf } = await import("@/app/lib/server/auth/session-token");
  // The claims a signed-in bench user's session cookie would carry.
  const session = sessionClaimsOf({ uid: userId, sv: 0, sid: "bench-balance" });
  if (!session) throw new Error("unreachable: complete claims");
  return answerCard(session, input, now);
}

/**
 * The cost of balancing an answer for `userId` (100,000 card states), in process, one answer
 * after another after a warm-up, on review cards of similar stability, the user's setting
 * switched every 10 answers so that both sides see the same machine load:
 * - off: `answerCard` with the user's load balancer off (its read, ts-fsrs, its write);
 * - session 6's design: the same plus `balanceAnswer` (a second round trip counting the cards
 *   due in the fuzz range), which is not what the answer path does;
 * - on: `answerCard` with the user's load balancer on, as it runs: the day picked from this
 *   process's due counts (`due-count-cache.ts`, loaded in the background on the first answer);
 * - on, counting in the write: afterwards, apart (its background reload of the cache would
 *   load the database under the others), the cache emptied before each answer, so the write
 *   statement counts the range and picks the day itself (`balancedDaySql`); alternately as the
 *   answer path does now (the cache's load starts after the write) and as it did before session
 *   8 (the load started beside the write, competing with it);
 * - a session's first answer: the cache emptied, loaded as the session's queue read loads it,
 *   a second's pause (the user reads the card), then the answer;
 * - the cache's load alone (`loadDueCounts`, 120 days): how soon after a session's queue read
 *   (which starts it) the first answer finds the counts.
 * And the plan of the count.
 */
export async function benchBalanceCost(client: pg.Client, userId: string, runs = 600, coldRuns = 150): Promise<void> {
  const { balanceAnswer, dueCountsByDay } = await import("@/app/lib/server/data/load-balance");
  const { dueCountsSettled, forgetDueCounts, warmDueCounts } = await import("@/app/lib/server/data/due-count-cache");
  const { loadDueCounts } = await import("@/app/lib/server/data/load-balance");
  const { cardStateColumns, storedStateOf } = await import("@/app/lib/server/sql/card-state");
  type Row = Parameters<typeof storedStateOf>[0] & { cardId: string; version: number };
  const warmup = 40;
  const rows = await client.query<Row>(
    `SELECT s."cardId", s.version, ${cardStateColumns("s").text}
       FROM "CardState" s WHERE s."userId" = $1 AND s.state = 2 AND s.stability BETWEEN 5 AND 40 ORDER BY s."cardId" LIMIT $2`,
    [userId, runs + warmup + coldRuns],
  );
  const settings: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, loadBalance: true };
  const zone = { timeZone: "UTC", dayStartHour: 4 };
  const off: number[] = [];
  const twoTrips: number[] = [];
  const on: number[] = [];
  const inWrite: number[] = [];
  const inWriteBeside: number[] = [];
  const firstOfSession: number[] = [];
  const loads: number[] = [];
  const countOnly: number[] = [];
  let moved = 0;
  let considered = 0;
  const queueOff: number[] = [];
  const queueCold: number[] = [];
  const queueWarm: number[] = [];
  let labelled = 0;
  const setBalancer = (value: boolean) =>
    client.query(`UPDATE "UserSettings" SET "loadBalance" = $2 WHERE "userId" = $1`, [userId, value]);
  try {
    for (const [i, row] of rows.rows.entries()) {
      const cold = i >= runs + warmup;
      const mode = cold ? 2 : Math.floor(i / 10) % 2; // 0 off, 1 on (cache), 2 on (count in the write)
      const balancing = mode !== 0;
      if (i % 10 === 0 || i === runs + warmup) await setBalancer(balancing);
      // The cold answers take turns: counted in the write with the cache's load after it (as
      // now), the same with the load beside it (before session 8), and a session's first answer
      // (the queue read starts the load, the user reads the card for a second, then answers).
      const beside = cold && i % 3 === 1;
      const sessionFirst = cold && i % 3 === 2;
      if (cold) {
        await dueCountsSettled();
        forgetDueCounts();
      }
      const before = storedStateOf(row);
      const now = new Date(Math.max(Date.now(), (before.lastReview?.getTime() ?? 0) + 1));
      const input = { clientId: `bench-balance-${row.cardId}`, cardId: row.cardId, rating: 3 as const, version: row.version, answeredAt: now.getTime(), durationMs: 1000 };
      const result = applyGrade(before, 3, settings, now);
      const range = balanceRangeOf(before, 3, result, settings, now);
      if (sessionFirst) {
        warmDueCounts(userId, zone, now, loadDueCounts);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      let t = performance.now();
      // Before session 8 a cold answer started the cache's load itself, beside its write.
      if (beside) warmDueCounts(userId, zone, now, loadDueCounts);
      const answered = await answerOnce(userId, input, now);
      const answer = performance.now() - t;
      if (cold) {
        await dueCountsSettled();
        forgetDueCounts();
        t = performance.now();
        warmDueCounts(userId, zone, now, loadDueCounts);
        await dueCountsSettled();
        loads.push(performance.now() - t);
      }
      if (balancing) {
        if (i >= warmup && mode === 2) (beside ? inWriteBeside : sessionFirst ? firstOfSession : inWrite).push(answer);
        if (i >= warmup && mode === 1) {
          on.push(answer);
          if (range) considered += 1;
          if (answered.due.getTime() !== result.next.due.getTime()) moved += 1;
        }
        continue;
      }
      t = performance.now();
      await balanceAnswer({ userId, cardId: row.cardId, before, rating: 3, result, settings, zone, now });
      const balance = performance.now() - t;
      t = performance.now();
      if (range) await dueCountsByDay(userId, row.cardId, now, zone, range);
      const count = performance.now() - t;
      if (i < warmup) continue;
      if (range) countOnly.push(count);
      off.push(answer);
      twoTrips.push(answer + balance);
    }
    // The queue read (issue 15): with the balancer on it puts the balanced day on each answer
    // button, so on a cold cache it waits for the 120-day count load it starts beside its reads.
    const { loadReviewQueue } = await import("@/app/lib/server/data/review-queue");
    for (let k = 0; k < 66; k += 1) {
      const mode = k % 3; // 0 off, 1 on with the cache emptied, 2 on with the cache the read before loaded
      if (mode !== 2) await setBalancer(mode === 1);
      if (mode === 1) {
        await dueCountsSettled();
        forgetDueCounts();
      }
      const t = performance.now();
      const queue = await loadReviewQueue(userId, new Date(), { limit: 20 });
      if (k >= 6) (mode === 0 ? queueOff : mode === 1 ? queueCold : queueWarm).push(performance.now() - t);
      if (mode !== 0) labelled += queue.cards.filter((c) => c.days.some((d) => d !== null)).length;
    }
  } finally {
    await setBalancer(false);
  }
  for (const xs of [off, twoTrips, on, inWrite, inWriteBeside, firstOfSession, countOnly, loads, queueOff, queueCold, queueWarm]) xs.sort((a, b) => a - b);
  const p95 = (xs: number[]) => percentile(xs, 95);
  const added = (xs: number[]) => `p95 +${(((p95(xs) - p95(off)) / p95(off)) * 100).toFixed(1)} %`;
  console.log(`\n(e) the answer with the load balancer, review answers of a user with 100,000 card states (in process, one after another, after ${warmup} unmeasured; the setting switched every 10 answers)`);
  console.log(`    answerCard, balancer off (${off.length})                 p50 ${ms(percentile(off, 50)).padStart(9)}  p95 ${ms(p95(off)).padStart(9)}`);
  console.log(`    answerCard + balanceAnswer, a 2nd round trip      p50 ${ms(percentile(twoTrips, 50)).padStart(9)}  p95 ${ms(p95(twoTrips)).padStart(9)}   ${added(twoTrips)}   (session 6's design)`);
  console.log(`    answerCard, balancer on (in-process counts)       p50 ${ms(percentile(on, 50)).padStart(9)}  p95 ${ms(p95(on)).padStart(9)}   ${added(on)}   (${on.length})`);
  console.log(`    answerCard, balancer on, counted in the write     p50 ${ms(percentile(inWrite, 50)).padStart(9)}  p95 ${ms(p95(inWrite)).padStart(9)}   ${added(inWrite)}   (${inWrite.length}, measured after the others; the cache's cold path, its load after the write)`);
  console.log(`      the same, the cache's load beside the write     p50 ${ms(percentile(inWriteBeside, 50)).padStart(9)}  p95 ${ms(p95(inWriteBeside)).padStart(9)}   ${added(inWriteBeside)}   (${inWriteBeside.length}, as before session 8)`);
  console.log(`    a session's first answer (queue read, 1 s, answer)  p50 ${ms(percentile(firstOfSession, 50)).padStart(9)}  p95 ${ms(p95(firstOfSession)).padStart(9)}   ${added(firstOfSession)}   (${firstOfSession.length}, the cache loaded by the queue read)`);
  console.log(`    the cache's load alone (120 days, in background)  p50 ${ms(percentile(loads, 50)).padStart(9)}  p95 ${ms(p95(loads)).padStart(9)}   (a session's queue read starts it)`);
  console.log(`    the count alone (dueCountsByDay)                  p50 ${ms(percentile(countOnly, 50)).padStart(9)}  p95 ${ms(p95(countOnly)).padStart(9)}`);
  const queueAdded = (xs: number[]) => `p95 ${p95(xs) >= p95(queueOff) ? "+" : ""}${(((p95(xs) - p95(queueOff)) / p95(queueOff)) * 100).toFixed(1)} %`;
  console.log(`    queue read (20 cards), balancer off               p50 ${ms(percentile(queueOff, 50)).padStart(9)}  p95 ${ms(p95(queueOff)).padStart(9)}   (${queueOff.length})`);
  console.log(`    queue read, balancer on, counts loaded (labels)   p50 ${ms(percentile(queueCold, 50)).padStart(9)}  p95 ${ms(p95(queueCold)).padStart(9)}   ${queueAdded(queueCold)}   (${queueCold.length}, cache emptied: waits for the 120-day load)`);
  console.log(`    queue read, balancer on, counts cached            p50 ${ms(percentile(queueWarm, 50)).padStart(9)}  p95 ${ms(p95(queueWarm)).padStart(9)}   ${queueAdded(queueWarm)}   (${queueWarm.length}; ${labelled} cards shown with a balanced day)`);
  console.log(`    balancer on: ${considered} answers had a range to balance (interval ≤ 90 days), ${moved} were put on another day than FSRS's own`);
  // The count's plan: a range scan of the (userId, state, due) index.
  const sample = rows.rows[0];
  if (sample) {
    const now = new Date();
    const { counts } = await dueCountsByDay(userId, sample.cardId, now, zone, { minDays: 20, maxDays: 24 });
    const plan = await client.query(
      `EXPLAIN (ANALYZE, TIMING OFF) SELECT width_bucket(s.due, ARRAY(SELECT generate_series(now()::timestamp + interval '20 days', now()::timestamp + interval '25 days', interval '1 day'))) AS bucket, count(*)
         FROM "CardState" s WHERE s."userId" = $1 AND s.state IN (1, 2, 3) AND s.due >= now()::timestamp + interval '20 days'
          AND s.due < now()::timestamp + interval '25 days' AND s."cardId" <> $2 GROUP BY 1`,
      [userId, sample.cardId],
    );
    console.log(`    due counts on days 20–24: ${counts.join(", ")}; its plan:`);
    console.log(plan.rows.map((r: Record<string, string>) => `      ${r["QUERY PLAN"] ?? ""}`).join("\n"));
  }
}
