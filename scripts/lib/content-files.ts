import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SourceFile } from "@/app/lib/domain/content/types";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "..", "..", "content");

/**
 * Every file in content/, with paths as error messages show them (`content/x.md`). The raw
 * bytes go along: loadCorpus decodes them strictly, so invalid UTF-8 is an error, not a U+FFFD.
 */
export async function readContentFiles(dir = CONTENT_DIR): Promise<SourceFile[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith(".")).sort();
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
