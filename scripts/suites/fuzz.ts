/**
 * `npm run test:fuzz [--seed N]`: seeded malformed requests to every discovered route handler
 * and method, with A's valid session and the site's Origin, and to every server action of the
 * build (with B's session). Every answer must be below 500.
 * Then random broken notes through the content checker (file:line errors, never a throw), and
 * a sample of them through the sync into PostgreSQL (refused whole, nothing written).
 * Prints per route the requests, the status counts and the 5xx; exit 1 on any 5xx or throw.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { writeZip } from "@/app/lib/domain/anki/zip";
import { formatError, loadCorpus } from "@/app/lib/domain/content/load-corpus";
import { applyMigrations } from "../../prisma/schema-engine";
import { readContentFiles } from "../lib/content-files";
import { ContentInvalidError, runContentSync } from "../lib/content-sync-runner";
import { startThrowawayPostgres } from "../lib/embedded-postgres";
import { discoverActions, discoverRoutes, isNextAuth, type ActionTarget } from "./lib/discover";
import { prng, seedFromArgs } from "./lib/prng";
import { COOKIE, startStack, type Stack } from "./lib/stack";

const seed = seedFromArgs(process.argv.slice(2));
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 250);
const CONCURRENCY = 8;
console.log(
  `fuzz seed ${seed} (replay: npm run test:fuzz -- --seed ${seed}), ${PER_ROUTE} requests per handler`,
);
const rand = prng(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (n: number) => Math.floor(rand() * n);

const MB = "x".repeat(1024 * 1024);
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
const deepObj = (n: number) => '{"a":'.repeat(n) + "1" + "}".repeat(n);
const WEIRD_STRINGS = [
  "",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udfff",
  "\ud83d",
  "\u202e",
  "../../etc/passwd",
  "%00",
  "%",
  '\'; DROP TABLE "User";--',
  "\uffff",
  " ",
  "🙂".repeat(200),
  "x".repeat(121),
  "x".repeat(10_000),
];
const WEIRD_NUMBERS = [
  "1e308",
  "-1e308",
  "-0",
  "9007199254740993",
  "1e-400",
  "0.5",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "1e9999",
  "123456789012345678901234567890",
];

function weirdValue(depth = 0): string {
  switch (int(depth > 2 ? 6 : 9)) {
    case 0:
      return JSON.stringify(pick(WEIRD_STRINGS));
    case 1:
      return pick(WEIRD_NUMBERS).replace(/^(NaN|Infinity)$/, '"$1"');
    case 2:
      return pick(["null", "true", "false", "[]", "{}"]);
    case 3:
      return `"${pick(["\\ud800", "\\udc00x", "\\u0000", "a\\ud800b"])}"`;
    case 4:
      return JSON.stringify(pick([MB.slice(0, 1000 + int(5000)), "1"]));
    case 5:
      return String(int(10) - 3);
    case 6:
      return `[${weirdValue(depth + 1)},${weirdValue(depth + 1)}]`;
    case 7:
      return `{"${pick(["clientId", "cardId", "rating", "__proto__", "constructor", "version"])}":${weirdValue(depth + 1)}}`;
    default:
      return JSON.stringify(pick(["a", "b"]));
  }
}

/** An object with the route's real fields, some valid, some malformed. */
function mutatedObject(s: Stack, fields: Record<string, () => string>): string {
  const entries = Object.entries(fields)
    .filter(() => rand() > 0.15)
    .map(([k, valid]) => `"${k}":${rand() < 0.4 ? valid() : weirdValue()}`);
  if (rand() < 0.2) entries.push(`"${pick(["extra", "__proto__", "\\u0000"])}":${weirdValue()}`);
  void s;
  return `{${entries.join(",")}}`;
}

/** A real package of A's (fetched once the stack is up), which the .apkg import fuzzing damages. */
let apkgSample: Uint8Array = new Uint8Array(0);

/** An .apkg upload: A's real package, whole or damaged, or something that only looks like one. */
function apkgBody(): Uint8Array<ArrayBuffer> {
  const sample = Buffer.from(apkgSample);
  const zip = (name: string, data: Uint8Array) => writeZip([{ name, data }, { name: "media", data: Buffer.from("{}") }], new Date());
  switch (int(8)) {
    case 0:
      return sample;
    case 1:
      return sample.subarray(0, int(sample.length));
    case 2: {
      for (let k = 1 + int(20); k > 0; k--) sample[int(sample.length)] = int(256);
      return sample;
    }
    case 3:
      return zip("collection.anki2", Buffer.concat([Buffer.from("SQLite format 3\u0000"), Buffer.from(pick(WEIRD_STRINGS))]));
    case 4:
      return zip(pick(["collection.anki21", "collection.anki21b", "meta", "../collection.anki2"]), Buffer.from(pick(WEIRD_STRINGS)));
    case 5:
      return writeZip([{ name: "bomb", data: Buffer.alloc(1 + int(5_000_000)) }, { name: "collection.anki2", data: Buffer.alloc(int(3_000_000)) }], new Date());
    case 6:
      return Buffer.from(Array.from({ length: int(4096) }, () => int(256)));
    default:
      return Buffer.from(pick(WEIRD_STRINGS));
  }
}

function body(s: Stack, pattern: string): string | Uint8Array<ArrayBuffer> {
  if (pattern === "/api/import/apkg" && int(10) > 0) return apkgBody();
  const r = int(20);
  if (r === 0) return "";
  if (r === 1) return deep(10_000);
  if (r === 2) return deepObj(10_000);
  if (r === 3) return JSON.stringify({ clientId: MB, cardId: MB });
  if (r === 4) return "\u0000\u0000\u0000";
  if (r === 5) return '{"a":';
  if (r === 6) return weirdValue();
  if (pattern === "/api/review/answer") {
    return mutatedObject(s, {
      clientId: () => JSON.stringify(crypto.randomUUID()),
      cardId: () => JSON.stringify(s.cardId),
      rating: () => String(1 + int(4)),
      version: () => String(int(3)),
      answeredAt: () => String(Date.now() - int(1e9)),
      durationMs: () => String(int(5000)),
      // The balanced day a button showed (issue 15): kept inside the answer's range, else recomputed.
      days: () => pick(["1", "12", "36500", "0", "-3", "1.5", ...WEIRD_NUMBERS]),
    });
  }
  if (pattern === "/api/review/undo")
    return mutatedObject(s, { clientId: () => JSON.stringify(s.answerClientId) });
  if (pattern === "/api/cards/control") {
    return mutatedObject(s, {
      clientId: () => JSON.stringify(crypto.randomUUID()),
      cardIds: () => JSON.stringify(rand() < 0.7 ? [s.cardId] : Array.from({ length: int(600) }, () => pick([s.cardId, ...WEIRD_STRINGS]))),
      action: () => JSON.stringify(pick(["suspend", "unsuspend", "bury", "unbury", "flag", "reset", ...WEIRD_STRINGS])),
      flag: () => pick(["0", "1", "4", ...WEIRD_NUMBERS]),
    });
  }
  if (pattern === "/api/review/import") {
    const header =
      rand() < 0.8
        ? "card_id,review_time,review_rating,review_state,review_duration"
        : pick(WEIRD_STRINGS);
    const rows = Array.from({ length: 1 + int(5) }, () =>
      [
        pick([s.cardId, ...WEIRD_STRINGS]),
        pick([String(Date.now() - int(1e9)), ...WEIRD_NUMBERS]),
        pick(["3", ...WEIRD_NUMBERS]),
        pick(["0", "2", ...WEIRD_NUMBERS]),
        pick(["100", ...WEIRD_NUMBERS]),
      ].join(","),
    );
    return [header, ...rows].join(pick(["\n", "\r\n", "\r"]));
  }
  if (pattern === "/api/import") {
    return mutatedObject(s, {
      version: () => String(int(3)),
      exportedAt: () => JSON.stringify(new Date().toISOString()),
      settings: () => weirdValue(),
      cardStates: () =>
        `[${mutatedObject(s, { cardKey: () => JSON.stringify(s.cardId), due: () => JSON.stringify(new Date().toISOString()), stability: () => "1" })}]`,
      reviewLogs: () =>
        `[${mutatedObject(s, { clientId: () => JSON.stringify(crypto.randomUUID()), rating: () => "3", reviewedAt: () => JSON.stringify(pick(["2024-01-01T00:00:00Z", "x", "+275760-09-13T00:00:00.001Z"])) })}]`,
      studySet: () => `[${JSON.stringify(pick([s.slug, ...WEIRD_STRINGS]))}]`,
    });
  }
  return weirdValue();
}

/** Each action's real fields with a valid value (never one that would delete or lock the fuzzing account). */
const ACTION_FIELDS: Record<string, (s: Stack) => Record<string, () => string>> = {
  updateSettings: () => ({
    desiredRetention: () => pick(["0.9", "0.85", '"0.9"']),
    maximumInterval: () => String(1 + int(36500)),
    enableFuzz: () => pick(["true", "false"]),
    learningSteps: () => JSON.stringify(pick(["1m 10m", "1d", "", "99999999999999999999d"])),
    relearningSteps: () => JSON.stringify(pick(["10m", ""])),
    newPerDay: () => String(int(100)),
    reviewsPerDay: () => String(int(1000)),
    timeZone: () => JSON.stringify(pick(["UTC", "Asia/Shanghai", "Mars/Olympus"])),
    dayStartHour: () => String(int(24)),
    studyAll: () => pick(["true", "false"]),
    reschedule: () => pick(["true", "false"]),
  }),
  changePassword: () => ({
    currentPassword: () => JSON.stringify("not the password"),
    newPassword: () => JSON.stringify("x".repeat(int(200))),
  }),
  deleteAccount: () => ({ confirmEmail: () => JSON.stringify(`someone-${int(1000)}@else.test`) }),
  signUp: () => ({
    name: () => JSON.stringify("Fuzz"),
    email: () => JSON.stringify(pick(["fuzz@", "a@b.c", "x".repeat(400)])),
    password: () => JSON.stringify("short"),
    timeZone: () => JSON.stringify(pick(["Asia/Shanghai", "Mars/Olympus", "x".repeat(100)])),
  }),
  requestPasswordReset: () => ({
    email: () => JSON.stringify(pick(["fuzz@example.test", "fuzz@", "x".repeat(400), " A@B.C "])),
  }),
  resetPassword: () => ({
    token: () => JSON.stringify(pick(["", "not-a-token", "x".repeat(300), "A".repeat(43)])),
    password: () => JSON.stringify(pick(["short", "a new password of fuzz 1", "x".repeat(2000)])),
  }),
  sendVerificationEmail: () => ({}),
  verifyEmail: () => ({ token: () => JSON.stringify(pick(["", "not-a-token", "x".repeat(300), "A".repeat(43)])) }),
  studyMoreNewToday: () => ({
    count: () => pick(["1", "10", "0", "-5", "501", "1e9", '"10"']),
    paper: () => JSON.stringify(pick(["moco", "no-such-note", "", "x".repeat(300)])),
  }),
  previewBreakReschedule: () => ({
    kind: () => JSON.stringify(pick(["postpone", "advance", "both", ""])),
    limit: () => pick(["1", "50", "0", "-5", "10001", "1e9", '"10"', "1.5"]),
    floor: () => pick(["0.8", "0.49", "1", "-1", '"0.9"', "null"]),
  }),
  applyBreakReschedule: () => ({
    kind: () => JSON.stringify(pick(["postpone", "advance", "both", ""])),
    limit: () => pick(["1", "50", "0", "-5", "10001", "1e9", '"10"', "1.5"]),
    floor: () => pick(["0.8", "0.49", "1", "-1", '"0.9"', "null"]),
  }),
  recommendLearningSteps: () => ({}),
  setTimeZone: () => ({ timeZone: () => JSON.stringify(pick(["UTC", "Asia/Shanghai", "Mars/Olympus", ""])) }),
  setStudyAll: () => ({ studyAll: () => pick(["true", "false", "1", "\"yes\"", "null"]) }),
  setDailyGoal: () => ({
    kind: () => JSON.stringify(pick(["none", "reviews", "minutes", "hours", ""])),
    target: () => pick(["0", "1", "50", "-1", "1001", "2.5", "1e9", "\"20\""]),
  }),
  startQuiz: (s) => ({
    scope: () =>
      pick([
        `{"kind":"note","slug":${JSON.stringify(s.slug)}}`,
        '{"kind":"weak"}',
        '{"kind":"areas","areas":["vision"]}',
      ]),
    length: () => String(int(60) - 5),
    mode: () => JSON.stringify(pick(["each", "end", "exam", "x"])),
  }),
  answerQuizQuestion: (s) => ({
    attemptId: () => JSON.stringify(s.attemptId),
    questionId: () => JSON.stringify("q"),
    response: () => pick(["null", "0", "[0,1]", "true", '"text"']),
    timeMs: () => String(int(10_000)),
  }),
  retakeMissedQuestions: (s) => ({ attemptId: () => JSON.stringify(s.attemptId) }),
  discardQuizAttempt: () => ({ attemptId: () => JSON.stringify(pick(["not-an-attempt", "", "x".repeat(300)])) }),
  saveOwnNote: (s) => ({
    id: () => JSON.stringify(pick([s.ownNoteId, "not-a-note", "", "x".repeat(300)])),
    source: () =>
      JSON.stringify(
        pick([
          "",
          "---\ntitle: x\n---\n",
          "<script>alert(1)</script>",
          "[x](javascript:alert(1))",
          "\u0000",
          "x".repeat(300_000),
          "$\\href{javascript:alert(1)}{x}$",
        ]),
      ),
    baseUpdatedAt: () => JSON.stringify(pick(["2026-01-01T00:00:00.000Z", "yesterday", ""])),
  }),
  deleteOwnNote: (s) => ({ id: () => JSON.stringify(pick([s.ownNoteId, "not-a-note", "", "x".repeat(300)])) }),
  restoreOwnNote: (s) => ({ id: () => JSON.stringify(pick([s.ownNoteId, "not-a-note", ""])) }),
  addPassageCard: (s) => ({
    slug: () => JSON.stringify(pick([s.slug, "no-such-note", `my-${s.ownNoteMarker}`, ""])),
    anchor: () => JSON.stringify(pick(["the-problem", "no-such-section", "", "x".repeat(300)])),
    front: () => JSON.stringify(pick(["Q?", "", "<script>alert(1)</script>", "\u0000", "x".repeat(3000)])),
    back: () => JSON.stringify(pick(["A.", "", "```card\nid: x\n```", "x".repeat(3000)])),
  }),
  updatePassageCard: (s) => ({
    id: () => JSON.stringify(pick([s.ownPassageCardId, s.cardId, "not-a-card", ""])),
    front: () => JSON.stringify(pick(["Q?", "", "\"---\""])),
    back: () => JSON.stringify(pick(["A.", "", "x".repeat(3000)])),
  }),
  deletePassageCard: (s) => ({ id: () => JSON.stringify(pick([s.ownPassageCardId, s.cardId, "not-a-card", ""])) }),
  copyCorpusNote: (s) => ({ slug: () => JSON.stringify(pick([s.slug, "no-such-note", "../package", "", "x".repeat(300)])) }),
};

/** A body as Next's client would send it (a JSON array of arguments) or a broken one. */
function actionBody(s: Stack, action: ActionTarget): { body: string; contentType: string } {
  const r = int(16);
  const plain = "text/plain;charset=UTF-8";
  if (r === 0) return { body: "", contentType: plain };
  if (r === 1) return { body: deep(10_000), contentType: plain };
  if (r === 2) return { body: `[${JSON.stringify(MB.repeat(2))}]`, contentType: plain };
  if (r === 3) return { body: "[\u0000", contentType: plain };
  if (r === 4) return { body: weirdValue(), contentType: plain };
  if (r === 5)
    return {
      body: `--x\r\nContent-Disposition: form-data; name="1"\r\n\r\n${weirdValue()}\r\n--x--`,
      contentType: pick([
        "multipart/form-data; boundary=x",
        "multipart/form-data",
        "multipart/form-data; boundary=y",
      ]),
    };
  if (r === 6) return { body: `[${weirdValue()}]`, contentType: pick(CONTENT_TYPES) };
  const fields = ACTION_FIELDS[action.name]?.(s) ?? {};
  const args = [mutatedObject(s, fields)];
  if (rand() < 0.1) args.push(weirdValue());
  return { body: `[${args.join(",")}]`, contentType: plain };
}

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "text/csv",
  "text/plain",
  "",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-16",
  "application/*",
  "\u0000",
];

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as its raw UTF-8-style bytes. */
function encodeAny(text: string): string {
  return text.replace(/[\s\S]/gu, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    }
    return encodeURIComponent(ch);
  });
}

function segment(s: Stack, name: string): string {
  const valid = name === "slug" ? s.slug : s.attemptId;
  return pick([
    valid,
    valid,
    encodeAny(pick(WEIRD_STRINGS)).slice(0, 20_000),
    "%00",
    "%ED%A0%80",
    "%E0%A4%A",
    "x".repeat(5000),
    "..%2f..",
    "-1",
    "1e308",
  ]);
}

function query(s: Stack, pattern: string): string {
  const keys =
    pattern === "/api/review/queue"
      ? ["limit", "paper", "area", "custom", "since"]
      : pattern === "/api/export/anki" || pattern === "/api/export/apkg"
        ? ["note"]
        : pattern.startsWith("/api/own-notes/")
          ? ["id", "name"]
          : ["limit", "paper", "x"];
  const parts: string[] = [];
  for (let i = int(4); i >= 0; i--) {
    const key = rand() < 0.9 ? pick(keys) : pick(["%00", "", "__proto__", "%"]);
    const value = pick([
      "",
      "%00",
      "a%00b",
      "%ED%A0%80",
      "%",
      "%zz",
      s.slug,
      encodeURIComponent("x".repeat(int(3) === 0 ? 200_000 : 121)),
      ...WEIRD_NUMBERS.map(encodeURIComponent),
      "20",
      "1",
      "101",
      "0x10",
      "1.5",
      " 5",
      "[]",
      "%5B%5D",
    ]);
    parts.push(`${key}=${value}`);
  }
  return parts.join("&");
}

/**
 * One request; a transport error is retried once on a new connection of its own. fetch keeps
 * its sockets alive in a pool: a request sent on a pooled socket just as the server closes it
 * (its keep-alive timeout, or the close after an answer such as a 431) fails with ECONNRESET,
 * which is the client's race, not a server fault; and a retry through fetch may take another
 * pooled socket and meet the same race (it did, once in a CI-like run: an empty body to
 * /api/cards/control reset twice, then answered 400 on replay). So the retry goes through
 * `node:http` with no agent: a fresh socket, used once. A server that refuses an oversized
 * body answers early (413) and closes while the client is still writing: the retry keeps the
 * status if it arrived, and otherwise a write cut short (EPIPE/ECONNRESET) of a body larger than
 * the smallest body limit counts as "closed" (status 0) when the server is healthy right after.
 * Any other transport failure of the retry counts as a 5xx (599).
 */
async function send(url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(url, init);
    return { status: res.status, text: await res.text() };
  } catch {
    const answer = await sendOnFreshSocket(url, init);
    if (answer.status > 0) return { status: answer.status, text: answer.text };
    const length = typeof init.body === "string" ? Buffer.byteLength(init.body) : init.body instanceof Uint8Array ? init.body.byteLength : 0;
    if (length > SMALLEST_BODY_LIMIT && /EPIPE|ECONNRESET|other side closed|socket hang up/.test(answer.text) && (await healthy(url))) {
      return { status: 0, text: `closed while ${length} bytes were being sent (${answer.text})` };
    }
    return { status: 599, text: `request failed twice: ${answer.text}` };
  }
}

/** The answer route's body limit (4 KB), the smallest of the app's. */
const SMALLEST_BODY_LIMIT = 4 * 1024;

/** One request on a new socket (no agent, no pool); status 0 with the error when none came back. */
function sendOnFreshSocket(url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const body = typeof init.body === "string" ? Buffer.from(init.body) : init.body instanceof Uint8Array ? init.body : undefined;
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>), Connection: "close" };
    if (body) headers["Content-Length"] = String(body.byteLength);
    let status = 0;
    const chunks: Buffer[] = [];
    try {
      const request = http.request(url, { method: init.method ?? "GET", headers, agent: false }, (response) => {
        status = response.statusCode ?? 0;
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status, text: Buffer.concat(chunks).toString() }));
        response.on("error", () => resolve({ status, text: Buffer.concat(chunks).toString() }));
      });
      request.on("error", (error) => resolve({ status, text: status > 0 ? Buffer.concat(chunks).toString() : error.message }));
      request.end(body);
    } catch (error) {
      // A header or URL node:http refuses before sending (fetch refused it too).
      resolve({ status: 0, text: error instanceof Error ? error.message : String(error) });
    }
  });
}

async function healthy(url: string): Promise<boolean> {
  const res = await fetch(new URL("/api/health", url)).catch(() => null);
  return res?.status === 200;
}

interface Tally {
  requests: number;
  statuses: Map<number, number>;
  fiveXX: { payload: string; status: number; body: string }[];
}

async function main(): Promise<number> {
  const routes = discoverRoutes().filter((r) => !isNextAuth(r));
  console.log("skipped: /api/auth/[...nextauth] (next-auth's own endpoints)");
  const s = await startStack("fuzz");
  const exported = await fetch(`${s.baseUrl}/api/export/apkg?note=${s.slug}`, { headers: { Cookie: `${COOKIE}=${s.a.token}` } });
  apkgSample = new Uint8Array(await exported.arrayBuffer());
  console.log(`.apkg sample: ${exported.status}, ${apkgSample.byteLength} bytes`);
  const tallies = new Map<string, Tally>();
  const started = Date.now();
  try {
    const jobs: { key: string; run: () => Promise<void> }[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        const key = `${method} ${route.pattern}`;
        const tally: Tally = { requests: 0, statuses: new Map(), fiveXX: [] };
        tallies.set(key, tally);
        for (let i = 0; i < PER_ROUTE; i++) {
          const path = route.pattern.replace(/\[(\w+)\]/g, (_m, name: string) => segment(s, name));
          const q = method === "GET" || rand() < 0.2 ? query(s, route.pattern) : "";
          const payload = method === "GET" && rand() < 0.8 ? undefined : body(s, route.pattern);
          const contentType =
            rand() < 0.6
              ? route.pattern.endsWith("/review/import")
                ? "text/csv"
                : route.pattern.endsWith("/import/apkg")
                  ? "application/octet-stream"
                  : route.pattern.endsWith("/own-notes/import")
                    ? pick(["application/zip", "text/markdown"])
                    : "application/json"
              : pick(CONTENT_TYPES);
          const url = `${s.baseUrl}${path}${q ? `?${q}` : ""}`;
          jobs.push({
            key,
            run: async () => {
              const headers: Record<string, string> = {
                Origin: s.baseUrl,
                Cookie: `${COOKIE}=${s.a.token}`,
              };
              if (contentType && !contentType.includes("\u0000"))
                headers["Content-Type"] = contentType;
              const { status, text } = await send(url, {
                method,
                headers,
                body: method === "GET" ? undefined : payload,
              });
              tally.requests++;
              tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
              if (status >= 500) {
                const sent = typeof payload === "string" || payload === undefined ? (payload ?? "") : `<${payload.byteLength} bytes>`;
                const shown = `${method} ${url.slice(s.baseUrl.length, s.baseUrl.length + 200)} ct=${JSON.stringify(contentType)} body=${JSON.stringify(sent.slice(0, 200))}${sent.length > 200 ? `…(${sent.length} chars)` : ""}`;
                tally.fiveXX.push({ payload: shown, status, body: text.slice(0, 300) });
              }
            },
          });
        }
      }
    }
    // Server actions, with B's session (A's rows stay as the access suite left them); signing out
    // everywhere ends B's session, so those requests come last.
    const actions = discoverActions().sort(
      (x, y) => Number(x.name === "signOutEverywhere") - Number(y.name === "signOutEverywhere"),
    );
    for (const action of actions) {
      const key = `action ${action.name}`;
      const tally: Tally = { requests: 0, statuses: new Map(), fiveXX: [] };
      tallies.set(key, tally);
      for (let i = 0; i < PER_ROUTE; i++) {
        const { body: payload, contentType } = actionBody(s, action);
        jobs.push({
          key,
          run: async () => {
            const headers: Record<string, string> = {
              Origin: s.baseUrl,
              Cookie: `${COOKIE}=${s.b.token}`,
              "Next-Action": rand() < 0.95 ? action.id : pick(["x", "0".repeat(42), ""]),
              Accept: "text/x-component",
            };
            if (contentType && !contentType.includes("\u0000"))
              headers["Content-Type"] = contentType;
            const answer = await send(s.baseUrl + action.page, {
              method: "POST",
              headers,
              body: payload,
              redirect: "manual",
            });
            const { text } = answer;
            // A result the action itself reports as a server failure counts as a 5xx.
            const inner = /"ok":false,"status":(5\d\d)/.exec(text)?.[1];
            const status = inner ? Number(inner) : answer.status;
            tally.requests++;
            tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
            if (status >= 500) {
              tally.fiveXX.push({
                payload: `POST ${action.page} [${action.name}] ct=${JSON.stringify(contentType)} body=${JSON.stringify(payload.slice(0, 200))}`,
                status,
                body: text.slice(0, 300),
              });
            }
          },
        });
      }
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < jobs.length) await jobs[next++]?.run();
      }),
    );
  } finally {
    await s.stop();
  }
  let total5xx = 0;
  console.log(`\n${"route".padEnd(34)} requests  5xx  statuses`);
  for (const [key, t] of tallies) {
    total5xx += t.fiveXX.length;
    const statuses = [...t.statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k}:${v}`)
      .join(" ");
    console.log(
      `${key.padEnd(34)} ${String(t.requests).padStart(8)} ${String(t.fiveXX.length).padStart(4)}  ${statuses}`,
    );
  }
  for (const [key, t] of tallies) {
    const seen = new Set<string>();
    for (const f of t.fiveXX) {
      const sig = `${f.status} ${f.body.slice(0, 80)}`;
      if (seen.has(sig) || seen.size >= 3) continue;
      seen.add(sig);
      console.log(`  5xx ${key}: ${f.status} ${f.payload}\n      -> ${f.body}`);
    }
  }
  console.log(
    `HTTP: ${[...tallies.values()].reduce((n, t) => n + t.requests, 0)} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ${total5xx} 5xx`,
  );
  return total5xx > 0 ? 1 : 0;
}

/** Breaks 1–3 things in a note's text. */
function breakNote(r: () => number, text: string): string {
  const breakers = [
    (t: string) => t.replace(/^---\n/, ""),
    (t: string) => t.replace(/\n---\n/, "\n"),
    (t: string) => t.replace(/^(\w+):/m, "$1 "),
    (t: string) => t.replace(/```/, ""),
    (t: string) => t.replace(/\$\$/, ""),
    (t: string) => t + "\n:::" + "\n".repeat(Math.floor(r() * 3)),
    (t: string) => t.replace(/slug:.*/, "slug: \u0000\ud800"),
    (t: string) => t.slice(0, Math.floor(r() * t.length)),
    (t: string) => t.replace(/\n/g, (m) => (r() < 0.01 ? "\n\t  - [ ]\u0000" : m)),
    () => "---\n" + "a: [".repeat(500) + "\n---\n",
    (t: string) => t.replace(/title:.*/, `title: ${"x".repeat(100_000)}`),
    (t: string) => t.replace(/(#+ )/, "$1{#}"),
    (t: string) => t.replace(/\n/, "\n\u0000"),
  ];
  let out = text;
  for (let k = 1 + Math.floor(r() * 3); k > 0; k--) out = (breakers[Math.floor(r() * breakers.length)] ?? ((t: string) => t))(out);
  return out;
}

/** A hash of the content tables: equal before and after a refused sync means nothing was written. */
async function contentTablesHash(db: pg.Client): Promise<string> {
  const parts: string[] = [];
  for (const table of ["Paper", "Card", "QuizQuestion"]) {
    const r = await db.query<{ h: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`);
    parts.push(r.rows[0]?.h ?? "");
  }
  return parts.join(":");
}

/**
 * Random broken notes: the checker reports each problem as file:line and never throws; a
 * sample of the broken corpora is then synced into a real database, which must refuse it whole.
 */
async function fuzzContent(): Promise<number> {
  const files = await readContentFiles();
  const r = prng(seed ^ 0x5bd1e995);
  let thrown = 0;
  let unplaced = 0;
  let errors = 0;
  const N = 300;
  const SYNCED = Number(process.env.FUZZ_SYNCS ?? 12);
  const toSync: { path: string; text: string }[] = [];
  for (let i = 0; i < N; i++) {
    const file = files[Math.floor(r() * files.length)];
    if (!file) break;
    const broken = { path: file.path, text: breakNote(r, file.text) };
    try {
      const corpus = loadCorpus([...files.filter((f) => f !== file), broken]);
      for (const e of corpus.errors) {
        errors++;
        const line = formatError(e);
        if (!/^[^:]+\.md:\d+: ./.test(line) || !Number.isInteger(e.line) || e.line < 1) {
          if (unplaced++ < 5) console.log(`  content: error without file:line: ${JSON.stringify(line.slice(0, 200))}`);
        }
      }
      if (corpus.errors.length > 0 && toSync.length < SYNCED) toSync.push(broken);
    } catch (error) {
      if (thrown++ < 5) console.log(`  content: loadCorpus threw on a broken ${file.path}: ${error instanceof Error ? error.stack?.split("\n").slice(0, 3).join(" | ") : String(error)}`);
    }
  }
  console.log(`content: ${N} broken notes, ${errors} errors reported, ${unplaced} without file:line, ${thrown} thrown`);

  // The sync refuses a broken corpus whole: the content tables are byte-for-byte as before.
  const database = await startThrowawayPostgres("paperdeck-fuzz-sync");
  const dir = await mkdtemp(path.join(os.tmpdir(), "paperdeck-fuzz-content-"));
  const db = new pg.Client({ connectionString: database.url });
  // A connection dropped by the server must not become an unhandled 'error' event that kills the suite.
  db.on("error", (error) => console.log(`  content: the checking connection failed: ${error.message}`));
  let partial = 0;
  try {
    await applyMigrations(database.url);
    await runContentSync(database.url, { quiet: true });
    await db.connect();
    for (const broken of toSync) {
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir);
      for (const f of files) await writeFile(path.join(dir, path.basename(f.path)), f.path === broken.path ? broken.text : f.text);
      const before = await contentTablesHash(db);
      const refused = await runContentSync(database.url, { quiet: true, dir }).then(() => false, (e: unknown) => e instanceof ContentInvalidError);
      const after = await contentTablesHash(db);
      if (!refused || before !== after) {
        partial++;
        console.log(`  content: a broken ${path.basename(broken.path)} was ${refused ? "refused but the tables changed" : "synced"}`);
      }
    }
  } finally {
    await db.end().catch(() => undefined);
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`content sync: ${toSync.length} broken corpora synced into PostgreSQL, ${toSync.length - partial} refused whole, ${partial} partial writes`);
  return thrown + unplaced + partial > 0 ? 1 : 0;
}

const contentResult = await fuzzContent();

main().then(
  (code) => process.exit(code | contentResult),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
