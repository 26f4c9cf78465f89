import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { SessionClaims } from "@/app/lib/server/auth/session-token";
import type { answerCard } from "@/app/lib/server/data/review";

/**
 * The guard cannot be forgotten: every route handler and every server action is built by one
 * of the wrappers of app/lib/server/auth/guard.ts, read here from the code (as the access
 * suite discovers its targets), so a handler written by hand fails this test before it ships.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** Each top-level export statement of a module, from `export` to the end of its first line. */
function exportsOf(source: string): string[] {
  return [...source.matchAll(/^export\b.*$/gm)].map((m) => m[0]);
}

const ROUTE_WRAPPERS = ["withUser", "withOptionalUser", "withQuizOwner", "withPublic", "withSessionClaims"];
const ACTION_WRAPPERS = ["authedAction", "quizAction", "publicAction"];
const METHOD = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";
/** Route segment config Next reads from a route file: values, not handlers. */
const SEGMENT_CONFIG = /^export const (dynamic|revalidate|runtime|fetchCache|preferredRegion|maxDuration) = /;
const GUARDED_METHOD = new RegExp(`^export const (${METHOD}) = (${ROUTE_WRAPPERS.join("|")})\\b`);
const GUARDED_ACTION = new RegExp(`^export const [a-z][A-Za-z0-9]* = (${ACTION_WRAPPERS.join("|")})\\(`);

/** Open to anyone, so each is a decision: a new one is added here on purpose (and to the access suite's table). */
const OPEN_ROUTES = ["app/api/auth/[...nextauth]/route.ts", "app/api/health/route.ts"];
// Sign-up, and the mailed-link flows, whose one-time token is their authority.
const OPEN_ACTIONS = [
  "app/lib/server/actions/request-password-reset.ts",
  "app/lib/server/actions/reset-password.ts",
  "app/lib/server/actions/sign-up.ts",
  "app/lib/server/actions/verify-email.ts",
];

const routeFiles = walk(path.join(ROOT, "app")).filter((f) => path.basename(f) === "route.ts");
const actionFiles = walk(path.join(ROOT, "app", "lib", "server", "actions")).filter((f) => f.endsWith(".ts"));

describe("the guard", () => {
  it("finds the route handlers and server actions it checks", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
    expect(actionFiles.length).toBeGreaterThanOrEqual(5);
  });

  it.each(routeFiles.map(relative))("builds every handler of %s with a guard wrapper", (file) => {
    const exported = exportsOf(readFileSync(path.join(ROOT, file), "utf8"));
    const unguarded = exported.filter((line) => !GUARDED_METHOD.test(line) && !SEGMENT_CONFIG.test(line));
    expect(unguarded, "export each handler as `export const GET = withUser(...)` (or another wrapper of auth/guard.ts)").toEqual([]);
    expect(exported.some((line) => GUARDED_METHOD.test(line))).toBe(true);
  });

  it.each(actionFiles.map(relative))("builds every action of %s with a guard wrapper", (file) => {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    expect(source.startsWith('"use server";')).toBe(true);
    const exported = exportsOf(source);
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.filter((line) => !GUARDED_ACTION.test(line)), "export each action as `export const verbNoun = authedAction(...)`").toEqual([]);
  });

  it("lets only the listed routes and actions be open to anyone", () => {
    const open = (files: string[], wrapper: string) =>
      files.map(relative).filter((f) => new RegExp(`\\b${wrapper}\\(`).test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(open(routeFiles, "withPublic").sort()).toEqual(OPEN_ROUTES);
    expect(open(actionFiles, "publicAction").sort()).toEqual(OPEN_ACTIONS);
    // Only next-auth's endpoints, which check a CSRF token of their own, skip the Origin check.
    expect(routeFiles.map(relative).filter((f) => readFileSync(path.join(ROOT, f), "utf8").includes("ownCsrfCheck"))).toEqual([
      "app/api/auth/[...nextauth]/route.ts",
    ]);
  });

  it("leaves no Pages API route but the answer, whose session check is answerCard's required claims", () => {
    const pagesApi = walk(path.join(ROOT, "pages", "api")).map(relative);
    expect(pagesApi.filter((f) => f !== "pages/api/review/answer.ts")).toEqual([]);
    for (const file of pagesApi) {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      expect(source).toMatch(/const session = await readSessionClaims\(req\);\s*if \(!session\) return fail\(res, 401/);
      expect(source).toContain("answerCard(session, ");
    }
  });

  it("makes answerCard take a session's claims, which a literal cannot stand in for", () => {
    expectTypeOf<Parameters<typeof answerCard>[0]>().toEqualTypeOf<SessionClaims>();
    // @ts-expect-error: claims come only from a decoded session token (sessionClaimsOf)
    const literal: SessionClaims = { userId: "u", sessionVersion: 0, sessionId: "s" };
    expect(literal.userId).toBe("u");
  });
});
