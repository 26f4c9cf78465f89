import "#server-only";
import { isLocale, type Locale } from "@/app/lib/domain/i18n/locales";
import { db } from "../db";

/** The reader's saved language (null: none chosen yet) and time zone. */
export async function readerPreferences(userId: string): Promise<{ locale: Locale | null; timeZone: string }> {
  const row = await db.userSettings.findUnique({ where: { userId }, select: { locale: true, timeZone: true } });
  return { locale: isLocale(row?.locale) ? row.locale : null, timeZone: row?.timeZone ?? "UTC" };
}

/** Keeps the language the reader chose with the header's switch. */
export async function saveLocale(userId: string, locale: Locale): Promise<void> {
  await db.userSettings.upsert({ where: { userId }, create: { userId, locale }, update: { locale } });
}
