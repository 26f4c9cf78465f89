import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CONTENT_DIR, TRANSLATION_DIR } from "../../lib/content-files";

/**
 * 1,000 notes made from the real ones: note k of copy c is `<slug>-c<c>`, prerequisites renamed
 * alike, each with its Chinese edition under zh/ (links renamed the same way).
 */
export async function generateCorpus(target: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paperdeck-corpus-"));
  await mkdir(path.join(dir, TRANSLATION_DIR));
  const names = (await readdir(CONTENT_DIR)).filter((n) => n.endsWith(".md")).sort();
  const texts = await Promise.all(names.map((n) => readFile(path.join(CONTENT_DIR, n), "utf8")));
  const zhTexts = await Promise.all(names.map((n) => readFile(path.join(CONTENT_DIR, TRANSLATION_DIR, n), "utf8")));
  const slugs = names.map((n) => n.replace(/\.md$/, ""));
  let written = 0;
  const fullCopies = Math.floor(target / texts.length);
  for (let copy = 0; written < target; copy += 1) {
    for (const [i, text] of texts.entries()) {
      if (written >= target) break;
      let out = text.replace(/\/papers\/([a-z0-9-]+)/g, `/papers/$1-c${copy}`);
      out = out.replace(/^prerequisites: \[(.*)\]$/m, (_m, list: string) =>
        // The last, partial copy lacks some notes: its prerequisites are dropped.
        copy >= fullCopies
          ? "prerequisites: []"
          : `prerequisites: [${list.split(",").map((s) => s.trim()).filter(Boolean).map((s) => `${s}-c${copy}`).join(", ")}]`,
      );
      await writeFile(path.join(dir, `${slugs[i]}-c${copy}.md`), out);
      const zh = (zhTexts[i] ?? "").replace(/\/papers\/([a-z0-9-]+)/g, `/papers/$1-c${copy}`);
      await writeFile(path.join(dir, TRANSLATION_DIR, `${slugs[i]}-c${copy}.md`), zh);
      written += 1;
    }
  }
  return dir;
}

