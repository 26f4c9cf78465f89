/**
 * `npm run bench:import`: one user's import must not stall everyone else. Against the built app
 * (`scripts/server.ts`, NEXT_DIST_DIR=.next-bench) on a throwaway PostgreSQL with the content
 * synced, it POSTs
 *   (1) a 60,000-line review CSV (every synced card, ~150 reviews each over the last years) to
 *       /api/review/import, then
 *   (2) a ~34 MB JSON export (settings, study set, card states, 65,000 review logs) to
 *       /api/import, for another user,
 * while a second user loads the library page `/` and `/api/review/queue` in a closed loop (one
 * client each). It prints each import's duration and answer, and the other requests' latency
 * before (idle) and during each import. Targets (issue 11): the CSV in ≤ 3 s, others' p95 ≤ 100 ms
 * during either import; each gets a VERDICT line at the end, with the load average, because
 * the machine is shared and the figures are only comparable at the same load. Then it profiles
 * the PostgreSQL side of the CSV import alone, and the same insert written other ways
 * (import-sql-profile.ts).
 * BENCH_PROFILE=<dir> writes a CPU profile of the app server there.
 */
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { runContentSync } from "../lib/content-sync-runner";
import { benchDatabase } from "./lib/bench-db";
import { percentile } from "./lib/bench-db";
import { startClosedLoop, windowLine } from "./lib/closed-loop";
import { compareCsvInsertVariants, csvLines, profileCsvInsert } from "./lib/import-sql-profile";
import { reviewCsv, userDataJson, type BenchCard } from "./lib/import-data";
import { serveApp } from "./lib/serve-app";

const SECRET = "bench-secret-bench-secret-bench-secret-0123";
const CSV_LINES = 60_000;
/** Review logs in the JSON export: about 34 MB of JSON with their `previous` states. */
const JSON_LOGS = Number(process.env.BENCH_JSON_LOGS ?? 65_000);
const IDLE_MS = 4_000;
/** Issue 11's targets. */
const TARGET_CSV_SECONDS = 3;
const TARGET_OTHERS_P95_MS = 100;

const load = () => loadavg().map((n) => n.toFixed(2)).join(", ");

async function makeUser(client: pg.Client, name: string): Promise<{ id: string; cookie: string }> {
  const id = `bench-import-${name}`;
  const email = `${id}@example.test`;
  await client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [id, email]);
  await client.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [id]);
  const token = await encode({ token: { sub: id, uid: id, sv: 0, sid: randomUUID(), email }, secret: SECRET });
  return { id, cookie: `next-auth.session-token=${token}` };
}

/** The reader: a study set of every note and a state for every card, so `/` and the queue do their real work. */
async function giveHistory(client: pg.Client, userId: string) {
  await client.query(`INSERT INTO "StudySetPaper" ("userId", "paperId") SELECT $1, id FROM "Paper" WHERE "retiredAt" IS NULL`, [userId]);
  await client.query(
    `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
                              reps, lapses, state, "lastReview", "updatedAt")
     SELECT $1, id, now() + make_interval(days => abs(hashtext(id)) % 20 - 10), 5 + abs(hashtext(id)) % 50, 5, 3, 10, 0, 4, 0, 2,
            now() - make_interval(days => 5), now()
       FROM "Card" WHERE "retiredAt" IS NULL`,
    [userId],
  );
}


interface ImportRun {
  label: string;
  url: string;
  contentType: string;
  body: string;
  cookie: string;
}

interface ImportFigures {
  seconds: number;
  status: number;
  /** Others' p95 during the import, per endpoint label. */
  p95During: Map<string, number>;
}

async function measureImport(baseUrl: string, reader: string, run: ImportRun): Promise<ImportFigures> {
  const loop = startClosedLoop([
    { label: "GET / (library page)", url: `${baseUrl}/`, cookie: reader },
    { label: "GET /api/review/queue", url: `${baseUrl}/api/review/queue`, cookie: reader },
  ]);
  const idleFrom = performance.now();
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const started = performance.now();
  const response = await fetch(`${baseUrl}${run.url}`, {
    method: "POST",
    headers: { Origin: baseUrl, "Content-Type": run.contentType, Cookie: run.cookie },
    body: run.body,
  });
  const answer = await response.text();
  const ended = performance.now();
  const samples = await loop.stop();
  const mb = (Buffer.byteLength(run.body) / 1024 / 1024).toFixed(1);
  console.log(`\n${run.label} (${mb} MB) → ${response.status} in ${((ended - started) / 1000).toFixed(2)} s`);
  console.log(`    answer: ${answer.length > 300 ? `${answer.slice(0, 300)}…` : answer}`);
  const print = (when: string, from: number, to: number) => {
    for (const [label, list] of samples) console.log(`    ${when} ${windowLine(label, list, from, to)}`);
  };
  print("idle  ", idleFrom + 1_000, started);
  print("during", started, ended);
  if (response.status !== 200) process.exitCode = 1;
  const p95During = new Map<string, number>();
  for (const [label, list] of samples) {
    const inside = list.filter((s) => s.startedAt >= started && s.startedAt <= ended).map((s) => s.latencyMs);
    p95During.set(label, percentile(inside.sort((a, b) => a - b), 95));
  }
  return { seconds: (ended - started) / 1000, status: response.status, p95During };
}

/** One line per target: met or missed, with the figure and the limit. */
function verdicts(name: string, figures: ImportFigures, timeLimit: number | null): string[] {
  const mark = (ok: boolean) => (ok ? "MET   " : "MISSED");
  const lines: string[] = [];
  if (timeLimit !== null) {
    const ok = figures.status === 200 && figures.seconds <= timeLimit;
    lines.push(`VERDICT ${mark(ok)} ${name}: imported in ${figures.seconds.toFixed(2)} s (target ≤ ${timeLimit} s)`);
  } else lines.push(`VERDICT (no target) ${name}: imported in ${figures.seconds.toFixed(2)} s (status ${figures.status})`);
  for (const [label, p95] of figures.p95During) {
    const ok = p95 <= TARGET_OTHERS_P95_MS;
    lines.push(`VERDICT ${mark(ok)} ${name}: others' ${label.trim()} p95 during it ${p95.toFixed(0)} ms (target ≤ ${TARGET_OTHERS_P95_MS} ms)`);
  }
  return lines;
}

async function main() {
  process.env.TZ = "UTC";
  process.env.NEXT_DIST_DIR ??= ".next-bench";
  const loadAtStart = load();
  const database = await benchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await runContentSync(database.url, { quiet: true });
    const cards = (
      await client.query<BenchCard>(
        `SELECT c.id, p.slug, c.key FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
          WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL ORDER BY c.id`,
      )
    ).rows;
    const now = Date.now();
    const csv = reviewCsv(cards, CSV_LINES, now);
    const json = userDataJson(cards, JSON_LOGS, now);
    console.log(
      `${cards.length} cards; CSV ${CSV_LINES.toLocaleString("en")} lines (${(csv.length / 1024 / 1024).toFixed(1)} MB), ` +
        `JSON ${JSON_LOGS.toLocaleString("en")} review logs (${(json.length / 1024 / 1024).toFixed(1)} MB)`,
    );
    const [reader, csvUser, jsonUser] = [await makeUser(client, "reader"), await makeUser(client, "csv"), await makeUser(client, "json")];
    await giveHistory(client, reader.id);
    await client.query(`VACUUM ANALYZE`);

    const app = await serveApp(database.url);
    try {
      // Warm-up: the first requests compile and cache what the measured ones reuse, the import
      // routes' modules included (loading them once per process took ~1 s of the event loop,
      // a start-up cost, not the import's). The warm-up imports are refused (an unknown card,
      // an empty object), so they write nothing.
      for (let i = 0; i < 10; i += 1) {
        for (const url of ["/", "/api/review/queue"]) await (await fetch(`${app.baseUrl}${url}`, { headers: { Cookie: reader.cookie } })).arrayBuffer();
      }
      for (const [url, type, body] of [
        ["/api/review/import", "text/csv", "card_id,review_time,review_rating,review_state,review_duration\nwarm-up,1700000000000,3,0,1000\n"],
        ["/api/import", "application/json", "{}"],
      ] as const) {
        const warm = await fetch(`${app.baseUrl}${url}`, { method: "POST", headers: { Origin: app.baseUrl, "Content-Type": type, Cookie: reader.cookie }, body });
        await warm.arrayBuffer();
      }
      const csvFigures = await measureImport(app.baseUrl, reader.cookie, {
        label: `POST /api/review/import, ${CSV_LINES.toLocaleString("en")}-line CSV`,
        url: "/api/review/import",
        contentType: "text/csv",
        body: csv,
        cookie: csvUser.cookie,
      });
      const jsonFigures = await measureImport(app.baseUrl, reader.cookie, {
        label: `POST /api/import, JSON export of ${JSON_LOGS.toLocaleString("en")} review logs`,
        url: "/api/import",
        contentType: "application/json",
        body: json,
        cookie: jsonUser.cookie,
      });
      const counts = await client.query<{ userId: string; n: string }>(
        `SELECT "userId", count(*)::text AS n FROM "ReviewLog" WHERE "userId" = ANY($1) GROUP BY "userId" ORDER BY 1`,
        [[csvUser.id, jsonUser.id]],
      );
      console.log(`\nreview logs written: ${counts.rows.map((r) => `${r.userId} ${r.n}`).join(", ")}`);
      const loadAtEnd = load();
      console.log("");
      for (const line of [
        ...verdicts(`CSV import (${CSV_LINES.toLocaleString("en")} lines)`, csvFigures, TARGET_CSV_SECONDS),
        ...verdicts(`JSON import (${JSON_LOGS.toLocaleString("en")} logs)`, jsonFigures, null),
      ]) console.log(line);
      console.log(`load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAtEnd} after the imports (${cpus().length} cores)`);
      console.log("Compare runs only at the same load; a quiet machine (load average below 1) gives the figures to report.");
    } finally {
      await app.stop();
    }
    // After the app has stopped, so nothing else runs on the database meanwhile.
    const profiled = await makeUser(client, "sql-profile");
    const lines = csvLines(csv);
    await profileCsvInsert(client, profiled.id, lines);
    await compareCsvInsertVariants(client, profiled.id, lines);
  } finally {
    await client.end();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
