/**
 * Server actions as the browser calls them: a POST to a page that uses the action, with the
 * action's id (read from Next's server-reference-manifest of the build, never typed in) in
 * `Next-Action` and its arguments as a JSON array. The answer is an RSC stream whose rows hold
 * the action's result ({ok, data} or {ok: false, status, error}).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./discover";

export interface BuiltAction {
  id: string;
  /** The page route to post to, dynamic segments kept as `[id]`. */
  page: string;
}

/** The build's action named `exportedName` (from app/lib/server/actions/). */
export function builtAction(exportedName: string): BuiltAction {
  const dist = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");
  const manifest = JSON.parse(
    readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<
      string,
      { workers: Record<string, unknown>; filename: string; exportedName: string }
    >;
  };
  for (const [id, action] of Object.entries(manifest.node)) {
    if (
      action.exportedName !== exportedName ||
      !action.filename.startsWith("app/lib/server/actions/")
    )
      continue;
    const workers = Object.keys(action.workers);
    const worker = workers.find((w) => !w.includes("[")) ?? workers[0] ?? "app/page";
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/\([^)]*\)/g, "")
        .replace(/\/page$/, "") || "/";
    return { id, page };
  }
  throw new Error(`no server action ${exportedName} in the build`);
}

export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; status: number; error: string };

/**
 * The action's result row in an RSC answer, or null when there is none (a broken answer).
 * Long strings travel as text rows (`2:T<hex length>,<text>`) with no newline after the
 * text, so the result row may begin in the middle of a line: it is found by its start.
 */
export function actionResult<T>(rsc: string): ActionOutcome<T> | null {
  for (const line of rsc.split("\n")) {
    for (const marker of [':{"ok":true', ':{"ok":false']) {
      const at = line.indexOf(marker);
      if (at === -1) continue;
      try {
        return JSON.parse(line.slice(at + 1)) as ActionOutcome<T>;
      } catch {
        // not a whole row after all
      }
    }
  }
  return null;
}
