/**
 * Axis labels for quiz attempts: the day in the user's zone ("7 Dec"), and when several
 * attempts share a day, their time too ("7 Dec 14:05"), so no two points read the same.
 */
export function attemptLabels(finishedAt: readonly string[], timeZone: string): string[] {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" });
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const days = finishedAt.map((iso) => day.format(new Date(iso)));
  const perDay = new Map<string, number>();
  for (const d of days) perDay.set(d, (perDay.get(d) ?? 0) + 1);
  const labels = days.map((d, i) => ((perDay.get(d) ?? 0) > 1 ? `${d} ${time.format(new Date(finishedAt[i]!))}` : d));
  // Two attempts in the same minute: number them.
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n > 1 ? `${label} (${n})` : label;
  });
}
