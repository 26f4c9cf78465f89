import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type PrismaClient } from "@/app/generated/prisma/client";
import { runContentSync } from "@/scripts/lib/content-sync-runner";
import { scriptPrisma } from "@/scripts/lib/prisma";
import { freshDatabase } from "./helpers/fresh-database";

describe("syncing content/ into PostgreSQL", () => {
  let url: string;
  let drop: () => Promise<void>;
  let dir: string;
  let prisma: PrismaClient;

  beforeAll(async () => {
    ({ url, drop } = await freshDatabase());
    dir = await mkdtemp(path.join(os.tmpdir(), "paperdeck-content-"));
    await cp(path.resolve("content"), dir, { recursive: true });
    prisma = scriptPrisma(url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  const sync = () => runContentSync(url, { quiet: true, dir });
  const snapshot = async () => ({
    papers: await prisma.paper.findMany({ orderBy: { slug: "asc" } }),
    cards: await prisma.card.findMany({ orderBy: [{ paperId: "asc" }, { key: "asc" }] }),
    questions: await prisma.quizQuestion.findMany({ orderBy: [{ paperId: "asc" }, { key: "asc" }] }),
  });

  it("loads the whole corpus, then writes nothing on an unchanged second run", async () => {
    const noteCount = (await readdir(dir)).filter((f) => f.endsWith(".md")).length;
    const first = await sync();
    expect(first.notes.added).toBe(noteCount);
    expect(first.cards.added).toBeGreaterThan(300);
    const before = await snapshot();
    const second = await sync();
    expect(second.writes).toBe(0);
    expect(second.notes.unchanged).toBe(noteCount);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps a card's id and its review history when the card is edited", async () => {
    const paper = await prisma.paper.findUniqueOrThrow({ where: { slug: "moco" } });
    const card = await prisma.card.findFirstOrThrow({ where: { paperId: paper.id, derived: false, type: "basic" } });
    const user = await prisma.user.create({ data: { email: `sync-${Date.now()}@example.test` } });
    await prisma.cardState.create({
      data: { userId: user.id, cardId: card.id, due: new Date(), stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2 },
    });
    const file = path.join(dir, "moco.md");
    const text = await readFile(file, "utf8");
    const backLine = text.split("\n").find((l, i, all) => l.startsWith("back:") && all.slice(0, i).reverse().find((x) => x.startsWith("id:")) === `id: ${card.key}`);
    expect(backLine).toBeDefined();
    await writeFile(file, text.replace(backLine as string, `back: "An edited answer for the test."`));
    const summary = await sync();
    expect(summary.cards.updated).toBeGreaterThanOrEqual(1);
    const edited = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(edited.back).toContain("An edited answer");
    expect(await prisma.cardState.count({ where: { cardId: card.id, userId: user.id } })).toBe(1);
    await writeFile(file, text);
    await sync();
  });

  it("retires a removed card instead of deleting it, and brings it back when restored", async () => {
    const file = path.join(dir, "vit.md");
    const text = await readFile(file, "utf8");
    const blocks = [...text.matchAll(/```card\nid: ([a-z0-9-]+)\n[\s\S]*?\n```\n/g)];
    const victim = blocks.find((m) => !text.includes(`[${m[1]}]`) && !text.includes(`, ${m[1]}`) && !text.includes(`${m[1]},`));
    expect(victim).toBeDefined();
    const [block, id] = victim as RegExpMatchArray;
    await writeFile(file, text.replace(block, ""));
    const summary = await sync();
    expect(summary.cards.retired).toBeGreaterThanOrEqual(1);
    const paper = await prisma.paper.findUniqueOrThrow({ where: { slug: "vit" } });
    const row = await prisma.card.findUniqueOrThrow({ where: { paperId_key: { paperId: paper.id, key: id as string } } });
    expect(row.retiredAt).not.toBeNull();
    await writeFile(file, text);
    await sync();
    const back = await prisma.card.findUniqueOrThrow({ where: { id: row.id } });
    expect(back.retiredAt).toBeNull();
  });

  it("stores where an answer comes from, and follows a changed [src: …] marker without touching the item's hash or history", async () => {
    const sourced = await prisma.card.findFirst({ where: { source: { not: Prisma.DbNull }, retiredAt: null }, include: { paper: true } });
    expect(sourced, "no card linked to a source: the corpus has no [src: …] markers").not.toBeNull();
    const card = sourced as NonNullable<typeof sourced>;
    const user = await prisma.user.create({ data: { email: `source-${Date.now()}@example.test` } });
    await prisma.cardState.create({
      data: { userId: user.id, cardId: card.id, due: new Date(), stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2 },
    });
    const file = path.join(dir, `${card.paper.slug}.md`);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replaceAll("[src: ", "[src: Appendix Z, "));
    const summary = await sync();
    expect(summary.cards.updated).toBeGreaterThanOrEqual(1);
    const after = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.contentHash).toBe(card.contentHash);
    expect((after.source as { text: string }).text).toMatch(/^Appendix Z, /);
    expect(await prisma.cardState.count({ where: { cardId: card.id, userId: user.id } })).toBe(1);
    await writeFile(file, text);
    await sync();
    expect((await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).source).toEqual(card.source);
  });

  it("changes nothing when one file is broken, and names the file and line", async () => {
    const before = await snapshot();
    const good = path.join(dir, "bert.md");
    const text = await readFile(good, "utf8");
    await writeFile(path.join(dir, "gpt.md"), (await readFile(path.join(dir, "gpt.md"), "utf8")).replace(/^title:/m, "titel:"));
    await writeFile(good, text.replace(/^## /m, "## Edited heading\n\n"));
    await expect(sync()).rejects.toThrow(/gpt\.md:2: unknown key `titel`/);
    expect(await snapshot()).toEqual(before);
  });
});
