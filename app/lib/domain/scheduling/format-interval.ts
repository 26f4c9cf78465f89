import { SchedulingInputError } from "./errors";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Anki's month: a twelfth of a year (30.42 days). */
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

/**
 * An interval as an answer button shows it, the way Anki does:
 * under an hour in whole minutes ("1m", "10m"; "<1m" below half a minute), under a day in
 * whole hours ("3h"), under 30 days in whole days ("4d"), under 365 days in months with one
 * decimal ("2.3mo"), otherwise years with one decimal ("1.1y"). A trailing ".0" is dropped
 * ("1mo", "2y"). Months are 365/12 days.
 */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new SchedulingInputError("ms", ms, "must be a finite number ≥ 0");
  }
  if (ms < HOUR) {
    const minutes = Math.round(ms / MINUTE);
    return minutes < 1 ? "<1m" : `${minutes}m`;
  }
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  if (ms < 30 * DAY) return `${Math.round(ms / DAY)}d`;
  if (ms < YEAR) return `${oneDecimal(ms / MONTH)}mo`;
  return `${oneDecimal(ms / YEAR)}y`;
}

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
