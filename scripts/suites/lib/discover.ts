/**
 * The suites' targets, read from the code: App Router handlers (app/**\/route.ts and the
 * methods each exports), Pages API routes (pages/api/**\/*.ts) and the protected pages (the
 * proxy matcher and the pages that call requirePageUser).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export interface RouteTarget {
  kind: "app" | "pages";
  file: string;
  /** The URL pattern with its dynamic segments kept: /api/quiz-attempts/[id]. */
  pattern: string;
  methods: Method[];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Folder segments to a URL: route groups `(site)` dropped, private `_x` folders never routed. */
function urlOf(segments: string[]): string {
  return "/" + segments.filter((s) => !/^\(.*\)$/.test(s) && s !== "").join("/");
}

export function discoverRoutes(): RouteTarget[] {
  const targets: RouteTarget[] = [];
  for (const file of walk(path.join(ROOT, "app"))) {
    if (path.basename(file) !== "route.ts") continue;
    const rel = path.relative(path.join(ROOT, "app"), path.dirname(file));
    const source = readFileSync(file, "utf8");
    const methods = METHODS.filter((m) =>
      new RegExp(
        `export\\s+(const\\s+${m}\\b|(async\\s+)?function\\s+${m}\\b|\\{[^}]*\\b${m}\\b[^}]*\\})`,
      ).test(source),
    );
    targets.push({
      kind: "app",
      file: path.relative(ROOT, file),
      pattern: urlOf(rel.split(path.sep)),
      methods,
    });
  }
  const pagesApi = path.join(ROOT, "pages", "api");
  for (const file of walk(pagesApi)) {
    if (!/\.tsx?$/.test(file)) continue;
    const rel = path
      .relative(path.join(ROOT, "pages"), file)
      .replace(/\.tsx?$/, "")
      .replace(/(^|\/)index$/, "");
    const source = readFileSync(file, "utf8");
    const only = [...source.matchAll(/req\.method\s*!==\s*"([A-Z]+)"/g)].map((m) => m[1] as Method);
    const methods = only.length > 0 ? only : [...METHODS];
    targets.push({
      kind: "pages",
      file: path.relative(ROOT, file),
      pattern: urlOf(rel.split(path.sep)),
      methods,
    });
  }
  return targets.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** next-auth's own catch-all: tested through its sign-out flow, not as a target. */
export function isNextAuth(t: RouteTarget): boolean {
  return t.pattern.includes("[...nextauth]");
}

export interface PageTarget {
  pattern: string;
  source: string;
}

/** Where the proxy sends signed-out visitors: public by definition. */
const SIGN_IN_PAGE = "/signin";

export function discoverProtectedPages(): PageTarget[] {
  const found = new Map<string, string>();
  const proxy = readFileSync(path.join(ROOT, "proxy.ts"), "utf8");
  // The matcher's plain path entries, one a line (object entries such as the server-action
  // rule match by header, not by page).
  const matcher = /matcher:\s*\[([\s\S]*?)\n\s*\]/.exec(proxy)?.[1] ?? "";
  for (const m of matcher.matchAll(/^\s*"(\/[^"]*)",?\s*$/gm)) {
    const page = (m[1] ?? "").replace(/\/:path\*$/, "") || "/";
    // The sign-in page is in the matcher to get next-auth's CSRF cookie, not to be protected.
    if (page === SIGN_IN_PAGE) continue;
    found.set(page, "proxy.ts matcher");
  }
  for (const file of walk(path.join(ROOT, "app"))) {
    if (path.basename(file) !== "page.tsx") continue;
    if (!/requirePageUser\(/.test(readFileSync(file, "utf8"))) continue;
    const rel = path.relative(path.join(ROOT, "app"), path.dirname(file));
    const url = urlOf(rel.split(path.sep));
    found.set(url, found.has(url) ? `${found.get(url)} + requirePageUser` : "requirePageUser");
  }
  return [...found]
    .map(([pattern, source]) => ({ pattern, source }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export interface ActionTarget {
  /** Next's id for the action, sent as the `Next-Action` header. */
  id: string;
  file: string;
  name: string;
  /** A page that can post the action (the action runs the same from any page that imports it). */
  page: string;
  /** Built with `authedAction`: refuses a caller without a session. */
  authed: boolean;
}

/** The server actions of a build, read from Next's own manifest (none typed in by hand). */
export function discoverActions(distDir = process.env.NEXT_DIST_DIR ?? ".next"): ActionTarget[] {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<
      string,
      { workers: Record<string, unknown>; filename: string; exportedName: string }
    >;
  };
  return Object.entries(manifest.node)
    .filter(([, a]) => a.filename.startsWith("app/lib/server/actions/"))
    .map(([id, a]) => {
      const workers = Object.keys(a.workers);
      const worker = workers.find((w) => !w.includes("[")) ?? workers[0] ?? "app/page";
      const page =
        worker
          .replace(/^app/, "")
          .replace(/\/\([^)]*\)/g, "")
          .replace(/\/page$/, "") || "/";
      const source = readFileSync(path.join(ROOT, a.filename), "utf8");
      return {
        id,
        file: a.filename,
        name: a.exportedName,
        page,
        authed: source.includes("authedAction("),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every action file must appear in the build: an action the manifest lacks is not tested. */
export function actionFilesMissingFrom(actions: readonly ActionTarget[]): string[] {
  const dir = path.join(ROOT, "app", "lib", "server", "actions");
  const built = new Set(actions.map((a) => a.file));
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `app/lib/server/actions/${f}`)
    .filter((f) => !built.has(f));
}
