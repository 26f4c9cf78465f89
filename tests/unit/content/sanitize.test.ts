import { describe, expect, it } from "vitest";
import { loadCorpus, renderMarkdown, renderNote } from "@/app/lib/domain/content";
import { checkOwnNote } from "@/app/lib/domain/content/own-note";
import { SAFE_CLASS, SAFE_STYLE } from "@/app/lib/domain/content/sanitize";
import { readContentFiles } from "@/scripts/lib/content-files";

const context = { knownSlugs: new Set<string>(), ownPrerequisites: new Map<string, string[]>() };

/** Every way a rendered string could run script or escape its box. */
function assertInert(html: string) {
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<style|<img|<svg[^>]*onload|<form|<input|<base|<meta|<link/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(?:href|src|action|formaction|xlink:href)\s*=\s*"\s*(?:javascript|data|vbscript):/i);
  expect(html).not.toMatch(/style="[^"]*(?:position:\s*(?:fixed|absolute|sticky)|z-index|url\(|expression|@import)/i);
}

describe("the allow-list for users' own notes", () => {
  it("keeps every corpus note exactly as the unsanitised pipeline renders it (KaTeX, highlighting, key terms)", async () => {
    const corpus = loadCorpus(await readContentFiles());
    expect(corpus.notes.length).toBeGreaterThan(20);
    for (const note of corpus.notes) {
      expect(renderNote(note, { untrusted: true }), note.slug).toEqual(renderNote(note));
      for (const card of note.cards) expect(renderMarkdown(card.back, { untrusted: true })).toBe(renderMarkdown(card.back));
    }
  }, 60_000);

  it.each([
    ["raw script", "<script>window.__xss()</script>"],
    ["an image's error handler", '<img src=x onerror="window.__xss()">'],
    ["a javascript: link", "[click](javascript:window.__xss())"],
    ["an entity-encoded javascript: link", "[click](&#106;avascript:window.__xss())"],
    ["a data: link", "[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3MoKTwvc2NyaXB0Pg==)"],
    ["an autolink", "<javascript:window.__xss()>"],
    ["an iframe", '<iframe src="javascript:window.__xss()"></iframe>'],
    ["an svg onload", '<svg onload="window.__xss()"></svg>'],
    ["KaTeX's \\href", "$\\href{javascript:window.__xss()}{x}$"],
    ["KaTeX's \\htmlStyle", "$\\htmlStyle{position:fixed;inset:0;z-index:99}{x}$"],
    ["KaTeX's \\htmlClass", "$\\htmlClass{fixed inset-0 z-50}{x}$"],
    ["KaTeX's \\url", "$\\url{javascript:window.__xss()}$"],
    ["a style element", "<style>body{display:none}</style>"],
    ["a reference link", "[a][x]\n\n[x]: javascript:window.__xss()"],
    ["a fenced code language", "```js onload=window.__xss()\nx\n```"],
  ])("renders %s inert", (_name, markdown) => {
    assertInert(renderMarkdown(markdown, { untrusted: true }));
  });

  it("allows KaTeX's kind of inline style and refuses any other", () => {
    expect(SAFE_STYLE.test("height:0.6833em;vertical-align:-0.25em;")).toBe(true);
    expect(SAFE_STYLE.test("top:-3.063em;margin-right:0.05em;color:red")).toBe(true);
    expect(SAFE_STYLE.test("position:fixed;inset:0")).toBe(false);
    expect(SAFE_STYLE.test("position:relative;top:0em")).toBe(true);
    expect(SAFE_STYLE.test("margin-top:-99999px")).toBe(false);
    expect(SAFE_STYLE.test("background-image:url(javascript:x)")).toBe(false);
    expect(SAFE_STYLE.test("color:red;z-index:9")).toBe(false);
    expect(SAFE_CLASS.test("mord")).toBe(true);
    expect(SAFE_CLASS.test("hljs-keyword")).toBe(true);
    expect(SAFE_CLASS.test("fixed")).toBe(false);
    expect(SAFE_CLASS.test("inset-0")).toBe(false);
  });

  it("renders a whole hostile note inert: front matter, prose, cards, choices and explanations", () => {
    const payload = `<img src=x onerror=window.__xss()>[x](javascript:window.__xss())`;
    const text = `---
title: "${payload.replaceAll('"', "'")}"
short: evil
kind: concept
authors: []
area: concepts
tags: [xss]
prerequisites: []
summary: "<script>window.__xss()</script>"
---

## Heading [x](javascript:window.__xss())

[link](javascript:window.__xss()) [data](data:text/html,x) and $\\href{javascript:window.__xss()}{math}$ ==term==

\`\`\`card
id: c1
type: basic
front: "${payload.replaceAll('"', "'")}"
back: "<svg onload=window.__xss()>"
\`\`\`

\`\`\`quiz
id: q1
type: single
prompt: "<iframe src=javascript:window.__xss()>"
choices:
  - "<img src=x onerror=window.__xss()>"
  - "[y](data:text/html,<script>window.__xss()</script>)"
answer: 0
explanation: "<script>window.__xss()</script>"
\`\`\`
`;
    const check = checkOwnNote("my-evil", text, context);
    expect(check.errors).toEqual([]);
    const note = check.note!;
    for (const segment of renderNote(note, { untrusted: true }).segments) if (segment.kind === "html") assertInert(segment.html);
    for (const card of check.cards) {
      assertInert(renderMarkdown(card.front, { untrusted: true }));
      assertInert(renderMarkdown(card.back, { untrusted: true }));
    }
    for (const q of check.questions) {
      assertInert(renderMarkdown(q.prompt, { untrusted: true }));
      assertInert(renderMarkdown(q.explanation, { untrusted: true }));
      if ("choices" in q.payload) for (const choice of q.payload.choices) assertInert(renderMarkdown(choice, { untrusted: true }));
    }
  });
});
