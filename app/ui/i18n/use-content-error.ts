"use client";
import { useTranslations } from "next-intl";
import type { ContentError } from "@/app/lib/domain/content/types";

/**
 * A note checker's problem in the reader's language: the `contentErrors` catalogue's message
 * for its code and arguments, else the checker's English (a message with no code yet, such as
 * a schema's own wording).
 */
export function useContentError(): (error: Pick<ContentError, "message" | "code" | "args">) => string {
  const t = useTranslations("contentErrors");
  return (error) => (error.code && t.has(error.code) ? t(error.code, error.args ?? {}) : error.message);
}
