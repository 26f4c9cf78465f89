/**
 * Reads content/ and its Chinese editions in content/zh/, validates them and syncs them: what
 * `npm run content:sync`, `npm run dev` (on start and on every change) and the test setup run.
 * A corpus with errors is not synced: the errors are printed as `file:line: message` and the
 * database stays as it was.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { SingleBar } from "cli-progress";
import type { PrismaClient } from "@/app/generated/prisma/client";
import type { SourceFile } from "@/app/lib/domain/content/types";
import { formatError, loadCorpus } from "@/app/lib/domain/content";
import { syncCorpus } from "@/app/lib/server/content-sync";
import type { SyncSummary } from "@/app/lib/server/content-sync-items";
import { CONTENT_DIR, readContentFiles, readTranslationFiles } from "./content-files";
import { scriptPrisma } from "./prisma";

export class ContentInvalidError extends Error {
  override name = "ContentInvalidError";
}

export function formatSummary(s: SyncSummary): string {
  const line = (name: string, c: SyncSummary["notes"]) =>
    `${name.padEnd(10)} added ${c.added}, updated ${c.updated}, retired ${c.retired}, unchanged ${c.unchanged}`;
  return [line("notes", s.notes), line("cards", s.cards), line("questions", s.questions)].join("\n");
}

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** A hash of the code that turns files into rows: a change to it invalidates every source hash. */
async function pipelineHash(): Promise<string> {
  const dir = path.join(ROOT, "app", "lib", "domain", "content");
  const files = [
    ...(await readdir(dir)).sort().map((f) => path.join(dir, f)),
    path.join(ROOT, "app", "lib", "server", "content-sync.ts"),
    path.join(ROOT, "app", "lib", "server", "content-sync-items.ts"),
    path.join(ROOT, "app", "lib", "server", "content-sync-rows.ts"),
    path.join(ROOT, "app", "lib", "schemas", "content.ts"),
  ];
  const h = createHash("sha256");
  for (const f of files) h.update(await readFile(f));
  return h.digest("hex");
}

/**
 * Per note, a hash of its file, of its Chinese edition (a Chinese-only edit must not be skipped
 * as unchanged; "-" when there is none) and of the pipeline.
 */
function sourceHashes(files: SourceFile[], translations: SourceFile[] | undefined, pipeline: string): Map<string, string> {
  const zh = new Map((translations ?? []).map((f) => [path.basename(f.path), f.text]));
  return new Map(
    files.map((f) => [
      path.basename(f.path, ".md"),
      createHash("sha256")
        .update(pipeline)
        .update(path.basename(f.path))
        .update(f.text)
        .update(translations === undefined ? "" : `\u0000zh\u0000${zh.get(path.basename(f.path)) ?? "-"}`)
        .digest("hex")
        .slice(0, 32),
    ]),
  );
}

/** True when the database holds exactly these files, each as synced by this pipeline. */
async function unchangedSince(prisma: PrismaClient, hashes: Map<string, string>): Promise<boolean> {
  // The corpus's rows only: users' own notes (ownerId set) are not files of content/.
  const rows = await prisma.paper.findMany({ where: { retiredAt: null, ownerId: null }, select: { slug: true, sourceHash: true } });
  return rows.length === hashes.size && rows.every((r) => hashes.get(r.slug) === r.sourceHash);
}

async function unchangedSummary(prisma: PrismaClient, notes: number): Promise<SyncSummary> {
  const [cards, questions] = await Promise.all([
    prisma.card.count({ where: { retiredAt: null, paper: { ownerId: null } } }),
    prisma.quizQuestion.count({ where: { retiredAt: null, paper: { ownerId: null } } }),
  ]);
  const counts = (unchanged: number) => ({ added: 0, updated: 0, retired: 0, unchanged });
  return { notes: counts(notes), cards: counts(cards), questions: counts(questions), writes: 0 };
}

export async function runContentSync(
  url: string,
  options: { quiet: boolean; dir?: string; progress?: boolean },
): Promise<SyncSummary> {
  const started = Date.now();
  const files = await readContentFiles(options.dir ?? CONTENT_DIR);
  // The Chinese editions in <dir>/zh/, when the folder exists (then every note needs one).
  const translations = await readTranslationFiles(options.dir ?? CONTENT_DIR);
  const hashes = sourceHashes(files, translations, await pipelineHash());
  const prisma = scriptPrisma(url);
  try {
    if (await unchangedSince(prisma, hashes)) {
      const summary = await unchangedSummary(prisma, hashes.size);
      if (!options.quiet) console.log(`${formatSummary(summary)}\ncontent unchanged: checked in ${Date.now() - started} ms (0 writes)`);
      return summary;
    }
    return await parseAndSync(prisma, files, translations, hashes, started, options);
  } finally {
    await prisma.$disconnect();
  }
}

async function parseAndSync(
  prisma: PrismaClient,
  files: SourceFile[],
  translations: SourceFile[] | undefined,
  hashes: Map<string, string>,
  started: number,
  options: { quiet: boolean; progress?: boolean },
): Promise<SyncSummary> {
  const corpus = loadCorpus(files, translations);
  if (corpus.errors.length) {
    throw new ContentInvalidError(
      `${corpus.errors.length} error(s) in content/, nothing was synced:\n` + corpus.errors.map(formatError).join("\n"),
    );
  }
  const bar = options.progress ? new SingleBar({ format: "syncing notes [{bar}] {value}/{total}", hideCursor: true }) : null;
  try {
    bar?.start(corpus.notes.length, 0);
    const summary = await syncCorpus(prisma, corpus, { onProgress: (done) => bar?.update(done), sourceHashes: hashes });
    bar?.stop();
    if (!options.quiet || summary.writes > 0) {
      console.log(`${formatSummary(summary)}\ncontent synced in ${Date.now() - started} ms (${summary.writes} writes)`);
    }
    return summary;
  } finally {
    bar?.stop();
  }
}
