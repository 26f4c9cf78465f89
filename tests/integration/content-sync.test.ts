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
    const zhFile = path.join(dir, "zh", "vit.md");
    const text = await readFile(file, "utf8");
    const zhText = await readFile(zhFile, "utf8");
    const blocks = [...text.matchAll(/```card\nid: ([a-z0-9-]+)\n[\s\S]*?\n```\n/g)];
    const victim = blocks.find((m) => !text.includes(`[${m[1]}]`) && !text.includes(`, ${m[1]}`) && !text.includes(`${m[1]},`));
    expect(victim).toBeDefined();
    const [block, id] = victim as RegExpMatchArray;
    // A card leaves both editions at once (an id in one language only is an error).
    const zhBlock = new RegExp(`\`\`\`card\\nid: ${id}\\n[\\s\\S]*?\\n\`\`\`\\n`).exec(zhText)?.[0];
    expect(zhBlock).toBeDefined();
    await writeFile(file, text.replace(block, ""));
    await writeFile(zhFile, zhText.replace(zhBlock as string, ""));
    const summary = await sync();
    expect(summary.cards.retired).toBeGreaterThanOrEqual(1);
    const paper = await prisma.paper.findUniqueOrThrow({ where: { slug: "vit" } });
    const row = await prisma.card.findUniqueOrThrow({ where: { paperId_key: { paperId: paper.id, key: id as string } } });
    expect(row.retiredAt).not.toBeNull();
    await writeFile(file, text);
    await writeFile(zhFile, zhText);
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
    const zhFile = path.join(dir, "zh", `${card.paper.slug}.md`);
    const text = await readFile(file, "utf8");
    const zhText = await readFile(zhFile, "utf8");
    // The markers are the same in both editions (their locators are not translated).
    await writeFile(file, text.replaceAll("[src: ", "[src: Appendix Z, "));
    await writeFile(zhFile, zhText.replaceAll("[src: ", "[src: Appendix Z, "));
    const summary = await sync();
    expect(summary.cards.updated).toBeGreaterThanOrEqual(1);
    const after = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect(after.contentHash).toBe(card.contentHash);
    expect((after.source as { text: string }).text).toMatch(/^Appendix Z, /);
    expect(await prisma.cardState.count({ where: { cardId: card.id, userId: user.id } })).toBe(1);
    // The Chinese card links to the same locator, under its Chinese heading.
    expect((after.zh as { source: { text: string } | null }).source?.text).toMatch(/^Appendix Z, /);
    await writeFile(file, text);
    await writeFile(zhFile, zhText);
    await sync();
    expect((await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).source).toEqual(card.source);
  });

  it("stores every note, card and question's Chinese words on the row of the English one", async () => {
    const paper = await prisma.paper.findUniqueOrThrow({ where: { slug: "moco" }, include: { cards: true, questions: true } });
    const zh = paper.zh as { title: string; body: string; anchors: Record<string, string>; layout: { headings: { slug: string }[] } };
    expect(zh.title).toBe("动量对比：无监督视觉表征学习");
    expect(zh.body).toContain("动量编码器");
    expect(zh.anchors["the-key-idea"]).toBe("核心思想");
    const live = [...paper.cards, ...paper.questions].filter((i) => i.retiredAt === null);
    expect(live.filter((i) => i.zh === null).map((i) => i.key)).toEqual([]);
    const card = paper.cards.find((c) => c.key === "queue-size");
    expect(card?.zh).toMatchObject({ front: "MoCo 的队列默认保存多少个负样本键？", anchor: "核心思想" });
    const derived = paper.questions.find((q) => q.key === "d-venue");
    expect(derived?.zh).toMatchObject({ prompt: "MoCo（*动量对比：无监督视觉表征学习*）发表在哪里？", payload: derived?.payload });
    // Every short answer keeps its Chinese answers beside the English ones, for scoring only.
    const shorts = await prisma.quizQuestion.findMany({ where: { type: "short", retiredAt: null } });
    expect(shorts.length).toBeGreaterThan(0);
    for (const q of shorts) expect((q.answer as { zh?: { value: string } }).zh?.value, q.key).toMatch(/\S/);
    for (const q of shorts) expect(Object.keys(q.zh as object), q.key).not.toContain("answer");
  });

  it("syncs a Chinese-only edit into the same rows: ids, English hashes and every review state stay", async () => {
    const paper = await prisma.paper.findUniqueOrThrow({ where: { slug: "moco" } });
    const card = await prisma.card.findUniqueOrThrow({ where: { paperId_key: { paperId: paper.id, key: "queue-size" } } });
    const question = await prisma.quizQuestion.findFirstOrThrow({ where: { paperId: paper.id, type: "single", derived: false } });
    const user = await prisma.user.create({ data: { email: `zh-sync-${Date.now()}@example.test` } });
    await prisma.cardState.create({
      data: { userId: user.id, cardId: card.id, due: new Date(), stability: 3, difficulty: 5, elapsedDays: 0, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2 },
    });
    const state = await prisma.cardState.findMany({ where: { userId: user.id } });
    const file = path.join(dir, "zh", "moco.md");
    const text = await readFile(file, "utf8");
    const front = "MoCo 的队列默认保存多少个负样本键？";
    expect(text).toContain(front);
    const questionPrompt = (question.zh as { prompt: string }).prompt;
    await writeFile(file, text.replace(front, "按默认设置，MoCo 的队列里有多少个负样本键？").replace(questionPrompt, `${questionPrompt}（改过）`));
    const summary = await sync();
    expect(summary.cards.updated).toBe(1);
    expect(summary.questions.updated).toBe(1);
    expect(summary.cards.added + summary.cards.retired + summary.questions.added + summary.questions.retired).toBe(0);
    const after = await prisma.card.findUniqueOrThrow({ where: { id: card.id } });
    expect((after.zh as { front: string }).front).toBe("按默认设置，MoCo 的队列里有多少个负样本键？");
    expect({ ...after, zh: null, updatedAt: null }).toEqual({ ...card, zh: null, updatedAt: null });
    const afterQuestion = await prisma.quizQuestion.findUniqueOrThrow({ where: { id: question.id } });
    expect(afterQuestion.contentHash).toBe(question.contentHash);
    expect((afterQuestion.zh as { prompt: string }).prompt).toBe(`${questionPrompt}（改过）`);
    expect(await prisma.cardState.findMany({ where: { userId: user.id } })).toEqual(state);
    // The note's row keeps its English columns; its Chinese edition and search text follow the edit.
    const englishPaper = await prisma.paper.findUniqueOrThrow({ where: { id: paper.id } });
    const chineseOnly = { zh: null, searchTextZh: null, contentHash: null, sourceHash: null, updatedAt: null };
    expect({ ...englishPaper, ...chineseOnly }).toEqual({ ...paper, ...chineseOnly });
    expect(englishPaper.searchTextZh).toContain("按 默认 设置");
    await writeFile(file, text);
    await sync();
    expect(await prisma.card.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ zh: card.zh });
  });

  it("stores a Chinese edit of a short answer's alternatives beside the English answer, the hash unchanged", async () => {
    const paper = await prisma.paper.findUniqueOrThrow({ where: { slug: "batchnorm-vs-layernorm" } });
    const question = await prisma.quizQuestion.findFirstOrThrow({ where: { paperId: paper.id, type: "short", retiredAt: null } });
    const answer = question.answer as { value: string; zh: { value: string; alternatives: string[] } };
    const file = path.join(dir, "zh", "batchnorm-vs-layernorm.md");
    const text = await readFile(file, "utf8");
    expect(text).toContain("alternatives: [分组归一化, ");
    await writeFile(file, text.replace("alternatives: [分组归一化, ", "alternatives: [分组归一化, 按组归一化, "));
    const summary = await sync();
    expect(summary.questions.updated).toBe(1);
    const after = await prisma.quizQuestion.findUniqueOrThrow({ where: { id: question.id } });
    expect(after.contentHash).toBe(question.contentHash);
    expect((after.answer as typeof answer).zh.alternatives).toContain("按组归一化");
    expect({ ...(after.answer as typeof answer), zh: null }).toEqual({ ...answer, zh: null });
    await writeFile(file, text);
    await sync();
    expect((await prisma.quizQuestion.findUniqueOrThrow({ where: { id: question.id } })).answer).toEqual(question.answer);
  });

  it("refuses a Chinese edition that differs from its English note, writing nothing, and names the zh file and line", async () => {
    const before = await snapshot();
    const file = path.join(dir, "zh", "moco.md");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("tolerance: 0.0001", "tolerance: 0.001"));
    await writeFile(path.join(dir, "zh", "vit.md"), (await readFile(path.join(dir, "zh", "vit.md"), "utf8")).replace(/^## /m, "## 新增的一节\n\n## "));
    await expect(sync()).rejects.toThrow(/zh\/moco\.md:\d+: question `momentum-value`: tolerance 0\.001 here, 0\.0001/);
    expect(await snapshot()).toEqual(before);
    await writeFile(file, text);
    await rm(path.join(dir, "zh", "vit.md"));
    await expect(sync()).rejects.toThrow(/vit\.md:1: no Chinese edition: write content\/zh\/vit\.md/);
    expect(await snapshot()).toEqual(before);
    await cp(path.resolve("content", "zh", "vit.md"), path.join(dir, "zh", "vit.md"));
    expect((await sync()).writes).toBe(0);
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
