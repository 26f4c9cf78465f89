import { describe, expect, it } from "vitest";
import { Prisma } from "@/app/generated/prisma/client";
import { storedPaperZhSchema } from "@/app/lib/schemas/translation";
import { db } from "@/app/lib/server/db";
import { browsableNotes } from "@/app/lib/server/data/card-browser";
import { listQuizSources } from "@/app/lib/server/data/quiz-questions";
import { notesWithCards } from "@/app/lib/server/data/user-data-anki";

/** The corpus notes that have a Chinese edition, with its title. */
async function chineseTitles(): Promise<Map<string, string>> {
  const papers = await db.paper.findMany({ where: { retiredAt: null, zh: { not: Prisma.DbNull } }, select: { slug: true, zh: true } });
  return new Map(papers.map((p) => [p.slug, storedPaperZhSchema.parse(p.zh).title]));
}

describe("note lists in the reader's language", () => {
  it("name every note by its Chinese title for a Chinese reader and by its English one otherwise, in the same order", async () => {
    const zhTitles = await chineseTitles();
    expect(zhTitles.size).toBeGreaterThan(0);
    const lists = {
      "card browser filter": async (locale: "en" | "zh-CN") => browsableNotes("no-such-user", locale),
      "quiz sources": async (locale: "en" | "zh-CN") => (await listQuizSources(null, locale)).flatMap((a) => a.notes),
      "Anki export list": async (locale: "en" | "zh-CN") => notesWithCards(null, locale),
    };
    for (const [name, list] of Object.entries(lists)) {
      const [en, zh] = await Promise.all([list("en"), list("zh-CN")]);
      expect(zh.map((n) => n.slug), name).toEqual(en.map((n) => n.slug));
      expect(en.every((n) => n.titleIn === "en"), name).toBe(true);
      for (const note of zh) {
        const title = zhTitles.get(note.slug);
        expect({ slug: note.slug, title: note.title, titleIn: note.titleIn }, name).toEqual(
          title === undefined ? { slug: note.slug, title: en.find((n) => n.slug === note.slug)!.title, titleIn: "en" } : { slug: note.slug, title, titleIn: "zh-CN" },
        );
      }
    }
  });
});
