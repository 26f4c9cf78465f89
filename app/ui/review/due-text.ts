import { useFormatter, useTranslations } from "next-intl";

/** Minutes until a learning card shown early is due (at least 1). */
export function minutesAhead(iso: string, now: number): number {
  return Math.max(1, Math.round((new Date(iso).getTime() - now) / 60_000));
}

/**
 * "The next card is due in 3 hours (Tue 9 Dec, 14:05)": the wait in the reader's language
 * (Intl's relative time) and the instant in their time zone (the provider's, from settings).
 */
export function useDescribeDue() {
  const t = useTranslations("review");
  const format = useFormatter();
  return (iso: string | null, now: number): string => {
    if (!iso) return t("noneScheduled");
    const due = new Date(iso);
    const minutes = Math.round((due.getTime() - now) / 60_000);
    const at = format.dateTime(due, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    if (minutes <= 1) return t("dueNow", { at });
    const unit = minutes < 60 ? "minute" : minutes < 48 * 60 ? "hour" : "day";
    return t("dueIn", { when: format.relativeTime(due, { now: new Date(now), unit }), at });
  };
}
