/**
 * Scheduling domain: FSRS through ts-fsrs (the only importer of it in the app), study days in
 * the user's time zone, today's queue and the workload estimate. Pure: `now` is always passed.
 */
export * from "./types";
export * from "./errors";
export {
  validateSchedulerSettings,
  isStepString,
  stepToMinutes,
  MIN_DESIRED_RETENTION,
  MAX_DESIRED_RETENTION,
  MAX_MAXIMUM_INTERVAL,
  FSRS6_PARAMETER_COUNT,
  FSRS_PARAMETER_COUNTS,
  FSRS_VERSION_OF,
  type FsrsParameterCount,
  isFsrsParameterCount,
  fsrsVersionOf,
} from "./settings";
export {
  newCardState,
  previewOutcomes,
  applyGrade,
  rescheduleFromLogs,
  replayInput,
  type ReplayedAnswer,
  retrievability,
  retrievabilityReader,
  predictedRetention,
  type GradeResult,
  type PreviewOutcome,
} from "./scheduler";
export {
  migrateWeights,
  describeWeightsMigration,
  type WeightsMigration,
} from "./parameters";
export {
  MAX_BALANCED_INTERVAL,
  type EasyDays,
  type EasyDayLevel,
  type DayRange,
  type BalanceInput,
  easyDayLevel,
  easyDayFactors,
  balanceRange,
  balanceSeed,
  dayWeights,
  pickBalancedDay,
  balancesDays,
  balanceRangeOf,
  withReviewInDays,
  type BalancePlan,
  type BalancePlanInput,
  balancePlanOf,
  pickWithPlan,
  type BalancedDays,
  type BalancedPreviewInput,
  previewBalancedDays,
  shownDayIn,
} from "./load-balance";
export { formatInterval } from "./format-interval";
export { effectiveWeights } from "./fsrs-adapter";
export {
  studyDayOf,
  startOfStudyDay,
  startOfDay,
  addDays,
  daysBetween,
  weekdayOf,
  remainingToday,
  utcOffsetMinutes,
  type StudyDay,
  type DailyLimitsInput,
  type DailyRemaining,
} from "./study-day";
export { orderQueue, type QueueCandidate, type QueueInput, type QueueLimits } from "./queue";
export { siblingGroupOf, type SiblingSource, type BuryOptions } from "./siblings";
export { estimateDailyWorkload, type WorkloadEstimate } from "./workload";
export {
  CARD_FLAGS,
  MAX_FLAG,
  DEFAULT_LEECH_THRESHOLD,
  forgetCard,
  forgettingCurveConstants,
  isLeechLapse,
  type CardFlag,
} from "./card-controls";
export {
  daysUntilRetrievability,
  planBreak,
  type BreakCard,
  type BreakKind,
  type BreakMove,
  type BreakOptions,
} from "./after-break";
export {
  SIMULATED_RETENTIONS,
  answerCostsFrom,
  minimumWorkloadPoint,
  simulateRetention,
  type AnswerCosts,
  type RetentionPoint,
  type RetentionSimulationInput,
  type SimulatedCard,
} from "./simulate-retention";
export {
  predictLastReview,
  calibrationBins,
  calibrationGap,
  type HistoryReview,
  type RecallPrediction,
  type CalibrationBin,
} from "./calibration";
