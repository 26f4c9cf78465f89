import "#server-only";
import {
  computeParameters,
  convertCsvToFsrsItems,
  evaluateWithTimeSeriesSplits,
  FSRSBinding,
  type FSRSBindingItem,
} from "@open-spaced-repetition/binding";
import {
  calibrationBins,
  effectiveWeights,
  FSRS6_PARAMETER_COUNT,
  predictLastReview,
  utcOffsetMinutes,
  type CalibrationBin,
  type RecallPrediction,
  type ReviewRating,
} from "@/app/lib/domain/scheduling";
import { z } from "zod";
import type { Prisma } from "@/app/generated/prisma/client";
import { db } from "./db";
import { claimOptimizerJobQuery } from "./sql/optimizer";
import { rowsOf } from "./sql/typed-query";
import { exportReviewLogCsv } from "./data/review-csv";
import { rescheduleCards } from "./data/reschedule";
import { getUserSettings, schedulerSettingsOf, workloadTable } from "./data/settings";

/** Below this many answers in the log the fit is mostly noise: the page says how many are missing. */
export const MIN_REVIEWS_TO_OPTIMIZE = 400;

export interface FitMetrics {
  logLoss: number;
  rmse: number;
}

/**
 * How well the fitted parameters predict, measured fairly: fsrs-rs's time-series-split
 * evaluation (fit on the earlier reviews, score on the later ones, over several splits) against
 * FSRS's default parameters on the same log.
 */
export interface OptimizerEvaluation {
  defaults: FitMetrics;
  timeSeriesSplit: FitMetrics;
}

/** Predicted against observed recall, binned, for the parameters before and after the fit. */
export interface OptimizerCalibration {
  current: CalibrationBin[];
  fitted: CalibrationBin[];
  /** Long-term reviews the bins hold (each bin's count sums to it). */
  reviews: number;
}

export type OptimizerJob =
  | { state: "running"; done: number; total: number; startedAt: string }
  | {
      state: "done";
      current: FitMetrics;
      fitted: FitMetrics;
      applied: boolean;
      rescheduled: number;
      reviews: number;
      finishedAt: string;
      /** Absent in jobs stored before the evaluation existed. */
      evaluation?: OptimizerEvaluation;
      calibration?: OptimizerCalibration;
    }
  | { state: "failed"; error: string; finishedAt: string };

export interface OptimizerStatus {
  reviewCount: number;
  minimumReviews: number;
  /** Null when the defaults are in use. */
  parametersFitAt: string | null;
  /** Weights the user entered (not fitted here) are in use. */
  enteredParameters: boolean;
  job: OptimizerJob | null;
}

const fitMetricsSchema = z.object({ logLoss: z.number(), rmse: z.number() });
const binSchema = z.object({ from: z.number(), to: z.number(), count: z.number(), predicted: z.number(), observed: z.number() });
const jobSchema: z.ZodType<OptimizerJob> = z.discriminatedUnion("state", [
  z.object({ state: z.literal("running"), done: z.number(), total: z.number(), startedAt: z.string() }),
  z.object({
    state: z.literal("done"),
    current: fitMetricsSchema,
    fitted: fitMetricsSchema,
    applied: z.boolean(),
    rescheduled: z.number(),
    reviews: z.number(),
    finishedAt: z.string(),
    evaluation: z.object({ defaults: fitMetricsSchema, timeSeriesSplit: fitMetricsSchema }).optional(),
    calibration: z.object({ current: z.array(binSchema), fitted: z.array(binSchema), reviews: z.number() }).optional(),
  }),
  z.object({ state: z.literal("failed"), error: z.string(), finishedAt: z.string() }),
]);

/** A running job not heard from in this long is taken to have died with its instance. */
const STALE_MS = 10 * 60 * 1000;

/** The user's job as stored in PostgreSQL, where every app instance can read it. */
async function loadJob(userId: string): Promise<OptimizerJob | null> {
  const row = await db.optimizerJob.findUnique({ where: { userId } });
  if (!row) return null;
  const parsed = jobSchema.safeParse(row.job);
  if (!parsed.success) return null;
  if (parsed.data.state === "running" && Date.now() - row.updatedAt.getTime() > STALE_MS) {
    return { state: "failed", error: "The optimizer stopped before finishing. Start it again.", finishedAt: row.updatedAt.toISOString() };
  }
  return parsed.data;
}

async function saveJob(userId: string, job: OptimizerJob): Promise<void> {
  const value = JSON.parse(JSON.stringify(job)) as Prisma.InputJsonObject;
  await db.optimizerJob.upsert({ where: { userId }, create: { userId, job: value }, update: { job: value } });
}

/**
 * Marks a fit as running unless one already is (and is not stale): one statement, so two
 * instances asked at once cannot both start. True when this caller may run the fit.
 */
async function claimJob(userId: string, job: OptimizerJob): Promise<boolean> {
  const value = JSON.stringify(job);
  const rows = await rowsOf(claimOptimizerJobQuery(userId, value, STALE_MS));
  return rows.length > 0;
}


/** The user's log as FSRS training items, through the same CSV the export gives. */
async function trainingItems(userId: string, timeZone: string, dayStartHour: number): Promise<FSRSBindingItem[]> {
  const csv = await exportReviewLogCsv(userId);
  return convertCsvToFsrsItems(Buffer.from(csv), dayStartHour, timeZone, utcOffsetMinutes);
}

function metricsOf(parameters: number[] | undefined, items: FSRSBindingItem[]): FitMetrics {
  const evaluation = new FSRSBinding(parameters && parameters.length ? parameters : undefined).evaluate(items);
  return { logLoss: evaluation.logLoss, rmse: evaluation.rmseBins };
}

/** At most this many reviews go into the calibration chart (an even sample of a larger log). */
const CALIBRATION_SAMPLE = 20_000;

/**
 * The calibration chart's bins for the parameters before and after the fit: each training
 * item's last review (when long-term) predicted from the answers before it.
 */
export function calibrationOf(
  items: readonly FSRSBindingItem[],
  current: readonly number[],
  fitted: readonly number[],
  enableShortTerm: boolean,
): OptimizerCalibration {
  const step = Math.max(1, items.length / CALIBRATION_SAMPLE);
  const before: RecallPrediction[] = [];
  const after: RecallPrediction[] = [];
  for (let i = 0; i < items.length; i += step) {
    const history = items[Math.floor(i)]!.reviews.map((r) => ({ rating: r.rating as ReviewRating, deltaT: r.deltaT }));
    const a = predictLastReview(history, current, enableShortTerm);
    const b = predictLastReview(history, fitted, enableShortTerm);
    if (a && b) {
      before.push(a);
      after.push(b);
    }
  }
  return { current: calibrationBins(before), fitted: calibrationBins(after), reviews: before.length };
}

export async function optimizerStatus(userId: string): Promise<OptimizerStatus> {
  const [reviewCount, settings] = await Promise.all([
    db.reviewLog.count({ where: { userId } }),
    db.userSettings.findUnique({ where: { userId }, select: { parametersFitAt: true, parameters: true } }),
  ]);
  return {
    reviewCount,
    minimumReviews: MIN_REVIEWS_TO_OPTIMIZE,
    parametersFitAt: settings?.parameters.length ? (settings.parametersFitAt?.toISOString() ?? null) : null,
    enteredParameters: Boolean(settings?.parameters.length && !settings.parametersFitAt),
    job: await loadJob(userId),
  };
}

/**
 * Starts "Optimize my parameters" in the background and answers with the status at once; the
 * page polls the status for the progress. The fit fits FSRS parameters to the user's own log,
 * compares log loss and RMSE of the current and the fitted parameters on that log, and applies
 * the fitted ones only when their log loss is lower; applying them reschedules every card by
 * replaying its log. Below MIN_REVIEWS_TO_OPTIMIZE nothing starts (the page says how many
 * reviews are missing), and a fit already running is not started twice.
 */
export async function startOptimizer(userId: string): Promise<OptimizerStatus> {
  const reviewCount = await db.reviewLog.count({ where: { userId } });
  if (reviewCount >= MIN_REVIEWS_TO_OPTIMIZE) {
    const job: Extract<OptimizerJob, { state: "running" }> = { state: "running", done: 0, total: 1, startedAt: new Date().toISOString() };
    if (await claimJob(userId, job)) void fitAndApply(userId, job, reviewCount, () => new Date());
  }
  return optimizerStatus(userId);
}

async function fitAndApply(
  userId: string,
  job: Extract<OptimizerJob, { state: "running" }>,
  reviewCount: number,
  now: () => Date,
): Promise<OptimizerJob> {
  let lastSaved = 0;
  // Progress writes are chained and awaited before the result is saved, so a late progress
  // write can never overwrite the final state.
  let progressWrite: Promise<void> = Promise.resolve();
  try {
    const settingsRow = await getUserSettings(userId);
    const items = await trainingItems(userId, settingsRow.timeZone, settingsRow.dayStartHour);
    const fittedParameters = await computeParameters(items, {
      // Long-term-only mode: same-day answers must not train the short-term weights either.
      enableShortTerm: settingsRow.enableShortTerm,
      numRelearningSteps: Math.max(1, settingsRow.relearningSteps.length),
      // The binding polls progress at this interval (ms); its default adds ~0.5 s to every fit.
      timeout: 10,
      progress: (done, total) => {
        job.done = done;
        job.total = total;
        // Progress goes to the database at most every 250 ms, for whichever instance is polled.
        if (Date.now() - lastSaved > 250) {
          lastSaved = Date.now();
          progressWrite = progressWrite.then(() => saveJob(userId, job)).catch(() => {});
        }
      },
    });
    if (fittedParameters.length !== FSRS6_PARAMETER_COUNT) {
      throw new Error(`the optimizer returned ${fittedParameters.length} parameters, expected ${FSRS6_PARAMETER_COUNT}`);
    }
    await progressWrite;
    const current = metricsOf(settingsRow.parameters, items);
    const fitted = metricsOf(fittedParameters, items);
    const applied = fitted.logLoss < current.logLoss;
    const evaluation: OptimizerEvaluation = {
      defaults: metricsOf(undefined, items),
      timeSeriesSplit: await evaluateWithTimeSeriesSplits(items, {
        enableShortTerm: settingsRow.enableShortTerm,
        numRelearningSteps: Math.max(1, settingsRow.relearningSteps.length),
        timeout: 10,
      }).then((e) => ({ logLoss: e.logLoss, rmse: e.rmseBins })),
    };
    const calibration = calibrationOf(items, effectiveWeights(settingsRow.parameters), fittedParameters, settingsRow.enableShortTerm);
    let rescheduled = 0;
    if (applied) {
      await db.userSettings.update({
        where: { userId },
        data: { parameters: fittedParameters, parametersFitAt: now() },
      });
      const settings = schedulerSettingsOf({ ...settingsRow, parameters: fittedParameters });
      rescheduled = await rescheduleCards(userId, settings, null, now());
      // The settings page's workload estimate for the new parameters, ready before it is asked for.
      workloadTable({ ...settingsRow, parameters: fittedParameters });
    }
    const result: OptimizerJob = {
      state: "done",
      current,
      fitted,
      applied,
      rescheduled,
      reviews: reviewCount,
      finishedAt: now().toISOString(),
      evaluation,
      calibration,
    };
    await saveJob(userId, result);
    return result;
  } catch (error) {
    console.error(`optimizer failed for user ${userId}`, error);
    await progressWrite;
    const message = error instanceof Error && /NotEnoughData/i.test(error.message)
      ? "Your log does not yet hold enough reviews spread over several days to fit parameters."
      : "The optimizer failed. Your parameters were not changed.";
    const failed: OptimizerJob = { state: "failed", error: message, finishedAt: now().toISOString() };
    await saveJob(userId, failed);
    return failed;
  }
}
