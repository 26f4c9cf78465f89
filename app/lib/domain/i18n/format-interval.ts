import { formatInterval } from "@/app/lib/domain/scheduling/format-interval";
import type { Locale } from "./locales";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

const unitFormats = new Map<string, Intl.NumberFormat>();
function unit(locale: Locale, name: "minute" | "hour" | "day" | "month" | "year", value: number): string {
  const key = `${locale}:${name}`;
  let format = unitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "narrow", maximumFractionDigits: 1 });
    unitFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * An answer button's interval in the reader's language. English keeps Anki's compact labels
 * (formatInterval: "10m", "4d", "2.3mo"); Chinese has Intl's units on the same steps
 * ("10分钟", "3小时", "4天", "2.3个月", "1.1年"): whole minutes under an hour, whole hours under a
 * day, whole days under 30, months and years to one decimal (a trailing .0 dropped).
 */
export function formatIntervalIn(ms: number, locale: Locale): string {
  if (locale === "en") return formatInterval(ms);
  formatInterval(ms); // the same checks (finite, ≥ 0) and errors
  if (ms < HOUR) {
    const minutes = Math.round(ms / MINUTE);
    return minutes < 1 ? `<${unit(locale, "minute", 1)}` : unit(locale, "minute", minutes);
  }
  if (ms < DAY) return unit(locale, "hour", Math.round(ms / HOUR));
  if (ms < 30 * DAY) return unit(locale, "day", Math.round(ms / DAY));
  if (ms < YEAR) return unit(locale, "month", Math.round((ms / MONTH) * 10) / 10);
  return unit(locale, "year", Math.round((ms / YEAR) * 10) / 10);
}
