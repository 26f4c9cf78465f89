/**
 * Server actions as the browser calls them: a POST to a page that uses the action, with the
 * action's id (read from Next's server-reference-manifest of the build, never typed in) in
 * `Next-Action` and its arguments as a JSON array. The answer is an RSC stream whose rows hold
 * the action's result ({ok, data} or {ok: false, status, error}).
 */
import { discoverActions } from "./discover";

export interface BuiltAction {
  id: string;
  /** The page route to post to, dynamic segments kept as `[id]`. */
  page: string;
}

/** The build's action named `exportedName` (from app/lib/server/actions/). */
export function builtAction(exportedName: string): BuiltAction {
  const action = discoverActions().find((a) => a.name === exportedName);
  if (!action) throw new Error(`no server action ${exportedName} in the build`);
  return { id: action.id, page: action.page };
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
