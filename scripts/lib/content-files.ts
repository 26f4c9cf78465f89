import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SourceFile } from "@/app/lib/domain/content/types";

export const CONTENT_DIR = path.resolve(import.meta.dirname, "..", "..", "content");

/** Every file in content/, with paths as error messages show them (`content/x.md`). */
export async function readContentFiles(dir = CONTENT_DIR): Promise<SourceFile[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith(".")).sort();
  return Promise.all(
    names.map(async (name) => ({
      path: path.join(path.relative(process.cwd(), dir) || ".", name),
      text: await readFile(path.join(dir, name), "utf8"),
    })),
  );
}
