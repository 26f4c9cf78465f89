/**
 * Statistics: true retention, streaks, the review heatmap, the due forecast and the forgetting
 * curve. Pure: `now`, the time zone and the day start are always passed in.
 */
export { StatsInputError } from "./errors";
export {
  trueRetention,
  MATURE_INTERVAL_DAYS,
  type RetentionLog,
  type RetentionCounts,
  type RetentionRow,
  type TrueRetentionTable,
} from "./retention";
export {
  streak,
  reviewsPerDay,
  dueForecast,
  forecastSpread,
  type StreakResult,
  type DayCount,
  type ForecastDay,
} from "./activity";
export { forgettingCurve, type CurvePoint } from "./forgetting-curve";
export {
  retentionFromDailyTallies,
  yearHeatmap,
  heatmapMonthLabels,
  calibrationCurve,
  CALIBRATION_BUCKETS,
  studyDayStarts,
  type DailyRetentionTally,
  type HeatmapCell,
  type ElapsedStabilityGroup,
  type CalibrationPoint,
} from "./aggregates";
export {
  DAILY_GOAL_KINDS,
  activeGoal,
  goalProgress,
  daysMeetingGoal,
  describeGoalProgress,
  type DailyGoal,
  type DailyGoalKind,
  type GoalProgress,
} from "./daily-goal";
