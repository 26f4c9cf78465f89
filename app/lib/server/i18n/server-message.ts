import "#server-only";
import { localizeServerMessage } from "@/app/lib/domain/i18n/server-message";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { readerLocale } from "./reader-locale";

/** A server message (an action's error, a mailed link's problem) in a language. */
export function serverMessageIn(locale: Locale, message: string): string {
  if (locale !== "zh-CN") return message;
  return localizeServerMessage(en.serverMessages, zh.serverMessages, message, { english: en.waitWords, target: zh.waitWords });
}

/** A server message in the reader's language (setting, cookie, Accept-Language). */
export async function serverMessageForReader(message: string): Promise<string> {
  const { locale } = await readerLocale();
  return serverMessageIn(locale, message);
}

/** An action's failure with its message and field errors in the reader's language. */
export async function localizeFailure<F extends { error: string; fieldErrors?: Record<string, string[]> }>(failure: F): Promise<F> {
  const { locale } = await readerLocale().catch(() => ({ locale: "en" as const }));
  if (locale === "en") return failure;
  const fieldErrors = failure.fieldErrors
    ? Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, list]) => [field, list.map((m) => serverMessageIn(locale, m))]))
    : undefined;
  return { ...failure, error: serverMessageIn(locale, failure.error), ...(fieldErrors ? { fieldErrors } : {}) };
}
