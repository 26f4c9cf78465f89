import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "@/app/lib/domain/content";
import { headWord, ideaPhrase } from "@/app/lib/domain/content/idea-phrase";

describe("an idea after \"Which paper introduced\"", () => {
  it.each([
    ["momentum encoder", "the momentum encoder"],
    ["queue of negative keys", "the queue of negative keys"],
    ["Hungarian matching loss for detection", "the Hungarian matching loss for detection"],
    ["Vision Transformer", "the Vision Transformer"],
    ["asymmetric encoder-decoder that skips mask tokens in the encoder", "the asymmetric encoder-decoder that skips mask tokens in the encoder"],
    ["object queries", "object queries"],
    ["patch merging", "patch merging"],
    ["next sentence prediction", "next sentence prediction"],
    ["zero-shot task transfer by prompting", "zero-shot task transfer by prompting"],
    ["shuffling BN", "shuffling BN"],
    ["CLIP as a drop-in visual encoder for vision-and-language models", "CLIP as a drop-in visual encoder for vision-and-language models"],
    ["the term in-context learning", "the term in-context learning"],
    ["a second idea", "a second idea"],
  ])("%s reads as %s", (idea, phrase) => {
    expect(ideaPhrase(idea)).toBe(phrase);
  });

  it("reads the head noun before the first qualifier", () => {
    expect(headWord("queue of negative keys")).toBe("queue");
    expect(headWord("n@k metric with limited submissions")).toBe("metric");
    expect(headWord("momentum encoder")).toBe("encoder");
  });
});

/** Nouns that name one countable thing: never bare after "introduced" (the reported "introduced momentum encoder"). */
const COUNT_NOUNS =
  /^(?:encoder|decoder|encoder-decoder|model|loss|corpus|benchmark|dataset|token|tokenizer|queue|tensor|adapter|architecture|block|backbone|protocol|paradigm|metric|estimator|transformer|taxonomy|stream|objective|classifier|autoencoder|head|network|layer|module|temperature)$/i;

describe("the derived which-paper questions of the real corpus", { timeout: 60_000 }, () => {
  const dir = path.resolve(import.meta.dirname, "../../../content");
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => ({ path: `content/${name}`, text: readFileSync(path.join(dir, name), "utf8") }));
  const corpus = loadCorpus(files);
  const prompts = corpus.derived.questions.filter((q) => q.id.startsWith("d-introduced-")).map((q) => q.prompt);

  it("asks them all", () => {
    expect(corpus.errors).toEqual([]);
    expect(prompts.length).toBeGreaterThan(50);
  });

  it("never puts a bare singular noun after \"introduced\"", () => {
    const bare = prompts.filter((prompt) => {
      const idea = /^Which paper introduced (.*)\?$/.exec(prompt)?.[1] ?? "";
      if (/^(?:the|a|an) /.test(idea)) return false;
      const head = headWord(idea).split("-").pop() ?? "";
      return COUNT_NOUNS.test(head) || COUNT_NOUNS.test(headWord(idea));
    });
    expect(bare).toEqual([]);
    expect(prompts).toContain("Which paper introduced the momentum encoder?");
  });
});
