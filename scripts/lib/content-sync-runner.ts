/**
 * Reads content/, validates it and syncs it: what `npm run content:sync`, `npm run dev` (on start
 * and on every change) and the test setup run. A corpus with errors is not synced: the errors
 * are printed as `file:line: message` and the database stays as it was.
 */
import { SingleBar } from "cli-progress";
import { formatError, loadCorpus } from "@/app/lib/domain/content";
import { syncCorpus, type SyncSummary } from "@/app/lib/server/content-sync";
import { CONTENT_DIR, readContentFiles } from "./content-files";
import { scriptPrisma } from "./prisma";

export class ContentInvalidError extends Error {
  override name = "ContentInvalidError";
}

export function formatSummary(s: SyncSummary): string {
  const line = (name: string, c: SyncSummary["notes"]) =>
    `${name.padEnd(10)} added ${c.added}, updated ${c.updated}, retired ${c.retired}, unchanged ${c.unchanged}`;
  return [line("notes", s.notes), line("cards", s.cards), line("questions", s.questions)].join("\n");
}

export async function runContentSync(
  url: string,
  options: { quiet: boolean; dir?: string; progress?: boolean },
): Promise<SyncSummary> {
  const started = Date.now();
  const corpus = loadCorpus(await readContentFiles(options.dir ?? CONTENT_DIR));
  if (corpus.errors.length) {
    throw new ContentInvalidError(
      `${corpus.errors.length} error(s) in content/, nothing was synced:\n` + corpus.errors.map(formatError).join("\n"),
    );
  }
  const prisma = scriptPrisma(url);
  const bar = options.progress ? new SingleBar({ format: "syncing notes [{bar}] {value}/{total}", hideCursor: true }) : null;
  try {
    bar?.start(corpus.notes.length, 0);
    const summary = await syncCorpus(prisma, corpus, { onProgress: (done) => bar?.update(done) });
    bar?.stop();
    if (!options.quiet || summary.writes > 0) {
      console.log(`${formatSummary(summary)}\ncontent synced in ${Date.now() - started} ms (${summary.writes} writes)`);
    }
    return summary;
  } finally {
    bar?.stop();
    await prisma.$disconnect();
  }
}
