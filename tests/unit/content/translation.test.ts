import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatError, loadCorpus, renderNote } from "@/app/lib/domain/content";
import { sentenceBounds, wordCount } from "@/app/lib/domain/content/markdown";
import type { Corpus, LocalizedNote, SourceFile } from "@/app/lib/domain/content";
import { readContentFiles, readTranslationFiles } from "@/scripts/lib/content-files";
import { lineOf, noteText, paperFile } from "./fixtures";

const EN_BODY = `
## Idea

MoCo keeps its negatives in a ==queue== of keys that is refreshed every step.

\`\`\`card
id: queue-size
type: basic
front: How many keys does MoCo keep?
back: 65536
\`\`\`

### Details

The key encoder is a ==momentum encoder== updated as a moving average [src: §3.2].

\`\`\`card
id: momentum
type: cloze
text: "MoCo uses m = {{0.999}} for the {{key encoder}}."
\`\`\`

\`\`\`quiz
id: momentum-value
type: numeric
prompt: What momentum does MoCo use?
answer: 0.999
tolerance: 0.0001
unit: per step
explanation: Slow updates keep the keys consistent.
cards: [momentum]
\`\`\`

\`\`\`quiz
id: queue-pick
type: single
prompt: Which keys leave the queue?
choices: [the oldest keys, the newest keys, random keys]
answer: 0
explanation: The queue is first in, first out.
\`\`\`

\`\`\`quiz
id: steps
type: ordering
prompt: Order the steps of one batch.
items: [encode queries, encode keys, compute the loss, enqueue the keys]
before: [[0, 2], [1, 2], [2, 3]]
explanation: Both encodings feed the loss.
\`\`\`

\`\`\`quiz
id: encoder-name
type: short
prompt: What is the slowly updated encoder called?
answer: momentum encoder
alternatives: [key encoder]
explanation: It follows the query encoder as a moving average.
\`\`\`

\`\`\`widget
name: momentum-encoder
caption: Drag m and watch the key encoder.
\`\`\`
`;

const ZH = `---
title: 动量对比
summary: MoCo 把查询与动量编码器产生的键队列相对比。
introduces: [动量编码器 (momentum encoder)]
---

## 核心思想

MoCo 把负样本存放在一个由键组成的==队列 (queue)==里，每一步都会刷新。

\`\`\`card
id: queue-size
type: basic
front: MoCo 保存多少个键？
back: 65536
\`\`\`

### 细节

键编码器是一个按滑动平均更新的==动量编码器 (momentum encoder)== [src: §3.2]。

\`\`\`card
id: momentum
type: cloze
text: "MoCo 为{{键编码器}}取 m = {{0.999}}。"
\`\`\`

\`\`\`quiz
id: momentum-value
type: numeric
prompt: MoCo 用的动量是多少？
answer: 0.999
tolerance: 0.0001
unit: 每步
explanation: 缓慢的更新让键保持一致。
cards: [momentum]
\`\`\`

\`\`\`quiz
id: queue-pick
type: single
prompt: 哪些键会离开队列？
choices: [最旧的键, 最新的键, 随机的键]
answer: 0
explanation: 队列先进先出。
\`\`\`

\`\`\`quiz
id: steps
type: ordering
prompt: 给一个批次的步骤排序。
items: [编码查询, 编码键, 计算损失, 键入队]
before: [[0, 2], [1, 2], [2, 3]]
explanation: 两次编码都是损失的输入。
\`\`\`

\`\`\`quiz
id: encoder-name
type: short
prompt: 那个缓慢更新的编码器叫什么？
answer: 动量编码器
alternatives: [momentum encoder, 键编码器]
explanation: 它以滑动平均的方式追随查询编码器。
\`\`\`

\`\`\`widget
name: momentum-encoder
caption: 拖动 m，观察键编码器。
\`\`\`
`;

const ZH_FILE = "content/zh/moco.md";
const english = (): SourceFile => ({ path: "content/moco.md", text: noteText({}, EN_BODY) });
const chinese = (text = ZH): SourceFile => ({ path: ZH_FILE, text });

function load(zh = ZH): Corpus {
  return loadCorpus([english()], [chinese(zh)]);
}

function localized(zh = ZH): LocalizedNote {
  const corpus = load(zh);
  expect(corpus.errors.map(formatError)).toEqual([]);
  const note = corpus.translations[0];
  if (!note) throw new Error("no localized note");
  return note;
}

/** The error expected in the Chinese file, at the line of `needle` (1 for a number). */
function expectZhError(zh: string, needle: string | number, fragment: string) {
  const errors = load(zh).errors;
  const match = errors.find((e) => e.message.includes(fragment));
  expect(match, `no error with "${fragment}" in:\n${errors.map(formatError).join("\n")}`).toBeDefined();
  expect(match?.file).toBe(ZH_FILE);
  expect(match?.line).toBe(typeof needle === "number" ? needle : lineOf(zh, needle));
}

describe("a Chinese edition that matches its English note", () => {
  it("gives the Chinese words of every authored card and question under the English ids", () => {
    const note = localized();
    expect(note.title).toBe("动量对比");
    expect(note.cards["queue-size"]).toMatchObject({ front: "MoCo 保存多少个键？", back: "65536" });
    expect(note.cards.momentum?.cloze?.deletions).toEqual(["键编码器", "0.999"]);
    expect(note.questions["momentum-value"]).toMatchObject({ prompt: "MoCo 用的动量是多少？", payload: { type: "numeric", unit: "每步" }, answer: null });
    expect(note.questions["queue-pick"]?.payload).toEqual({ type: "single", choices: ["最旧的键", "最新的键", "随机的键"] });
    expect(note.questions["encoder-name"]?.answer).toEqual({ value: "动量编码器", alternatives: ["momentum encoder", "键编码器"] });
    expect(note.widgets.map((w) => w.caption)).toEqual(["拖动 m，观察键编码器。"]);
  });

  it("shuffles an ordering question's Chinese items exactly as the English ones were shuffled", () => {
    const corpus = load();
    const en = corpus.notes[0]?.questions.find((q) => q.id === "steps");
    const zh = corpus.translations[0]?.questions.steps;
    if (en?.payload.type !== "ordering" || zh?.payload.type !== "ordering") throw new Error("no ordering question");
    const englishItems = ["encode queries", "encode keys", "compute the loss", "enqueue the keys"];
    const chineseItems = ["编码查询", "编码键", "计算损失", "键入队"];
    expect(zh.payload.items).toEqual(en.payload.items.map((item) => chineseItems[englishItems.indexOf(item)]));
  });

  it("gives Chinese headings their own anchors and maps every item's anchor to its Chinese heading", () => {
    const note = localized();
    expect(note.headings.map((h) => h.slug)).toEqual(["核心思想", "细节"]);
    expect(note.anchors).toEqual({ idea: "核心思想", details: "细节" });
    expect(note.cards["queue-size"]?.anchor).toBe("核心思想");
    expect(note.questions["momentum-value"]?.anchor).toBe("细节");
    expect(note.cards["d-cloze-momentum-encoder"]?.source).toEqual({ text: "§3.2", anchor: "细节" });
    const toc = renderNote(note).toc;
    expect(toc.map((t) => [t.depth, t.id, t.text])).toEqual([
      [2, "核心思想", "核心思想"],
      [3, "细节", "细节"],
    ]);
  });

  it("renders the Chinese body with every block in its place", () => {
    const note = localized();
    const segments = renderNote(note).segments.filter((s) => s.kind !== "html");
    expect(segments).toEqual([
      { kind: "card", key: "moco/queue-size" },
      { kind: "card", key: "moco/momentum" },
      { kind: "quiz", key: "moco/momentum-value" },
      { kind: "quiz", key: "moco/queue-pick" },
      { kind: "quiz", key: "moco/steps" },
      { kind: "quiz", key: "moco/encoder-name" },
      { kind: "widget", name: "momentum-encoder", caption: "拖动 m，观察键编码器。" },
    ]);
  });

  it("derives the cloze cards from the n-th Chinese key term under the n-th English term's id", () => {
    const note = localized();
    expect(note.cards["d-cloze-queue"]).toMatchObject({
      front: "MoCo 把负样本存放在一个由键组成的[...]里，每一步都会刷新。",
      cloze: { deletions: ["队列 (queue)"] },
      anchor: "核心思想",
    });
    expect(note.cards["d-cloze-momentum-encoder"]?.back).toBe("键编码器是一个按滑动平均更新的==动量编码器 (momentum encoder)==。");
  });

  it("derives which-paper, year and venue questions in Chinese with the English choices", () => {
    const zhB = `---\ntitle: 名为 b 的论文\nsummary: 这篇论文提出了 b 模块，如今人人都在用。\nintroduces: [b 的思想, b 的第二个思想]\n---\n\n## 思想\n\n这篇论文定义了一个如今人人都在用的==b 模块==。\n`;
    const corpus = loadCorpus([english(), paperFile("b")], [chinese(), { path: "content/zh/b.md", text: zhB }]);
    expect(corpus.errors.map(formatError)).toEqual([]);
    const en = new Map(corpus.derived.questions.map((q) => [q.key, q]));
    const zh = corpus.translations.find((t) => t.slug === "moco")?.questions ?? {};
    expect(zh["d-introduced-1"]).toMatchObject({ prompt: "哪篇论文提出了动量编码器 (momentum encoder)？", payload: en.get("moco/d-introduced-1")?.payload });
    expect(zh["d-introduced-1"]?.explanation).toBe(
      "MoCo（*动量对比*，CVPR 2020）提出了动量编码器 (momentum encoder)。MoCo 把查询与动量编码器产生的键队列相对比。",
    );
    expect(zh["d-year"]).toMatchObject({ prompt: "MoCo（*动量对比*）发表于哪一年？", explanation: "MoCo 发表于 2020 年（CVPR 2020）。" });
    expect(zh["d-venue"]).toMatchObject({ prompt: "MoCo（*动量对比*）发表在哪里？", payload: en.get("moco/d-venue")?.payload });
    const b = corpus.translations.find((t) => t.slug === "b")?.questions ?? {};
    const englishB = corpus.derived.questions.filter((q) => q.noteSlug === "b").map((q) => q.id);
    expect(Object.keys(b).sort()).toEqual(englishB.sort());
  });

  it("keeps the English items and their hashes whatever the Chinese edition says", () => {
    const alone = loadCorpus([english()]);
    const both = load(ZH.replace("MoCo 保存多少个键？", "MoCo 一共保存多少个键？"));
    expect(both.errors).toEqual([]);
    expect(both.notes).toEqual(alone.notes);
    expect(both.derived).toEqual(alone.derived);
    expect(both.translations[0]?.cards["queue-size"]?.front).toBe("MoCo 一共保存多少个键？");
  });
});

describe("content:check's comparison of the editions, at lines of the Chinese file", () => {
  it("reports a note without its Chinese edition, and an edition without its note", () => {
    const errors = loadCorpus([english()], [{ path: "content/zh/mocco.md", text: ZH }]).errors.map(formatError);
    expect(errors).toContain("content/moco.md:1: no Chinese edition: write content/zh/moco.md (docs/translation.md)");
    expect(errors).toContain(
      "content/zh/mocco.md:1: there is no English note mocco.md for this Chinese edition: the file name is the English note's",
    );
  });

  it("compares nothing for an English-only corpus (no translations given)", () => {
    expect(loadCorpus([english()]).errors).toEqual([]);
  });

  it("refuses front matter keys other than title, summary and introduces, each at its line", () => {
    const zh = ZH.replace("title: 动量对比\n", "title: 动量对比\nyear: 2020\nshrot: MoCo\n");
    expectZhError(zh, "year: 2020", "`year` comes from the English note");
    expectZhError(zh, "shrot: MoCo", "unknown key `shrot`");
  });

  it("needs as many introduces as the English note", () => {
    expectZhError(ZH.replace("introduces: [动量编码器 (momentum encoder)]", "introduces: [动量编码器, 队列]"), "introduces:", "introduces lists 2 idea(s), the English note 1");
  });

  it("reports an id in one language and not the other", () => {
    const renamed = ZH.replace("id: queue-pick", "id: queue-choice");
    expectZhError(renamed, "id: queue-choice", "there is no card or question `queue-choice` in the English note");
    expectZhError(renamed, "### 细节", "question `queue-pick` of the English note (content/moco.md:");
  });

  it("reports a numeric answer or tolerance that differs", () => {
    expectZhError(ZH.replace("answer: 0.999", "answer: 0.99"), "answer: 0.99", "answer 0.99 here, 0.999 in the English note");
    expectZhError(ZH.replace("tolerance: 0.0001", "tolerance: 0.001"), "tolerance: 0.001", "tolerance 0.001 here, 0.0001");
  });

  it("reports a choice list or an item list of another length, and another answer index", () => {
    expectZhError(ZH.replace("choices: [最旧的键, 最新的键, 随机的键]", "choices: [最旧的键, 最新的键]"), "choices:", "2 choices here, 3 in the English note");
    expectZhError(ZH.replace("choices: [最旧的键, 最新的键, 随机的键]\nanswer: 0", "choices: [最旧的键, 最新的键, 随机的键]\nanswer: 1"), "answer: 1", "answer 1 here, 0");
    expectZhError(ZH.replace("items: [编码查询, 编码键, 计算损失, 键入队]\nbefore: [[0, 2], [1, 2], [2, 3]]", "items: [编码查询, 编码键, 计算损失]\nbefore: [[0, 2], [1, 2]]"), "items:", "3 items here, 4 in the English note");
  });

  it("reports another partial order or another list of linked cards", () => {
    expectZhError(ZH.replace("before: [[0, 2], [1, 2], [2, 3]]", "before: [[0, 1], [1, 2], [2, 3]]"), "before:", "before [[0,1],[1,2],[2,3]] here");
    expectZhError(ZH.replace("cards: [momentum]", "cards: [queue-size]"), "cards: [queue-size]", "cards [queue-size] here, [momentum]");
  });

  it("reports a different number of cloze deletions, or a number changed inside one", () => {
    expectZhError(ZH.replace("{{键编码器}}", "键编码器"), 'text: "MoCo 为键编码器', "1 cloze deletion(s) here, 2 in the English note");
    expectZhError(ZH.replace("{{0.999}}", "{{0.99}}"), "text: ", "the deletions hide 0.99 here, 0.999 in the English note");
  });

  it("reports a short answer whose English answer is not among the Chinese answer and alternatives", () => {
    expectZhError(ZH.replace("alternatives: [momentum encoder, 键编码器]", "alternatives: [键编码器]"), "alternatives: [键编码器]", 'the English answer "momentum encoder" must be among');
    // Matched as a learner's answer would be: case and spacing do not matter.
    expect(load(ZH.replace("alternatives: [momentum encoder, 键编码器]", "alternatives: [Momentum-Encoder, 键编码器]")).errors).toEqual([]);
  });

  it("reports another number of key terms", () => {
    expectZhError(ZH.replace("==队列 (queue)==", "队列 (queue)"), "==动量编码器", "the English note marks 2 ==key term(s)==, this edition 1");
  });

  it("reports headings of another count or level", () => {
    expectZhError(ZH.replace("### 细节", "## 细节"), "## 细节", "heading 2 is \"### Details\" in English");
    expectZhError(ZH.replace("### 细节\n", ""), "## 核心思想", "headings differ from the English note's (2 there: 23; 1 here: 2)");
  });

  it("reports a block moved to another section", () => {
    const moved = ZH.replace("```card\nid: queue-size\ntype: basic\nfront: MoCo 保存多少个键？\nback: 65536\n```\n", "").replace(
      "```card\nid: momentum\n",
      "```card\nid: queue-size\ntype: basic\nfront: MoCo 保存多少个键？\nback: 65536\n```\n\n```card\nid: momentum\n",
    );
    expectZhError(moved, lineOf(moved, "id: queue-size") - 1, "card `queue-size` is under \"细节\" here but under \"Idea\" in English");
  });

  it("reports a widget without its caption, and source markers that differ", () => {
    const uncaptioned = ZH.replace("caption: 拖动 m，观察键编码器。\n", "");
    expectZhError(uncaptioned, lineOf(uncaptioned, "name: momentum-encoder") - 1, "needs its caption translated");
    expectZhError(ZH.replace("[src: §3.2]", "[src: 第 3.2 节]"), "[src: 第 3.2 节]", "[src: 第 3.2 节] is not in the English note");
  });

  it("reports an edition with no Chinese text", () => {
    const english = noteText({}, EN_BODY).split("---\n").slice(2).join("---\n");
    const zh = `---\ntitle: MoCo\nsummary: MoCo in English again, by mistake.\nintroduces: [momentum encoder]\n---\n${english}`;
    expectZhError(zh, 1, "no Chinese text");
  });

  it("parses the Chinese body by the same rules: a broken block is an error at its line", () => {
    expectZhError(ZH.replace("choices: [最旧的键, 最新的键, 随机的键]", "choices: [最旧的键, 最旧的键, 随机的键]"), "choices:", "choices lists 最旧的键 twice");
  });
});

describe("Chinese sentences and key terms", () => {
  it("ends a sentence at 。！？ with or without a space after, keeping a closing quote", () => {
    const text = "第一句。第二句！ 第三句？”第四句";
    const sentences = sentenceBounds(text).map(([s, e]) => text.slice(s, e));
    expect(sentences).toEqual(["第一句。", "第二句！", "第三句？”", "第四句"]);
    // English rules unchanged: no end after an abbreviation or before a lowercase word.
    const english = "See Fig. 3 for details. it goes on. The end";
    expect(sentenceBounds(english).map(([s, e]) => english.slice(s, e))).toEqual(["See Fig. 3 for details. it goes on.", "The end"]);
  });

  it("counts two CJK characters as a word and latin words as before", () => {
    expect(wordCount("取而代之，键编码器是一个")).toBe(5);
    expect(wordCount("MoCo 在 8 块 GPU 上训练")).toBe(5); // MoCo, 8, GPU + 4 characters
    expect(wordCount("a queue of keys")).toBe(4);
  });

  it("allows one key term per Chinese sentence and refuses two, or one in too short a sentence", () => {
    const two = ZH.replace(
      "键编码器是一个按滑动平均更新的==动量编码器 (momentum encoder)== [src: §3.2]。",
      "键编码器按滑动平均更新 [src: §3.2]。它是一个==动量编码器 (momentum encoder)==，追随查询编码器。",
    );
    expect(load(two).errors.map(formatError)).toEqual([]);
    const shared = ZH.replace("里，每一步都会刷新。", "里，每一步都会由==动量编码器 (momentum encoder)==刷新。").replace(
      "更新的==动量编码器 (momentum encoder)== [src: §3.2]",
      "更新的编码器 [src: §3.2]",
    );
    expectZhError(shared, "==队列 (queue)==", "only one ==key term== per sentence");
    const short = ZH.replace("MoCo 把负样本存放在一个由键组成的==队列 (queue)==里，每一步都会刷新。", "存入==队列 (queue)==里。");
    expectZhError(short, "==队列 (queue)==", "too short to make a cloze card");
  });
});

describe("reading content/zh/", () => {
  it("reads the Chinese editions of a bilingual folder, and none of a folder without zh/", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "paperdeck-zh-"));
    try {
      await writeFile(path.join(dir, "moco.md"), english().text);
      expect(await readTranslationFiles(dir)).toBeUndefined();
      await mkdir(path.join(dir, "zh"));
      expect(await readTranslationFiles(dir)).toEqual([]);
      await writeFile(path.join(dir, "zh", "moco.md"), ZH);
      const translations = await readTranslationFiles(dir);
      expect(translations?.map((f) => path.basename(f.path))).toEqual(["moco.md"]);
      expect(loadCorpus(await readContentFiles(dir), translations).errors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
