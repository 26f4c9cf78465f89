import type { Locale } from "@/app/lib/domain/i18n/locales";
import type en from "@/messages/en.json";

export type Messages = typeof en;

/** A language's catalogue, loaded on the server only (each page gets the one it renders in). */
export async function messagesFor(locale: Locale): Promise<Messages> {
  return locale === "zh-CN"
    ? (await import("@/messages/zh-CN.json")).default
    : (await import("@/messages/en.json")).default;
}
