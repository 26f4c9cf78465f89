/**
 * `npm run bench:search`: the library search (`searchQuery`, the very query of the app) on the
 * corpus and on the generated 1,000-note corpus, each bilingual (content/zh/ synced) and, for
 * comparison, the corpus English only (the same notes without zh/; with `--english-1000` the
 * 1,000 notes too, which costs a second load of them): p50 and p95 over Chinese and English
 * queries, and the first hits of the Chinese ones.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PrismaClient } from "@/app/generated/prisma/client";
import { searchQuery } from "@/app/lib/server/sql/search";
import { CONTENT_DIR, TRANSLATION_DIR } from "../lib/content-files";
import { runContentSync } from "../lib/content-sync-runner";
import { scriptPrisma } from "../lib/prisma";
import { benchDatabase, ms, percentile } from "./lib/bench-db";
import { generateCorpus } from "./lib/generated-corpus";

const CHINESE = ["对比学习", "动量编码器", "匈牙利匹配", "蒸馏", "知识蒸馏", "注意力", "掩码"];
const ENGLISH = ["momentum encoder", "contrastive learning", "distillation", "transformer", "layer norm", "bipartite matching", "masked"];
const ROUNDS = 20;

async function measure(label: string, dir: string, withChinese: boolean) {
  const db = await benchDatabase();
  const copy = await mkdtemp(path.join(os.tmpdir(), "paperdeck-search-"));
  const prisma: PrismaClient = scriptPrisma(db.url);
  try {
    await cp(dir, copy, { recursive: true });
    if (!withChinese) await rm(path.join(copy, TRANSLATION_DIR), { recursive: true, force: true });
    await runContentSync(db.url, { quiet: true, dir: copy });
    const run = (q: string) => prisma.$queryRaw<{ id: string }[]>(searchQuery(q).sql);
    for (const q of [...CHINESE, ...ENGLISH]) await run(q); // warm up
    const times: Record<"zh" | "en", number[]> = { zh: [], en: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [lang, queries] of [["zh", CHINESE], ["en", ENGLISH]] as const) {
        for (const q of queries) {
          const t = performance.now();
          await run(q);
          times[lang].push(performance.now() - t);
        }
      }
    }
    const line = (name: string, list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return `${name} p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}`;
    };
    console.log(`${label}: ${line("Chinese queries", times.zh)}; ${line("English queries", times.en)} (${ROUNDS} rounds)`);
    if (withChinese) {
      const slugs = new Map((await prisma.paper.findMany({ select: { id: true, slug: true } })).map((p) => [p.id, p.slug]));
      for (const q of CHINESE.slice(0, 4)) {
        const hits = (await run(q)).map((h) => slugs.get(h.id) ?? "?");
        console.log(`  ${q}: ${hits.length} notes, first ${hits.slice(0, 3).join(", ")}`);
      }
    }
  } finally {
    await prisma.$disconnect();
    await db.close();
    await rm(copy, { recursive: true, force: true });
  }
}

async function main() {
  await measure("corpus, English and Chinese", CONTENT_DIR, true);
  await measure("corpus, English only       ", CONTENT_DIR, false);
  const generated = await generateCorpus(1000);
  try {
    await measure("1,000 notes, English and Chinese", generated, true);
    if (process.argv.includes("--english-1000")) await measure("1,000 notes, English only       ", generated, false);
  } finally {
    await rm(generated, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
