import { describe, expect, it } from "vitest";
import { ankiClozeHtml, ankiHtml, clozeTextOf } from "@/app/lib/domain/anki/fields";
import { clozeBack, clozeFront } from "@/app/lib/domain/content/cloze";

describe("a card side as an Anki field", () => {
  it("turns key-term markers into bold text, never leaving == in the field", () => {
    const html = ankiHtml("The ==momentum encoder== is a slow copy of the ==query encoder==.");
    expect(html).toBe("The <b>momentum encoder</b> is a slow copy of the <b>query encoder</b>.");
    expect(html).not.toContain("==");
  });

  it("writes $…$ as \\(…\\) and $$…$$ as \\[…\\] for Anki's MathJax, escaping < and & as HTML", () => {
    expect(ankiHtml("a < b & $x^2 < y$\n$$y$$\tz")).toBe("a &lt; b &amp; \\(x^2 &lt; y\\) \\[y\\] z");
    expect(ankiHtml("Loss:\n\n$$\n\\mathcal{L} = -\\log p\n$$\n")).toBe("<p>Loss:</p> <p>\\[\\mathcal{L} = -\\log p\\]</p>");
    expect(ankiHtml("$$\\sum_i x_i$$")).toBe("\\[\\sum_i x_i\\]");
  });

  it("renders markdown (lists, emphasis, code) as HTML on one line, with a code block's lines kept", () => {
    expect(ankiHtml("- one **bold**\n- two `x < 1`")).toBe("<ul> <li>one <strong>bold</strong></li> <li>two <code>x &lt; 1</code></li> </ul>");
    expect(ankiHtml("```python\nprint(1)\nprint(2)\n```")).toBe("<pre><code>print(1)<br>print(2)</code></pre>");
    const multi = ankiHtml("First line\nsecond line\twith a tab");
    expect(multi).not.toMatch(/[\t\n]/);
  });

  it("shows a source marker as a small reference, not as [src: …] text", () => {
    expect(ankiHtml("Top-1 is 83.8% [src: Table 2].")).toBe("Top-1 is 83.8% <sup>[Table 2]</sup>.");
  });

  it("makes a link to a note absolute with the site's origin, and drops links Anki cannot follow", () => {
    const md = "See [MoCo](/papers/moco), [the paper](https://arxiv.org/abs/1911.05722) and [x](javascript:alert(1)).";
    expect(ankiHtml(md, { origin: "https://paperdeck.example" })).toBe(
      'See <a href="https://paperdeck.example/papers/moco">MoCo</a>, <a href="https://arxiv.org/abs/1911.05722">the paper</a> and x.',
    );
    expect(ankiHtml(md)).toBe('See MoCo, <a href="https://arxiv.org/abs/1911.05722">the paper</a> and x.');
  });

  it("drops raw HTML as the note page does", () => {
    expect(ankiHtml('Hi <script>alert(1)</script><img src=x onerror="y">')).not.toMatch(/<script|<img|onerror/);
  });
});

describe("a cloze card as an Anki cloze", () => {
  const cases = [
    "ActionCLIP's visual prompts add temporal modelling {{before}}, {{inside}} or {{after}} CLIP's image encoder.",
    "The ==queue== holds {{$K = 65536$}} keys and {{**negatives**}}{{b}}.",
    "{{a}} starts and ends with {{z}}",
  ];

  it("finds the cloze text again from the stored front ([...]) and back (==deletion==)", () => {
    for (const text of cases) expect(clozeTextOf(clozeFront(text), clozeBack(text))).toBe(text);
  });

  it("falls back to the back's ==marks== when the sides do not line up", () => {
    expect(clozeTextOf("something else", "The ==queue== size")).toBe("The {{queue}} size");
  });

  it("numbers every deletion c1, so our one card (all deletions hidden together) is one Anki card", () => {
    expect(ankiClozeHtml(cases[0]!)).toBe(
      "ActionCLIP's visual prompts add temporal modelling {{c1::before}}, {{c1::inside}} or {{c1::after}} CLIP's image encoder.",
    );
    expect(ankiClozeHtml(cases[1]!)).toBe("The <b>queue</b> holds {{c1::\\(K = 65536\\)}} keys and {{c1::<strong>negatives</strong>}}{{c1::b}}.");
  });

  it("keeps a :: inside a deletion from being read as the start of a hint", () => {
    expect(ankiClozeHtml("In C++ it is {{std::vector}}, in TeX {{$\\frac{1}{2}$}}.")).toBe(
      "In C++ it is {{c1::std:&#58;vector}}, in TeX {{c1::\\(\\frac{1}{2}\\)}}.",
    );
  });
});
