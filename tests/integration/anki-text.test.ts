import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { ANKI_TSV_HEADER, ankiTsv } from "@/app/lib/server/data/user-data-anki";
import { planNotes } from "@/app/lib/domain/anki/notes";

/** A live note with basic, reverse and cloze cards. */
async function mixedNote() {
  const papers = await db.paper.findMany({
    where: { retiredAt: null, AND: [{ cards: { some: { type: "cloze", retiredAt: null } } }, { cards: { some: { type: "reverse", retiredAt: null } } }, { cards: { some: { type: "basic", retiredAt: null } } }] },
    orderBy: { sortKey: "asc" },
    select: { slug: true, title: true, cards: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, key: true, type: true, front: true, back: true } } },
  });
  const paper = papers[0];
  if (!paper) throw new Error("the corpus has no note with basic, reverse and cloze cards");
  return paper;
}

describe("the Anki text export", () => {
  it("writes one row per Anki note with its note type, deck, guid, fields and tags, clozes as {{c1::…}} and no == markers", async () => {
    const paper = await mixedNote();
    const tsv = await ankiTsv([paper.slug], { origin: "https://paperdeck.example" });
    const lines = tsv.trimEnd().split("\n");
    expect(lines.slice(0, ANKI_TSV_HEADER.length)).toEqual(ANKI_TSV_HEADER);
    const records = lines.slice(ANKI_TSV_HEADER.length).map((l) => l.split("\t"));
    const planned = planNotes(paper.slug, paper.cards);
    expect(records).toHaveLength(planned.length);
    const ankiCards = { Basic: 1, "Basic (and reversed card)": 2, Cloze: 1 } as Record<string, number>;
    expect(records.reduce((n, r) => n + (ankiCards[r[0]!] ?? 0), 0)).toBe(paper.cards.length);
    for (const [i, r] of records.entries()) {
      expect(r).toHaveLength(6);
      expect(r[1]).toBe(`PaperDeck::${paper.title}`);
      expect(r[2]).toBe(planned[i]!.guid);
      expect(r[5]).toContain(`paperdeck::${paper.slug}`);
      expect(r.join("\t")).not.toMatch(/(?<!=)==(?!=)/);
      if (r[0] === "Cloze") expect(r[3]).toMatch(/\{\{c1::[^}]+\}\}/);
      else expect(r[3]).not.toContain("{{c1::");
    }
    expect(records.some((r) => r[0] === "Cloze")).toBe(true);
    expect(records.some((r) => r[0] === "Basic (and reversed card)")).toBe(true);
  });
});
