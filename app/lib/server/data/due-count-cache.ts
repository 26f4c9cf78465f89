import "#server-only";
import { addDays, startOfDay, studyDayOf, type DayRange, type StoredCardState, type StudyDay } from "@/app/lib/domain/scheduling";
import type { StudyDayZone } from "./load-balance";

/**
 * The cards a user has due on each of the next HORIZON study days, kept in process for the load
 * balancer (as Anki keeps its own while a deck is studied), so that a balanced answer costs no
 * count in the database: counting a heavy user's range (100,000 cards, ~300 due a day, 1,500
 * index entries for five days) cost as much as the rest of the answer.
 *
 * It is only a cache of what the database says: filled by one query in the background when the
 * user's review session reads its queue (`warmDueCounts`), else after the first balanced answer
 * (that answer counts in its own write statement instead; the load starts after its write, so
 * the two do not compete for the database), kept
 * up to date by this process's answers, and read again when older than TTL_MS, so answers
 * through another app instance, imports or undos are seen within that time. A stale count moves
 * no card outside its fuzz range (the range is FSRS's); it only weighs the days a little
 * differently. Nothing here is needed by another instance.
 */
const HORIZON = 120;
const TTL_MS = 60_000;
const MAX_USERS = 5_000;

interface Entry {
  zoneKey: string;
  today: StudyDay;
  /** Start (ms) of study days today+1 … today+HORIZON+1. */
  bounds: number[];
  /** counts[i]: cards due on study day today+1+i. */
  counts: number[];
  loadedAt: number;
}

type Loader = (userId: string, bounds: Date[]) => Promise<{ bucket: number; n: number }[]>;

const entries = new Map<string, Entry>();
/** The refresh running for each user: `readyDueCounts` waits for it. */
const loading = new Map<string, Promise<void>>();
const boundsCache = new Map<string, number[]>();

const zoneKeyOf = (zone: StudyDayZone) => `${zone.timeZone}|${zone.dayStartHour}`;

/** The starts of the HORIZON+1 study days after `today` (shared by every user of the zone). */
function boundsOf(zone: StudyDayZone, today: StudyDay): number[] {
  const key = `${zoneKeyOf(zone)}|${today}`;
  let bounds = boundsCache.get(key);
  if (!bounds) {
    bounds = Array.from({ length: HORIZON + 1 }, (_, i) => startOfDay(addDays(today, i + 1), zone.timeZone, zone.dayStartHour).getTime());
    if (boundsCache.size > 1_000) boundsCache.clear();
    boundsCache.set(key, bounds);
  }
  return bounds;
}

/** Index into `counts` of the study day `due` falls on, or -1 outside the horizon. */
function bucketOf(entry: Entry, due: Date): number {
  const t = due.getTime();
  const { bounds } = entry;
  if (t < (bounds[0] ?? Infinity) || t >= (bounds[bounds.length - 1] ?? -Infinity)) return -1;
  let lo = 0;
  let hi = bounds.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((bounds[mid] ?? 0) <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

const counted = (state: StoredCardState | null) => state !== null && state.state !== "new";

/**
 * Cards other than the one answered (`before`, counted where it is due now) due on each day of
 * `range` after `now`'s study day, from the cache; null when the cache cannot say (no entry yet,
 * another study day, a range past the horizon), and then a refresh is started in the
 * background with `load` when none is running (with `load` null, the caller starts it later
 * with `warmDueCounts`). A stale entry still answers and is refreshed.
 */
export function cachedDueCounts(
  userId: string,
  zone: StudyDayZone,
  now: Date,
  range: DayRange,
  before: StoredCardState | null,
  load: Loader | null,
): number[] | null {
  const today = studyDayOf(now, zone.timeZone, zone.dayStartHour);
  const entry = entries.get(userId);
  const usable = entry && entry.zoneKey === zoneKeyOf(zone) && entry.today === today;
  if (load && (!usable || Date.now() - entry.loadedAt > TTL_MS)) void refresh(userId, zone, today, load);
  if (!usable || range.maxDays > HORIZON) return null;
  const counts = entry.counts.slice(range.minDays - 1, range.maxDays);
  if (before && counted(before)) {
    const own = bucketOf(entry, before.due) + 1 - range.minDays;
    if (own >= 0 && own < counts.length) counts[own] = Math.max(0, (counts[own] ?? 0) - 1);
  }
  return counts;
}

/**
 * Starts loading the user's counts in the background unless this process has them for `now`'s
 * study day and fresh: the review session's queue read calls it, so that the session's first
 * answer finds them (a cold answer counts its range in the write, +62 % p95 for a heavy user),
 * and an answer calls it after its write.
 */
export function warmDueCounts(userId: string, zone: StudyDayZone, now: Date, load: Loader): void {
  void readyDueCounts(userId, zone, now, load);
}

/**
 * `warmDueCounts`, resolved once this process has the user's counts for `now`'s study day (a
 * stale entry answers at once and is refreshed behind). Never rejects: after a failed load the
 * cache still cannot say, and `cachedDueCounts` returns null. The queue read waits for it to
 * put the balanced days on the answer buttons; the load runs beside the queue's own reads.
 */
export function readyDueCounts(userId: string, zone: StudyDayZone, now: Date, load: Loader): Promise<void> {
  const today = studyDayOf(now, zone.timeZone, zone.dayStartHour);
  const entry = entries.get(userId);
  const usable = entry && entry.zoneKey === zoneKeyOf(zone) && entry.today === today;
  if (usable && Date.now() - entry.loadedAt <= TTL_MS) return Promise.resolve();
  const running = refresh(userId, zone, today, load);
  return usable ? Promise.resolve() : running;
}

/** An answer of this process moved a card from `before`'s due date to `due`: keep the counts in step. */
export function noteDueMove(userId: string, before: StoredCardState | null, due: Date): void {
  const entry = entries.get(userId);
  if (!entry) return;
  if (before && counted(before)) {
    const from = bucketOf(entry, before.due);
    if (from >= 0) entry.counts[from] = Math.max(0, (entry.counts[from] ?? 0) - 1);
  }
  const to = bucketOf(entry, due);
  if (to >= 0) entry.counts[to] = (entry.counts[to] ?? 0) + 1;
}

function refresh(userId: string, zone: StudyDayZone, today: StudyDay, load: Loader): Promise<void> {
  const running = loading.get(userId);
  if (running) return running;
  const bounds = boundsOf(zone, today);
  const loadedAt = Date.now();
  const loaded = load(userId, bounds.map((b) => new Date(b)))
    .then((rows) => {
      const counts = Array.from({ length: HORIZON }, () => 0);
      for (const row of rows) if (row.bucket >= 1 && row.bucket <= HORIZON) counts[row.bucket - 1] = row.n;
      if (entries.size >= MAX_USERS && !entries.has(userId)) entries.clear();
      entries.set(userId, { zoneKey: zoneKeyOf(zone), today, bounds, counts, loadedAt });
    })
    // A failed refresh leaves the answers to count in their write statement; nothing to report.
    .catch(() => undefined)
    .finally(() => loading.delete(userId));
  loading.set(userId, loaded);
  return loaded;
}

/** Forgets every entry (tests, and settings changes of a user: `forgetDueCounts(userId)`). */
export function forgetDueCounts(userId?: string): void {
  if (userId === undefined) entries.clear();
  else entries.delete(userId);
}

/** Resolves when no refresh is running (tests). */
export async function dueCountsSettled(): Promise<void> {
  while (loading.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
}
