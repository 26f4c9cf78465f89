import { describe, expect, it } from "vitest";
import { parseNote } from "@/app/lib/domain/content";
import { cardFactWarnings, countFacts } from "@/app/lib/domain/content/card-facts";
import { lineOf, noteText } from "./fixtures";

describe("countFacts", () => {
  const cases: [back: string, facts: number][] = [
    ["12 layers, hidden size 768, 12 heads, about 110M parameters — the same size as GPT.", 4],
    ["65,536 (K = 65536), far more than fit in one mini-batch.", 1], // a thousands comma does not cut
    ["C = 96, blocks per stage 2, 2, 6, 2, about 28M parameters.", 3], // a run of bare numbers is one fact
    ["The queue; the momentum encoder; the shuffled BN.", 0], // no numbers: no counted facts
    ["$f(x, y) = 2x + 3y$, with $x, y \\in [0, 1]$", 2], // commas in math do not cut
    ["Sizes:\n- 12 layers\n- 768 wide\n- 12 heads\n- 110M parameters", 4], // list items
    ["24 layers; 1024 wide. 16 heads, 340M parameters", 4],
  ];
  for (const [back, facts] of cases) {
    it(`counts ${facts} in ${JSON.stringify(back)}`, () => expect(countFacts(back)).toBe(facts));
  }
});

describe("cardFactWarnings", () => {
  it("warns about a back or a cloze with more than three facts, at the card's line, once per reverse card", () => {
    const body = `## Sizes

\`\`\`card
id: base-size
type: reverse
front: BERT-Base's size?
back: 12 layers, hidden size 768, 12 heads, about 110M parameters.
\`\`\`

\`\`\`card
id: three
type: basic
front: BERT-Large's depth, width and heads?
back: 24 layers, width 1024, 16 heads.
\`\`\`

\`\`\`card
id: cloze-four
type: cloze
text: "Prompts sit {{before}}, {{inside}} or {{after}} the encoder, the best being {{a Transformer}}."
\`\`\`
`;
    const text = noteText({}, body);
    const result = parseNote("content/moco.md", text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const warnings = cardFactWarnings([result.note]);
    expect(warnings.map((w) => [w.line, w.message.slice(0, 40)])).toEqual([
      [lineOf(text, "```card"), "card base-size: its answer lists 4 facts"],
      [lineOf(text, "```card", "id: three"), "card cloze-four: its answer lists 4 fact"],
    ]);
    expect(warnings.every((w) => w.file === "content/moco.md")).toBe(true);
  });
});
