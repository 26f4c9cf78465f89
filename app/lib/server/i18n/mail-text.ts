import "#server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { messagesFor } from "@/app/i18n/messages";
import { readerPreferences } from "../data/locale";

/**
 * The language of a mail to an account: the language the account chose (its setting), else
 * the one the request came in (the reader's cookie or browser), else English.
 */
export async function mailLocale(userId: string, requested: Locale | undefined): Promise<Locale> {
  const saved = await readerPreferences(userId).catch(() => null);
  return saved?.locale ?? requested ?? "en";
}

/** The catalogue's `mail` messages in a language, outside any page (mails go out after the answer). */
export async function mailText(locale: Locale) {
  return createTranslator({ locale, messages: await messagesFor(locale), namespace: "mail" });
}
