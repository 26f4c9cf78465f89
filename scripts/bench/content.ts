/**
 * `npm run bench:content`: time to check the corpus, to sync it (first run, unchanged re-run),
 * the same for a generated corpus of 1,000 notes, and a note page's JavaScript on first load.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadCorpus } from "@/app/lib/domain/content";
import { readContentFiles, readTranslationFiles } from "../lib/content-files";
import { runContentSync } from "../lib/content-sync-runner";
import { benchDatabase, ms } from "./lib/bench-db";
import { generateCorpus } from "./lib/generated-corpus";
import { kb, launchChromium, measurePage, serveApp } from "./lib/serve-app";

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const result = await fn();
  return [result, performance.now() - t];
}

async function main() {
  const files = await readContentFiles();
  const translations = await readTranslationFiles();
  const checks: number[] = [];
  const englishOnly: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    checks.push((await timed(() => loadCorpus(files, translations)))[1]);
    englishOnly.push((await timed(() => loadCorpus(files)))[1]);
  }
  checks.sort((a, b) => a - b);
  englishOnly.sort((a, b) => a - b);
  console.log(`check ${files.length} notes:            median ${ms(checks[2] ?? NaN)} (5 runs, in process; English only ${ms(englishOnly[2] ?? NaN)})`);

  const db = await benchDatabase();
  try {
    const [first, t1] = await timed(() => runContentSync(db.url, { quiet: true }));
    console.log(`sync ${files.length} notes, first run:  ${ms(t1)} (${first.writes} writes)`);
    const [again, t2] = await timed(() => runContentSync(db.url, { quiet: true }));
    console.log(`sync ${files.length} notes, unchanged:  ${ms(t2)} (${again.writes} writes)`);

    const dir = await generateCorpus(1000);
    const copyDir = await mkdtemp(path.join(os.tmpdir(), "paperdeck-corpus-b-"));
    await cp(dir, copyDir, { recursive: true });
    const big = await benchDatabase();
    try {
      const [bigCheck, tc] = await timed(async () => loadCorpus(await readContentFiles(dir), await readTranslationFiles(dir)));
      console.log(`check 1,000 notes:           ${ms(tc)} (${bigCheck.errors.length} errors)`);
      if (bigCheck.errors.length) console.log(bigCheck.errors.slice(0, 5));
      const [s1, tb1] = await timed(() => runContentSync(big.url, { quiet: true, dir }));
      console.log(`sync 1,000 notes, first run: ${ms(tb1)} (${s1.notes.added} notes, ${s1.cards.added} cards, ${s1.questions.added} questions)`);
      const [s2, tb2] = await timed(() => runContentSync(big.url, { quiet: true, dir }));
      console.log(`sync 1,000 notes, unchanged: ${ms(tb2)} (${s2.writes} writes)`);
    } finally {
      await big.close();
      await rm(dir, { recursive: true, force: true });
      await rm(copyDir, { recursive: true, force: true });
    }

    const browser = await launchChromium();
    if (!browser) {
      console.log("note page JavaScript: skipped (no Chromium; apt-get install chromium)");
      return;
    }
    const app = await serveApp(db.url);
    try {
      for (const slug of ["knowledge-distillation", "gpt-3"]) {
        const weight = await measurePage(browser, `${app.baseUrl}/papers/${slug}`);
        console.log(`note page /papers/${slug}: ${kb(weight.scriptBytes)} of JavaScript, ${kb(weight.totalBytes)} in all (gzipped, first load)`);
      }
    } finally {
      await browser.close();
      await app.stop();
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
