import { describe, expect, it } from "vitest";
import { markCopyTitle, NoteCopyError } from "@/app/lib/domain/content/note-copy";

const note = (title: string) => `---\ntitle: ${title}\nshort: X\n---\n\n## Idea\n\nText.\n`;

describe("markCopyTitle", () => {
  it("rewrites the title line only, keeping every other line where it was", () => {
    const out = markCopyTitle(note('"A: B"'), (t) => `${t} (my copy)`);
    expect(out).toBe(note('"A: B (my copy)"'));
  });

  it("writes a title with quotes and backslashes as valid YAML", () => {
    const out = markCopyTitle(note("'It''s \\ \"x\"'"), (t) => `${t} (copy)`);
    expect(out.split("\n")[1]).toBe(`title: ${JSON.stringify('It\'s \\ "x" (copy)')}`);
  });

  it("refuses a source without front matter or with a folded title", () => {
    expect(() => markCopyTitle("## no front matter", (t) => t)).toThrow(NoteCopyError);
    expect(() => markCopyTitle("---\ntitle: >\n  folded\n---\n", (t) => t)).toThrow(NoteCopyError);
    expect(() => markCopyTitle("---\nshort: x\n---\n", (t) => t)).toThrow(NoteCopyError);
  });
});
