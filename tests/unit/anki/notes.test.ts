import { describe, expect, it } from "vitest";
import { ankiDeckName, ankiGuid, ankiTags, planNotes } from "@/app/lib/domain/anki/notes";

const card = (key: string, type: string, front = `${key} front`, back = `${key} back`) => ({ id: `id-${key}`, key, type, front, back });

describe("which Anki note each card becomes", () => {
  it("makes a basic card a Basic note, a reverse pair one reversed note with two cards, a cloze a Cloze note", () => {
    const notes = planNotes("moco", [card("q", "basic"), card("t", "reverse"), card("t-rev", "reverse"), card("c", "cloze", "A [...] b", "A ==x== b")]);
    expect(notes.map((n) => [n.noteKey, n.kind, n.cards])).toEqual([
      ["moco/q", "basic", [{ ord: 0, cardId: "id-q" }]],
      ["moco/t", "reversed", [{ ord: 0, cardId: "id-t" }, { ord: 1, cardId: "id-t-rev" }]],
      ["moco/c", "cloze", [{ ord: 0, cardId: "id-c" }]],
    ]);
    expect(notes[1]!.fields).toEqual(["t front", "t back"]);
    expect(notes[2]!.fields).toEqual(["A {{x}} b", ""]);
  });

  it("makes a reverse side whose partner is gone a Basic note of its own", () => {
    expect(planNotes("moco", [card("t-rev", "reverse")]).map((n) => n.kind)).toEqual(["basic"]);
    expect(planNotes("moco", [card("t", "reverse")]).map((n) => n.kind)).toEqual(["basic"]);
  });

  it("derives a stable guid of at most 10 base-91 characters from the card key", () => {
    const guid = ankiGuid("moco/queue-size");
    expect(guid).toBe(ankiGuid("moco/queue-size"));
    expect(guid).not.toBe(ankiGuid("moco/queue-sizes"));
    expect(guid).toMatch(/^[A-Za-z0-9!#$%&()*+,\-./:;<=>?@[\]^_`{|}~]{1,10}$/);
  });

  it("names tags and decks as Anki wants them", () => {
    expect(ankiTags({ slug: "moco", area: "vision", tags: ["self supervised", "contrastive"] })).toEqual([
      "paperdeck",
      "paperdeck::moco",
      "paperdeck::area::vision",
      "paperdeck::tag::self_supervised",
      "paperdeck::tag::contrastive",
    ]);
    expect(ankiDeckName("MoCo: Momentum Contrast")).toBe("PaperDeck::MoCo: Momentum Contrast");
    expect(ankiDeckName("A::B")).toBe("PaperDeck::A:B");
  });
});
