/**
 * The message keys a source file asks for, read from its text: `const t =
 * useTranslations("widgets.vit-patching")` binds `t` to a namespace, then `t("title")` uses
 * `widgets.vit-patching.title` and `` t(`kernels.${kind}`) `` uses the subtree
 * `widgets.i3d-inflation.kernels`. Pure (the caller reads the files), so `content:check` can fail
 * on a key the code uses and no catalogue has, whatever language it is missing from.
 */
import { flattenCatalogue, type Catalogue } from "./catalogue-check";

export interface UsedKey {
  /** The dotted key, or the subtree's prefix for a computed key. */
  key: string;
  /** True when the key is computed (`t(`prefix.${x}`)`): some message must live under it. */
  subtree: boolean;
}

const BINDING = /\bconst\s+(\w+)\s*=\s*useTranslations\(\s*"([^"]+)"\s*\)/g;

export function usedTranslationKeys(source: string): UsedKey[] {
  const used: UsedKey[] = [];
  for (const [, name, namespace] of source.matchAll(BINDING)) {
    if (!name || !namespace) continue;
    for (const [, key] of source.matchAll(new RegExp(`\\b${name}\\(\\s*"([^"]+)"`, "g"))) {
      if (key) used.push({ key: `${namespace}.${key}`, subtree: false });
    }
    for (const [, prefix] of source.matchAll(new RegExp(`\\b${name}\\(\\s*\`([^\`$]*)\\$\\{`, "g"))) {
      used.push({ key: `${namespace}.${(prefix ?? "").replace(/\.$/, "")}`, subtree: true });
    }
  }
  return used;
}

/** "file: key missing in locale" for every used key a catalogue lacks. */
export function missingTranslationKeys(
  sources: Record<string, string>,
  catalogues: Record<string, Catalogue>,
): { file: string; key: string; locale: string }[] {
  const flat = Object.entries(catalogues).map(([locale, catalogue]) => ({ locale, keys: [...flattenCatalogue(catalogue).keys()] }));
  const problems: { file: string; key: string; locale: string }[] = [];
  for (const [file, source] of Object.entries(sources)) {
    for (const { key, subtree } of usedTranslationKeys(source)) {
      for (const { locale, keys } of flat) {
        const found = subtree ? keys.some((k) => k.startsWith(`${key}.`)) : keys.includes(key);
        if (!found) problems.push({ file, key, locale });
      }
    }
  }
  return problems;
}
