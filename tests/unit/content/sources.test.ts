import { describe, expect, it } from "vitest";
import { formatError, loadCorpus, parseNote, renderMarkdown, renderNote, type Corpus, type ParsedNote } from "@/app/lib/domain/content";
import { leadingNumber, numbersIn } from "@/app/lib/domain/content/sources";
import { lineOf, noteText } from "./fixtures";

const FILE = "content/moco.md";

function parsed(text: string): ParsedNote {
  const result = parseNote(FILE, text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.line}: ${e.message}`).join("\n"));
  return result.note;
}

const htmlOf = (body: string) =>
  renderNote(parsed(noteText({}, body)))
    .segments.map((s) => (s.kind === "html" ? s.html : ""))
    .join("\n");

/** What `npm run content:check` prints for one note. */
const check = (text: string) => loadCorpus([{ path: FILE, text }]).errors.map(formatError);

const corpusOf = (body: string): Corpus => loadCorpus([{ path: FILE, text: noteText({}, body) }]);

describe("[src: …] markers on the page", () => {
  it("render as a small superscript showing the marker, announced as 'Source: …'", () => {
    const html = htmlOf("## Setup\n\nMoCo keeps K = 65,536 keys [src: §3.3, Table 1] in its queue.\n");
    expect(html).toContain(
      'keys <sup class="source-ref"><span class="source-label">Source: </span>§3.3, Table 1</sup> in its queue.',
    );
    expect(html).not.toContain("[src:");
  });

  it("render in table cells, with formatting inside, but not in code or maths", () => {
    const html = htmlOf(
      "## Numbers\n\n| setting | value |\n|---|---|\n| queue | 65,536 [src: Table *1*] |\n\nCode `[src: x]` and $[src: y]$ stay as they are.\n",
    );
    expect(html).toContain('65,536 <sup class="source-ref"><span class="source-label">Source: </span>Table <em>1</em></sup>');
    expect(html).toContain("<code>[src: x]</code>");
    expect(html.match(/class="source-ref"/g)).toHaveLength(1);
  });

  it("render in card sides, prompts and explanations too", () => {
    expect(renderMarkdown("65,536 [src: Table 1]")).toContain('<sup class="source-ref">');
  });

  it("keep a marker written after a one-line display equation beside it, out of the maths", () => {
    const html = htmlOf("## Loss\n\n$$ L = -\\log p $$ [src: Eq. 1]\n");
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<p class="equation-source"><sup class="source-ref"><span class="source-label">Source: </span>Eq. 1</sup></p>');
  });
});

describe("[src: …] markers the checker refuses", () => {
  it("reports a marker never closed at its own line, also on the second line of a paragraph", () => {
    const text = noteText({}, "## A\n\nMoCo keeps K = 65,536 keys in its queue,\nas its ablation shows [src: Table 1.\n");
    expect(check(text)).toEqual([`${FILE}:${lineOf(text, "as its ablation")}: a [src: …] marker is never closed: end it with ]`]);
  });

  it("reports an empty marker and a marker in a heading", () => {
    const text = noteText({}, "## Results [src: Table 2]\n\nMoCo reached 60.6% [src: ] top-1.\n");
    expect(check(text)).toEqual([
      `${FILE}:${lineOf(text, "## Results")}: a [src: …] marker cannot go in a heading (its text is the section's link): put it in the sentence or row below`,
      `${FILE}:${lineOf(text, "MoCo reached")}: empty [src: ] marker: name the table, figure, section (§), equation (Eq.) or appendix`,
    ]);
  });

  it("reports a marker opened but not closed in a table cell, and one in a card at the line of its key", () => {
    const body = "## A\n\n| a | b |\n|---|---|\n| queue | 65,536 [src: Table 1 |\n\n```card\nid: q\ntype: basic\nfront: How many keys?\nback: \"65,536 [src: Table 1\"\n```\n";
    const text = noteText({}, body);
    expect(check(text)).toEqual([
      `${FILE}:${lineOf(text, "| queue")}: a [src: …] marker is never closed: end it with ]`,
      `${FILE}:${lineOf(text, "back:")}: a [src: …] marker is never closed: end it with ]`,
    ]);
  });
});

describe("derived cloze cards from sentences with markers", () => {
  const plain = "## Idea\n\nMoCo keeps its negatives in a ==queue== of 65,536 keys, refreshed every step.\n";
  const marked = "## Idea\n\nMoCo keeps its negatives in a ==queue== of 65,536 keys [src: §3.3, Table 1], refreshed every step.\n";
  const clozeOf = (corpus: Corpus) => corpus.derived.cards.find((c) => c.id === "d-cloze-queue");

  it("leave the marker out of the card, so adding one changes neither its text nor its hash", () => {
    const before = clozeOf(corpusOf(plain));
    const after = clozeOf(corpusOf(marked));
    expect(after?.cloze?.text).toBe("MoCo keeps its negatives in a {{queue}} of 65,536 keys, refreshed every step.");
    expect(after?.hash).toBe(before?.hash);
  });

  it("take the sentence's marker as their source", () => {
    expect(clozeOf(corpusOf(marked))?.source).toEqual({ text: "§3.3, Table 1", anchor: "idea" });
    expect(clozeOf(corpusOf(plain))?.source).toBeUndefined();
  });

  it("split sentences as before: a period inside a marker ends nothing", () => {
    const note = parsed(noteText({}, "## Idea\n\nMoCo keeps a ==queue== of keys [src: Fig. 2. Left] in memory. It is large.\n"));
    expect(note.keyTerms[0]?.sentence).toBe("MoCo keeps a ==queue== of keys in memory.");
    expect(note.keyTerms[0]?.sources).toEqual(["Fig. 2. Left"]);
  });
});

describe("the Key numbers rule", () => {
  const body = `## Idea

No source needed for 65,536 outside the section.

## Key numbers

| setting | value |
|---|---|
| queue size K | 65,536 [src: §3.3] |
| momentum m | 0.999 |
| encoder | ResNet |

MoCo trains for 200 epochs [src: §4.1].

MoCo beats its supervised baseline.

- linear probe: 60.6% top-1
- wider network: 68.6% [src: Table 1]

### Detection

Transfer to VOC gains 0.9 AP.

## Discussion

Another 42 here is fine.
`;

  it("reports every table body row, and every paragraph or list item with a digit, that has no marker", () => {
    const text = noteText({}, body);
    const error = (needle: string) => `${FILE}:${lineOf(text, needle)}: Key numbers line without a source ([src: …])`;
    expect(check(text)).toEqual([error("| momentum m"), error("| encoder"), error("- linear probe"), error("Transfer to VOC")]);
  });

  it("counts the lines that need a source and those that have one", () => {
    const note = parsed(noteText({}, body));
    expect(note.keyNumberLines.map((l) => l.sourced)).toEqual([true, false, false, true, false, true, false]);
  });

  it("applies to a section whose heading starts with 'Key numbers'", () => {
    const text = noteText({}, "## Key numbers from the paper\n\nMoCo uses 65,536 keys.\n");
    expect(check(text)).toEqual([`${FILE}:${lineOf(text, "MoCo uses")}: Key numbers line without a source ([src: …])`]);
  });
});

describe("sources of answers that are numbers", () => {
  const body = `## Method

MoCo updates the key encoder with momentum m = 0.999 [src: §3.2, Eq. 2]. The queue is refreshed every step.

## Key numbers

| setting | value |
|---|---|
| queue size K | 65,536 [src: §3.3, Table 1] |
| linear probe, ResNet-50 | 60.6% top-1 [src: Table 1] |

\`\`\`card
id: queue-size
type: basic
front: How many negative keys does MoCo keep in its queue by default?
back: 65536 (K = 65,536), far more than fit in one mini-batch.
\`\`\`

\`\`\`card
id: linear
type: basic
front: What linear-probe top-1 did MoCo's ResNet-50 reach?
back: "**60.6%** on ImageNet."
\`\`\`

\`\`\`card
id: words
type: basic
front: What does the key encoder get instead of gradients?
back: A momentum update of the query encoder's weights.
\`\`\`

\`\`\`card
id: unrelated
type: basic
front: How many GPUs did the run use?
back: 65,536 would be absurd; 8.
\`\`\`

\`\`\`quiz
id: momentum
type: numeric
prompt: What momentum coefficient does MoCo's key encoder use?
answer: 0.999
tolerance: 0
explanation: A slowly moving key encoder keeps the queue consistent.
\`\`\`
`;

  it("link a card whose back starts with the number to the marked row stating it, written either way", () => {
    const corpus = corpusOf(body);
    expect(corpus.errors).toEqual([]);
    const card = (id: string) => corpus.notes[0]?.cards.find((c) => c.id === id);
    expect(card("queue-size")?.source).toEqual({ text: "§3.3, Table 1", anchor: "key-numbers" });
    expect(card("linear")?.source).toEqual({ text: "Table 1", anchor: "key-numbers" });
  });

  it("link a numeric question to the marked sentence stating its answer", () => {
    const question = corpusOf(body).notes[0]?.questions.find((q) => q.id === "momentum");
    expect(question?.source).toEqual({ text: "§3.2, Eq. 2", anchor: "method" });
  });

  it("link nothing when the answer is not a number, or no marked passage shares a word with the item", () => {
    const cards = corpusOf(body).notes[0]?.cards ?? [];
    expect(cards.find((c) => c.id === "words")?.source).toBeUndefined();
    expect(cards.find((c) => c.id === "unrelated")?.source).toBeUndefined();
  });

  it("leave every item's hash as it is without markers", () => {
    const unmarked = corpusOf(body.replace(/ \[src: [^\]]*\]/g, ""));
    const marked = corpusOf(body);
    const hashes = (corpus: Corpus) => (corpus.notes[0] ? [...corpus.notes[0].cards, ...corpus.notes[0].questions] : []).map((i) => [i.key, i.hash]);
    expect(hashes(marked)).toEqual(hashes(unmarked));
    expect(hashes(marked)).toHaveLength(5);
  });
});

describe("numbers as prose writes them", () => {
  it("reads thousands separators, decimals and percentages as one canonical value", () => {
    expect(numbersIn("K = 65,536 (65536 keys), 60.6% top-1, m = 0.9990")).toEqual(["65536", "60.6", "0.999"]);
  });

  it("ignores the digits of names such as ResNet-50, GPT3 and v1.5", () => {
    expect(numbersIn("ResNet-50 and GPT3 in v1.5")).toEqual([]);
  });

  it("finds the number an answer starts with, past emphasis and 'about'", () => {
    expect(leadingNumber("**60.6%** top-1")).toBe("60.6");
    expect(leadingNumber("about 110M parameters")).toBe("110");
    expect(leadingNumber("ResNet-50, 200 epochs")).toBeUndefined();
  });
});
