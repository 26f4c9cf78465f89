import "#server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from "@/app/lib/domain/i18n/locales";
import { getSessionUser } from "../auth/session";
import { readerPreferences } from "../data/locale";

/**
 * The reader's language and time zone for a page or route of the request: their setting when
 * signed in (it follows them to every device), else the cookie of the header's switch, else
 * the browser's Accept-Language; the zone of their settings, UTC for a guest. Cached per request.
 */
export const readerLocale = cache(async (): Promise<{ locale: Locale; timeZone: string }> => {
  const user = await getSessionUser().catch(() => null);
  const saved = user ? await readerPreferences(user.id).catch(() => null) : null;
  if (saved?.locale) return { locale: saved.locale, timeZone: saved.timeZone };
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage((await headers()).get("accept-language"));
  return { locale, timeZone: saved?.timeZone ?? "UTC" };
});
