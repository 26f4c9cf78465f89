/**
 * The interface languages. Pure: the proxy, the request config, the header's switch and the
 * tests share these rules.
 */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that keeps a guest's choice (a signed-in reader's is in their settings too). */
export const LOCALE_COOKIE = "paperdeck-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The path prefix of a language's shareable note URLs: "" for English, "/zh" for Chinese. */
export function notePathPrefix(locale: Locale): string {
  return locale === "zh-CN" ? "/zh" : "";
}

/** A note's URL in a language: /papers/moco, /zh/papers/moco. */
export function notePath(locale: Locale, slug: string): string {
  return `${notePathPrefix(locale)}/papers/${slug}`;
}

/** The value for `<html lang>` and hreflang (BCP 47). */
export function htmlLang(locale: Locale): string {
  return locale === "zh-CN" ? "zh-CN" : "en";
}

/**
 * The language an `Accept-Language` header asks for, by its q-values: any Chinese tag
 * (zh, zh-CN, zh-Hans, zh-TW…) reads as Simplified Chinese, the only Chinese we have; any English as
 * English; the default when neither is listed (or the header is missing or malformed).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return DEFAULT_LOCALE;
}
