/**
 * `npm run content:check`: reads content/*.md and their Chinese editions content/zh/*.md, prints
 * every error as `content/x.md:12: message` and exits 1 if there is any; otherwise prints what
 * the corpus holds.
 * It checks the UI's message catalogues too (messages/*.json: the same keys and ICU arguments in
 * every language), so a string added in one language only fails CI here as in the unit test,
 * and the keys the widgets' views ask for (app/ui/widgets/**.tsx): a key no catalogue has fails
 * here too, not only in the browser.
 * `npm run content:sync`: the same check, then writes the corpus to the database (nothing is
 * written unless the whole corpus is valid).
 */
import { readFile, readdir } from "node:fs/promises";
import { compareCatalogues, flattenCatalogue, type Catalogue } from "@/app/lib/domain/i18n/catalogue-check";
import { LOCALES } from "@/app/lib/domain/i18n/locales";
import { missingTranslationKeys } from "@/app/lib/domain/i18n/translation-keys";
import { WIDGET_NAMES } from "@/app/lib/domain/content/widget-names";
import { formatError, loadCorpus } from "@/app/lib/domain/content/load-corpus";
import type { Corpus } from "@/app/lib/domain/content/types";
import { readContentFiles, readTranslationFiles } from "./lib/content-files";
import { reportQuizBalanceAndWarnings } from "./lib/content-report";

/** Loads and checks the corpus; prints the errors and returns undefined if there are any. */
async function check(): Promise<Corpus | undefined> {
  const started = performance.now();
  const files = await readContentFiles();
  // content/zh/ is read whenever it exists: then every note needs its Chinese edition.
  const translations = await readTranslationFiles();
  const corpus = loadCorpus(files, translations);
  const ms = Math.round(performance.now() - started);
  if (corpus.errors.length > 0) {
    for (const error of corpus.errors) console.error(formatError(error));
    const failing = new Set(corpus.errors.map((e) => e.file)).size;
    const total = files.length + (translations?.length ?? 0);
    console.error(
      `\n${corpus.errors.length} error(s) in ${failing} of ${total} file(s) (${ms} ms)\n${sourceSummary(corpus)}`,
    );
    return undefined;
  }
  console.log(summarise(corpus, ms));
  if (!reportQuizBalanceAndWarnings(corpus)) return undefined;
  return corpus;
}

function summarise(corpus: Corpus, ms: number): string {
  const authoredCards = corpus.notes.reduce((n, note) => n + note.cards.length, 0);
  const byType = new Map<string, number>();
  for (const q of [...corpus.notes.flatMap((n) => n.questions), ...corpus.derived.questions]) {
    byType.set(q.type, (byType.get(q.type) ?? 0) + 1);
  }
  const authoredQuestions = corpus.notes.reduce((n, note) => n + note.questions.length, 0);
  const papers = corpus.notes.filter((n) => n.meta.kind === "paper").length;
  const widgets = corpus.notes.reduce((n, note) => n + note.widgets.length, 0);
  return [
    `notes:     ${corpus.notes.length} (${papers} papers, ${corpus.notes.length - papers} concepts), ${widgets} widgets`,
    `cards:     ${authoredCards + corpus.derived.cards.length} (${authoredCards} authored, ${corpus.derived.cards.length} derived)`,
    `questions: ${authoredQuestions + corpus.derived.questions.length} (${authoredQuestions} authored, ${corpus.derived.questions.length} derived)`,
    `           ${[...byType]
      .sort()
      .map(([type, n]) => `${type} ${n}`)
      .join(", ")}`,
    sourceSummary(corpus),
    englishSummary(corpus),
    chineseSummary(corpus),
    `checked in ${ms} ms`,
  ].join("\n");
}

/** How much of the corpus names its sources: the Key numbers lines, and items linked to one. */
function sourceSummary(corpus: Corpus): string {
  const lines = corpus.notes.flatMap((n) => n.keyNumberLines);
  const sourced = lines.filter((l) => l.sourced).length;
  const items = [...corpus.notes.flatMap((n) => [...n.cards, ...n.questions]), ...corpus.derived.cards];
  const linked = items.filter((i) => i.source).length;
  return `sources:   ${sourced} of ${lines.length} Key numbers lines sourced; ${linked} cards and questions linked to a source`;
}

/** The Chinese editions: how many notes have one, and how many Chinese characters they hold. */
/** The English notes' size in words (Latin-script runs), as the Chinese edition's is in characters. */
function englishSummary(corpus: Corpus): string {
  const words = corpus.notes.reduce((n, note) => n + (note.body.match(/[A-Za-z][A-Za-z'’-]*/g)?.length ?? 0), 0);
  const format = (n: number) => n.toLocaleString("en-US");
  return `english:   ${corpus.notes.length} notes, ${format(words)} words (${format(Math.round(words / Math.max(1, corpus.notes.length)))} a note)`;
}

function chineseSummary(corpus: Corpus): string {
  const count = corpus.translations.length;
  if (count === 0) return "chinese:   no content/zh/ (English only)";
  const characters = corpus.translations.reduce((n, t) => n + t.hanCharacters, 0);
  const format = (n: number) => n.toLocaleString("en-US");
  return `chinese:   ${count} of ${corpus.notes.length} notes, ${format(characters)} Chinese characters (${format(Math.round(characters / count))} a note)`;
}

// ---------------------------------------------------------------- sync
// Loaded only for `sync`, so that `check` never pulls in Prisma or pg.
async function sync(): Promise<number> {
  const { withDatabase } = await import("./lib/database");
  const { applyMigrations } = await import("../prisma/schema-engine");
  const { runContentSync } = await import("./lib/content-sync-runner");
  return withDatabase(async (url) => {
    await applyMigrations(url);
    await runContentSync(url, { quiet: false, progress: process.stdout.isTTY });
    return 0;
  });
}

async function main(command: string | undefined): Promise<number> {
  if (command !== "check" && command !== "sync") {
    console.error("usage: tsx scripts/content.ts check|sync");
    return 2;
  }
  // `sync` validates too (nothing is written unless every file is valid) and skips an
  // unchanged corpus without parsing it.
  if (command === "sync") return sync();
  const [corpus, catalogues] = await Promise.all([check(), checkCatalogues()]);
  return corpus && catalogues ? 0 : 1;
}

/** The UI's message catalogues: every key in every language, the same ICU arguments in each. */
async function checkCatalogues(): Promise<boolean> {
  const catalogues: Record<string, Catalogue> = {};
  for (const locale of LOCALES) {
    catalogues[locale] = JSON.parse(await readFile(new URL(`../messages/${locale}.json`, import.meta.url), "utf8")) as Catalogue;
  }
  const problems = [...compareCatalogues(catalogues), ...(await widgetKeyProblems(catalogues))];
  for (const { key, problem } of problems) console.error(`messages: ${key}: ${problem}`);
  const sizes = LOCALES.map((l) => `${l} ${flattenCatalogue(catalogues[l]!).size}`).join(", ");
  if (problems.length === 0) console.log(`messages: ${sizes} (same keys and arguments)`);
  return problems.length === 0;
}

/** Every widget has a title in each language, and every key its view files use exists. */
async function widgetKeyProblems(catalogues: Record<string, Catalogue>): Promise<{ key: string; problem: string }[]> {
  const root = new URL("../app/ui/widgets/", import.meta.url);
  const files = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".tsx"));
  const sources = Object.fromEntries(await Promise.all(files.map(async (f) => [`app/ui/widgets/${f}`, await readFile(new URL(f, root), "utf8")] as const)));
  const titles = WIDGET_NAMES.map((name) => `const t = useTranslations("widgets.${name}"); t("title");`);
  sources["(every widget's title)"] = titles.join("\n");
  return missingTranslationKeys(sources, catalogues).map(({ file, key, locale }) => ({ key, problem: `used in ${file}, missing in ${locale}` }));
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
