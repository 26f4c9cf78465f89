import { describe, expect, it } from "vitest";
import { formatError, loadCorpus } from "@/app/lib/domain/content";
import { lineOf, noteText } from "./fixtures";

const FILE = "content/moco.md";

/** What `npm run content:check` prints for one file: `content/moco.md:<line>: <message>`. */
function check(source: string | Uint8Array): string[] {
  const file =
    typeof source === "string" ? { path: FILE, text: source } : { path: FILE, text: new TextDecoder().decode(source), bytes: source };
  return loadCorpus([file]).errors.map(formatError);
}

const BOMB = [
  "lol1: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
  "lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  "lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
  "lol4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
  "lol5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
  "lol6: [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
];

describe("content edge cases the database or the YAML reader would trip over", () => {
  it("a NUL character in a note is an error at its line, not a failed sync", () => {
    const text = noteText().replace("MoCo keeps its negatives", "MoCo keeps\u0000 its negatives");
    const line = lineOf(text, "MoCo keeps");
    expect(check(text)).toEqual([
      `${FILE}:${line}: NUL character (U+0000) at column 11: the database cannot store it, delete it`,
    ]);
  });

  it("a NUL character in a note read as bytes is reported the same way", () => {
    const text = noteText().replace("MoCo keeps its negatives", "MoCo keeps\u0000 its negatives");
    expect(check(new TextEncoder().encode(text))).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:${lineOf(text, "MoCo keeps")}: NUL character \\(U\\+0000\\)`)),
    ]);
  });

  it("a NUL character written as a YAML escape is an error at the line of its key", () => {
    const text = noteText({ short: "Mo\u0000Co" }); // JSON.stringify writes the escape \u0000
    expect(text).not.toContain("\u0000");
    expect(check(text)).toEqual([
      `${FILE}:${lineOf(text, "short:")}: NUL character (U+0000) in a YAML value (an escape such as \\0 or \\u0000): the database cannot store it, delete it`,
    ]);
  });

  it("invalid UTF-8 in a file is an error at the line of the first bad byte, not a silent U+FFFD", () => {
    const text = noteText();
    const line = lineOf(text, "MoCo keeps");
    const encoded = new TextEncoder().encode(text);
    const at = new TextEncoder().encode(text.slice(0, text.indexOf("MoCo keeps") + 5)).length;
    const bytes = new Uint8Array([...encoded.subarray(0, at), 0xff, ...encoded.subarray(at)]);
    expect(check(bytes)).toEqual([
      `${FILE}:${line}: invalid UTF-8 at byte 6 of the line (0xff): save the file as UTF-8`,
    ]);
  });

  it("a truncated multi-byte character is invalid UTF-8 too, and valid UTF-8 bytes load like text", () => {
    const text = noteText({ summary: "MoCo contrasts queries against a queue — of keys." });
    const encoded = new TextEncoder().encode(text);
    const dash = encoded.indexOf(0xe2); // the em dash is E2 80 94
    const truncated = new Uint8Array([...encoded.subarray(0, dash + 2), ...encoded.subarray(dash + 3)]);
    expect(check(truncated)).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:${lineOf(text, "summary:")}: invalid UTF-8 at byte \\d+ of the line \\(0xe2\\)`)),
    ]);
    expect(check(encoded)).toEqual([]);
    expect(loadCorpus([{ path: FILE, text, bytes: encoded }]).notes[0]?.meta.summary).toContain("—");
  });

  it("a YAML alias bomb in the front matter is an error at line 1, not an aborted check", () => {
    const text = noteText().replace("---\n", `---\n${BOMB.join("\n")}\n`);
    const errors = check(text);
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^${FILE}:1: YAML: too many aliases`)));
  });

  it("a YAML alias bomb in a card block is an error at the block's line, not an aborted check", () => {
    const text = noteText().replace("id: queue-size\n", `id: queue-size\n${BOMB.join("\n")}\n`);
    expect(check(text)).toEqual([`${FILE}:${lineOf(text, "```card")}: YAML: too many aliases (more than 100 *references to &anchors); write the values out instead`]);
  });

  it("a YAML alias bomb in a quiz block is an error at the block's line", () => {
    const body = `## Idea\n\nSome prose about MoCo and its queue of keys here.\n\n\`\`\`quiz\nid: bomb\n${BOMB.join("\n")}\n\`\`\`\n`;
    const text = noteText({}, body);
    expect(check(text)).toEqual([expect.stringMatching(new RegExp(`^${FILE}:${lineOf(text, "```quiz")}: YAML: too many aliases`))]);
  });
});
