import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { listLibrary, listTags, searchPapers } from "@/app/lib/server/data/papers";

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

describe("search snippets and spellings (the newcomer's walk)", () => {
  it("shows snippets as plain text, with the tags and authors in sentences of their own", async () => {
    for (const q of ["problem", "leaking", "moco", "queue", "batch norm", "contrastive"]) {
      for (const hit of await searchPapers(q)) {
        const text = hit.snippet.replace(/<\/?mark>/g, "");
        expect(text, `snippet for "${q}"`).not.toMatch(/(^|\s)#{1,6} |\*\*|\]\(\/|==|\[src:/);
      }
    }
    const [tagged] = (await listLibrary({ q: "self-supervised" })).filter((e) => e.slug === "moco");
    expect(tagged?.snippet?.replace(/<\/?mark>/g, "")).toMatch(/Tags: [a-z-]+(, [a-z-]+)*\./);
  });

  it("finds InfoNCE notes when asked for \"info nce\"", async () => {
    const joined = await slugsFor("infonce");
    expect(joined.length).toBeGreaterThan(0);
    expect(new Set(await slugsFor("info nce"))).toEqual(new Set(joined));
  });

  it("finds every \"layernorm\" note for \"layer norm\" and \"layer-norm\" (the quiz's spelling rule)", async () => {
    const joined = await slugsFor("layernorm");
    const spaced = await slugsFor("layer norm");
    expect(joined.length).toBeGreaterThanOrEqual(9);
    // Two words ask for both anywhere in a note, so the spaced query may find more, never fewer.
    expect(spaced).toEqual(expect.arrayContaining(joined));
    expect(await slugsFor("layer-norm")).toEqual(expect.arrayContaining(joined));
    expect(await slugsFor("LayerNorm")).toEqual(joined);
  });

  it("lists one spelling of each tag, and only the chosen area's tags", async () => {
    const all = await listTags();
    for (const gone of ["transformers", "vision-and-language", "language-model"]) expect(all).not.toContain(gone);
    const video = await listTags(null, "video");
    expect(video.length).toBeGreaterThan(0);
    expect(video.length).toBeLessThan(all.length);
    const videoTags = new Set((await db.paper.findMany({ where: { area: "video", retiredAt: null }, select: { tags: true } })).flatMap((p) => p.tags));
    expect(new Set(video)).toEqual(videoTags);
  });
});
