import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { SourceFile } from "@/app/lib/domain/content/types";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "..", "..", "content");

/**
 * Every file in content/, with paths as error messages show them (`content/x.md`). The raw
 * bytes go along: loadCorpus decodes them strictly, so invalid UTF-8 is an error, not a U+FFFD.
 */
export async function readContentFiles(dir = CONTENT_DIR): Promise<SourceFile[]> {
  // Files only: a folder (content/zh/, the Chinese edition) is not a note.
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name));
      return {
        path: path.join(path.relative(process.cwd(), dir) || ".", name),
        text: bytes.toString("utf8"),
        bytes,
      };
    }),
  );
}

/** The folder of the Chinese editions inside a content folder (docs/translation.md). */
export const TRANSLATION_DIR = "zh";

/**
 * The Chinese editions, `<dir>/zh/*.md`, or undefined when the folder does not exist: a content
 * folder with `zh/` is bilingual (every note needs its edition), one without it English only
 * (a generated or test corpus).
 */
export async function readTranslationFiles(dir = CONTENT_DIR): Promise<SourceFile[] | undefined> {
  const zhDir = path.join(dir, TRANSLATION_DIR);
  const info = await stat(zhDir).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  return readContentFiles(zhDir);
}
