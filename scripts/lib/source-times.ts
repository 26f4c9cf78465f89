import { readdirSync, statSync } from "node:fs";
import path from "node:path";

// What the Next build does not read: editing a test, a script, the docs or a note needs no rebuild.
const SKIP = new Set(["node_modules", ".data", ".git", "tests", "content", "scripts", "docs", "README.md"]);

/** The newest modification time among the files a build depends on. */
export function newestSourceTime(root: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIP.has(entry.name) || entry.name.startsWith(".next")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(root);
  return newest;
}
