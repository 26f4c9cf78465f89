import { readdir, readFile } from "node:fs/promises";
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
