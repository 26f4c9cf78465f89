import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { listLibrary, searchPapers } from "@/app/lib/server/data/papers";

/** The slugs of a search's hits, best first. */
async function slugsFor(q: string): Promise<string[]> {
  const hits = await searchPapers(q);
  const papers = await db.paper.findMany({ where: { id: { in: hits.map((h) => h.id) } }, select: { id: true, slug: true } });
  const byId = new Map(papers.map((p) => [p.id, p.slug]));
  return hits.map((h) => byId.get(h.id) ?? "?");
}

describe("searching the library in Chinese and in English", () => {
  it.each([
    ["对比学习", "moco"],
    ["动量编码器", "moco"],
    ["匈牙利匹配", "detr"],
    ["蒸馏", "knowledge-distillation"],
  ])("finds the note about %s first", async (query, slug) => {
    expect((await slugsFor(query))[0]).toBe(slug);
  });

  it("still finds English terms, first the notes about them", async () => {
    expect((await slugsFor("momentum encoder"))[0]).toBe("moco");
    expect((await slugsFor("bipartite matching"))[0]).toBe("detr");
    expect((await slugsFor("MoCo 动量编码器"))[0]).toBe("moco");
  });

  it("asks for a Chinese word as written, not for its characters anywhere in the note", async () => {
    // 器 ends every 编码器 and 解码器: 动量编码器 must not match every note with an encoder.
    const encoders = await slugsFor("编码器");
    const momentum = await slugsFor("动量编码器");
    expect(momentum.length).toBeLessThan(encoders.length);
    expect(await slugsFor("量编")).toEqual([]);
  });

  it("shows an English query's snippet in English, and in Chinese to a reader of the Chinese site", async () => {
    const [english] = await searchPapers("momentum encoder");
    expect(english?.snippet).toContain("<mark>");
    expect(english?.snippet).not.toMatch(/\p{Script=Han}/u);
    const [chinese] = await searchPapers("momentum encoder", "zh");
    expect(chinese?.id).toBe(english?.id);
    expect(chinese?.snippet).toMatch(/\p{Script=Han}/u);
    expect(chinese?.snippet).toContain("<mark>");
  });

  it("shows a Chinese snippet with the match marked and no spaces between its words", async () => {
    const [entry] = (await listLibrary({ q: "蒸馏" })).filter((e) => e.slug === "knowledge-distillation");
    expect(entry?.snippet).toContain("<mark>蒸馏</mark>");
    expect(entry?.snippet).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
  });
});
