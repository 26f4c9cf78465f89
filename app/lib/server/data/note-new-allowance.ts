import "#server-only";
import { startOfDay, studyDayOf } from "@/app/lib/domain/scheduling";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { noteAllowanceQuery, setNoteAllowanceStatement } from "../sql/note-new-allowance";
import { rowsOf } from "../sql/typed-query";
import { MAX_EXTRA_NEW_TODAY, type UserSettingsRow } from "./settings";

/**
 * "Study them anyway" in a note's session (Anki's custom study on one deck): that note's new
 * cards for today, beyond the day's new-card limit, without raising the limit of any other
 * note. Kept as one row per (user, note, study day) holding how many of the note's new cards may
 * be introduced today in all; only the note-scoped queue reads it, so the whole queue and the
 * answer route pay nothing for it.
 */

/** The allowance of the note `slug` today and the new cards of it introduced today. */
async function readAllowance(userId: string, slug: string, today: string, dayStart: Date) {
  const rows = await rowsOf(noteAllowanceQuery(userId, slug, today, dayStart));
  return rows[0] ?? null;
}

/**
 * How many more new cards of the note `slug` its session may show today on its own allowance
 * (0 without one): the allowance less the note's new cards introduced today.
 */
export async function noteNewLeft(userId: string, settingsRow: Pick<UserSettingsRow, "timeZone" | "dayStartHour">, slug: string, now: Date): Promise<number> {
  const today = studyDayOf(now, settingsRow.timeZone, settingsRow.dayStartHour);
  const dayStart = startOfDay(today, settingsRow.timeZone, settingsRow.dayStartHour);
  const row = await readAllowance(userId, slug, today, dayStart);
  return row?.allowance ? Math.max(0, row.allowance - row.introduced) : 0;
}

/**
 * Lets the note's session introduce `count` more of its new cards today, whatever the day's
 * limit (at most MAX_EXTRA_NEW_TODAY beyond what it introduced today). Returns how many it may
 * introduce now. 404 for a note the user cannot see.
 */
export async function allowNoteNewToday(
  userId: string,
  settingsRow: Pick<UserSettingsRow, "timeZone" | "dayStartHour">,
  slug: string,
  count: number,
  now: Date,
): Promise<number> {
  const today = studyDayOf(now, settingsRow.timeZone, settingsRow.dayStartHour);
  const dayStart = startOfDay(today, settingsRow.timeZone, settingsRow.dayStartHour);
  const row = await readAllowance(userId, slug, today, dayStart);
  if (!row) throw new NotFoundError("This note does not exist.");
  const left = Math.max(0, (row.allowance ?? 0) - row.introduced);
  const allowance = row.introduced + Math.min(MAX_EXTRA_NEW_TODAY, left + count);
  await db.$executeRaw(setNoteAllowanceStatement(userId, row.paperId, today, allowance));
  // Yesterday's rows are spent: keep the table to today's.
  await db.noteNewAllowance.deleteMany({ where: { userId, day: { not: today } } });
  return allowance - row.introduced;
}
