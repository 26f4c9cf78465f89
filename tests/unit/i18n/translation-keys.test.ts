import { readFile, readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { missingTranslationKeys, usedTranslationKeys } from "@/app/lib/domain/i18n/translation-keys";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const VIEW = `
  const t = useTranslations("widgets.demo");
  const common = useTranslations("widgets.common");
  t("title"); t("label", { n: "2" }); common("seed"); t(\`kinds.\${kind}\`);
`;

describe("the keys a view asks for", () => {
  it("reads literal keys per bound namespace and computed keys as subtrees", () => {
    expect(usedTranslationKeys(VIEW)).toEqual([
      { key: "widgets.demo.title", subtree: false },
      { key: "widgets.demo.label", subtree: false },
      { key: "widgets.demo.kinds", subtree: true },
      { key: "widgets.common.seed", subtree: false },
    ]);
  });

  it("names a key missing from a catalogue, in whichever language it is missing", () => {
    const catalogues = {
      en: { widgets: { common: { seed: "Seed" }, demo: { title: "Demo", label: "{n} x", kinds: { a: "A" } } } },
      "zh-CN": { widgets: { common: { seed: "种子" }, demo: { title: "演示" } } },
    };
    expect(missingTranslationKeys({ "view.tsx": VIEW }, catalogues)).toEqual([
      { file: "view.tsx", key: "widgets.demo.label", locale: "zh-CN" },
      { file: "view.tsx", key: "widgets.demo.kinds", locale: "zh-CN" },
    ]);
  });

  it("finds every key the widget views use in both catalogues", async () => {
    const root = new URL("../../../app/ui/widgets/", import.meta.url);
    const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".tsx"));
    const sources = Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(new URL(f, root), "utf8")] as const)));
    expect(Object.values(sources).flatMap(usedTranslationKeys).length).toBeGreaterThan(200);
    expect(missingTranslationKeys(sources, { en, "zh-CN": zh })).toEqual([]);
  });
});
