import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { addPassageCard, passageCardsForPage } from "@/app/lib/server/data/passage-cards";
import { storedPaperZhSchema } from "@/app/lib/schemas/translation";
import { noteLayoutSchema } from "@/app/lib/schemas/rendered-note";
import { retireAllOwnNotes } from "./retire-own-notes";

afterAll(retireAllOwnNotes);

const email = () => `passage-page-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: {} } }, select: { id: true } });

describe("a reader's passage cards as the note page shows them", () => {
  it("renders both sides with the notes' pipeline and sanitiser, and gives the Chinese page its anchors", async () => {
    const user = await newUser();
    const paper = await db.paper.findFirstOrThrow({ where: { slug: "clip", ownerId: null }, select: { rendered: true, zh: true } });
    const anchor = noteLayoutSchema.parse(paper.rendered).headings[0]!.slug;
    await addPassageCard(
      user.id,
      { slug: "clip", anchor, front: "What is $x^2$ in `code`? <img src=x onerror=alert(1)>", back: "**Bold** [link](javascript:alert(1))" },
      (t) => `My cards on ${t}`,
      new Date(),
    );
    const page = await passageCardsForPage(user.id, "clip");
    expect(page.cards).toHaveLength(1);
    const [card] = page.cards;
    expect(card!.anchor).toBe(anchor);
    expect(card!.frontHtml).toContain('class="katex"');
    expect(card!.frontHtml).toContain("<code>code</code>");
    expect(card!.frontHtml).not.toMatch(/<img|onerror/);
    expect(card!.backHtml).toContain("<strong>Bold</strong>");
    expect(card!.backHtml).not.toContain("javascript:");
    // The English → Chinese heading map the Chinese edition needs, for every section.
    expect(page.anchors).toEqual(storedPaperZhSchema.parse(paper.zh).anchors);
    expect(page.anchors[anchor]).toEqual(expect.any(String));

    const other = await newUser();
    expect((await passageCardsForPage(other.id, "clip")).cards).toEqual([]);
  });
});
