import { getRequestConfig } from "next-intl/server";
import { isLocale } from "@/app/lib/domain/i18n/locales";
import { readerLocale } from "@/app/lib/server/i18n/reader-locale";
import { messagesFor } from "./messages";

/**
 * next-intl without i18n routing: the URLs stay as they are. A page that fixes its language
 * (the notes: /papers/… English, /zh/papers/… Chinese, rendered once for everyone) says so
 * with setRequestLocale, and nothing of the reader is read. Every other page is in the
 * reader's language (readerLocale: setting, cookie, Accept-Language), dates in their zone.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const fixed = await requestLocale;
  if (isLocale(fixed)) return { locale: fixed, messages: await messagesFor(fixed), timeZone: "UTC" };
  const { locale, timeZone } = await readerLocale();
  return { locale, messages: await messagesFor(locale), timeZone };
});
