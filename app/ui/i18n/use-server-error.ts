"use client";
import { useTranslations } from "next-intl";

/** An error answer of the app's API: `error` in English, and a code when the catalogue has one. */
export type ServerErrorBody = { error: string; code?: string; args?: Record<string, string> };

/**
 * The text to show for a route's error answer: the catalogue's message for its code, in the
 * reader's language, else the English the route gave (a message with no code yet).
 */
export function useServerError(): (body: ServerErrorBody) => string {
  const t = useTranslations("serverMessages");
  return (body) => {
    const key = body.code as Parameters<typeof t>[0] | undefined;
    return key && t.has(key) ? t(key, body.args ?? {}) : body.error;
  };
}
