import { randomUUID } from "node:crypto";
import { sessionOf } from "./helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { answerCard } from "@/app/lib/server/data/review";
import { exportReviewLogCsv, importReviewLogCsv } from "@/app/lib/server/data/review-csv";
import { MIN_REVIEWS_TO_OPTIMIZE, optimizerStatus, startOptimizer, type OptimizerJob } from "@/app/lib/server/optimizer";
import { mulberry32 } from "@/app/lib/domain/random";
import { generatorParameters } from "ts-fsrs";

const DAY = 86_400_000;
const unique = () => `optimizer-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

async function newUser(settings: Record<string, unknown> = {}) {
  return db.user.create({ data: { email: unique(), settings: { create: settings } }, select: { id: true } });
}

/**
 * A learner who remembers much better than FSRS's defaults expect: each card is answered when
 * due, recalled with probability 0.9^(t / (3·S)), through the real answer path.
 */
async function simulateHistory(userId: string, cardCount: number, days: number, seed: number) {
  const random = mulberry32(seed);
  const cards = await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: cardCount, select: { id: true } });
  const start = Date.now() - days * DAY;
  let answers = 0;
  for (const [i, card] of cards.entries()) {
    let at = start + (i % 10) * DAY + 9 * 3_600_000;
    let version = 0;
    let lastReview: number | null = null;
    let stability = 0;
    while (at < Date.now() - 60_000) {
      const t = lastReview === null ? 0 : (at - lastReview) / DAY;
      const recalled = lastReview === null || t < 1 || random() < Math.pow(0.9, t / (3 * Math.max(stability, 0.1)));
      const rating = recalled ? (random() < 0.15 ? 4 : 3) : 1;
      const result = await answerCard(
        sessionOf(userId),
        { clientId: randomUUID(), cardId: card.id, rating, version, answeredAt: at, durationMs: 3000 },
        new Date(at),
      );
      answers += 1;
      version = result.version;
      lastReview = at;
      const state = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: card.id } }, select: { stability: true } });
      stability = state.stability;
      at = Math.max(result.due.getTime(), at + 60_000);
    }
  }
  return answers;
}

/** Starts the optimizer as the settings page does, then polls its status until the fit is over. */
async function optimize(userId: string): Promise<OptimizerJob> {
  const started = await startOptimizer(userId);
  expect(started.job?.state).toBe("running");
  for (let polls = 0; polls < 1200; polls += 1) {
    const { job } = await optimizerStatus(userId);
    if (job && job.state !== "running") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the fit did not end within a minute");
}

describe("optimizing a user's parameters", () => {
  it("starts nothing below the minimum, and the status says how many reviews there are of how many", async () => {
    const user = await newUser();
    const answers = await simulateHistory(user.id, 2, 3, 7);
    expect(answers).toBeGreaterThan(0);
    const started = await startOptimizer(user.id);
    expect(started).toEqual({ reviewCount: answers, minimumReviews: MIN_REVIEWS_TO_OPTIMIZE, parametersFitAt: null, enteredParameters: false, job: null });
    expect(await db.optimizerJob.findUnique({ where: { userId: user.id } })).toBeNull();
  });

  it("fits parameters on the user's log, compares them with the current ones and applies better ones", async () => {
    const user = await newUser();
    const answers = await simulateHistory(user.id, 90, 150, 42);
    expect(answers).toBeGreaterThanOrEqual(400);
    const before = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    const job = await optimize(user.id);
    expect(job.state).toBe("done");
    if (job.state !== "done") return;
    expect(Number.isFinite(job.current.logLoss) && Number.isFinite(job.fitted.rmse)).toBe(true);
    expect(job.fitted.logLoss).toBeLessThan(job.current.logLoss);
    expect(job.applied).toBe(true);
    // Out of sample (time-series splits), the fit still predicts this learner better than the defaults.
    expect(job.evaluation!.timeSeriesSplit.logLoss).toBeLessThan(job.evaluation!.defaults.logLoss);
    expect(job.evaluation!.timeSeriesSplit.rmse).toBeLessThan(job.evaluation!.defaults.rmse);
    // The defaults are in use, so "current" is the defaults' own evaluation on the log.
    expect(job.evaluation!.defaults.logLoss).toBeCloseTo(job.current.logLoss, 10);
    // The calibration chart: the defaults under-predict this learner's recall; the fit is closer to the diagonal.
    const { calibration } = job;
    expect(calibration!.reviews).toBeGreaterThan(100);
    expect(calibration!.reviews).toBeLessThan(answers);
    for (const bins of [calibration!.current, calibration!.fitted]) {
      expect(bins.reduce((n, b) => n + b.count, 0)).toBe(calibration!.reviews);
    }
    const meanGap = (bins: { count: number; observed: number; predicted: number }[]) => bins.reduce((sum, b) => sum + b.count * (b.observed - b.predicted), 0) / calibration!.reviews;
    expect(meanGap(calibration!.current)).toBeGreaterThan(0.02);
    expect(Math.abs(meanGap(calibration!.fitted))).toBeLessThan(meanGap(calibration!.current));
    const settings = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(settings.parameters).toHaveLength(21);
    expect(settings.parametersFitAt).not.toBeNull();
    // Every card was rescheduled by replaying its log with the new parameters.
    const after = await db.cardState.findMany({ where: { userId: user.id }, orderBy: { cardId: "asc" } });
    expect(job.rescheduled).toBe(after.length);
    expect(after.every((s, i) => s.version === before[i]!.version + 1)).toBe(true);
    expect(after.some((s, i) => s.stability !== before[i]!.stability)).toBe(true);
    const status = await optimizerStatus(user.id);
    expect(status.job?.state).toBe("done");
    expect(status.parametersFitAt).not.toBeNull();
  }, 60_000);

  it("fits in long-term-only mode when the user studies in it: fsrs-rs leaves the short-term weights at 0", async () => {
    const user = await newUser({ enableShortTerm: false, learningSteps: [], relearningSteps: [] });
    expect(await simulateHistory(user.id, 160, 150, 42)).toBeGreaterThanOrEqual(400);
    const job = await optimize(user.id);
    expect(job).toMatchObject({ state: "done", applied: true });
    const { parameters } = await db.userSettings.findUniqueOrThrow({ where: { userId: user.id } });
    expect(parameters).toHaveLength(21);
    // Fitted with enable_short_term off, as the user schedules: w17–w19 (same-day stability) unused, 0.
    expect(parameters.slice(17, 20)).toEqual([0, 0, 0]);
    expect(parameters.slice(0, 4).some((w, i) => Math.abs(w - generatorParameters().w[i]!) > 1e-3)).toBe(true);
  }, 90_000);
});

describe("the review log as CSV", () => {
  it("exports the optimizer's columns and imports them back without adding anything", async () => {
    const user = await newUser();
    const answers = await simulateHistory(user.id, 4, 20, 3);
    const csv = await exportReviewLogCsv(user.id);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(lines).toHaveLength(answers + 1);
    const again = await importReviewLogCsv(user.id, csv, new Date());
    expect(again).toMatchObject({ added: 0, alreadyThere: answers, errors: [] });
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(answers);
  });

  it("imports another user's export, rebuilding the same card states, and lists the bad lines", async () => {
    const alice = await newUser();
    const bob = await newUser();
    const answers = await simulateHistory(alice.id, 5, 30, 11);
    const csv = await exportReviewLogCsv(alice.id);
    const withErrors = `${csv}no-such-card,1700000000000,3,2,1000\n${csv.split("\n")[1]!.replace(/,\d,(\d),/, ",7,$1,")}\n\n`;
    // All or nothing: every bad line is listed and nothing is written.
    const refused = await importReviewLogCsv(bob.id, withErrors, new Date());
    expect(refused.added).toBe(0);
    expect(refused.errors.map((e) => e.line)).toEqual([answers + 2, answers + 3]);
    expect(refused.errors[0]!.message).toContain("no card");
    expect(refused.errors[1]!.message).toContain("review_rating");
    expect(await db.reviewLog.count({ where: { userId: bob.id } })).toBe(0);
    const result = await importReviewLogCsv(bob.id, csv, new Date());
    expect(result).toMatchObject({ added: answers, errors: [] });
    expect(result.rescheduled).toBe(5);
    const pick = (s: { cardId: string; due: Date; stability: number; difficulty: number; reps: number; state: number }) =>
      ({ cardId: s.cardId, due: s.due.getTime(), stability: s.stability, difficulty: s.difficulty, reps: s.reps, state: s.state });
    const aliceStates = (await db.cardState.findMany({ where: { userId: alice.id }, orderBy: { cardId: "asc" } })).map(pick);
    const bobStates = (await db.cardState.findMany({ where: { userId: bob.id }, orderBy: { cardId: "asc" } })).map(pick);
    expect(bobStates).toEqual(aliceStates);
    const twice = await importReviewLogCsv(bob.id, csv, new Date());
    expect(twice.added).toBe(0);
    expect(twice.alreadyThere).toBe(answers);
  });
});
