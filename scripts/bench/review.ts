/**
 * `npm run bench:review` prints:
 * (a) the time to build today's queue for a user with 100,000 card states and 1,000,000 review
 *     logs: the whole `loadReviewQueue` call, and the queue's SQL in the database
 *     (EXPLAIN (ANALYZE, TIMING OFF) planning + execution time of each statement, summed; the
 *     per-node timing that plain ANALYZE adds is the observer's cost, not the query's);
 * (b) answers per second and p50/p95/p99 latency of POST /api/review/answer under `next start`
 *     with 50 concurrent users (each a keep-alive connection answering card after card);
 * (c) the same answer done by a minimal Node HTTP server (plain `pg`, the domain's scheduler,
 *     the same JWT check and the app's two SQL statements, imported from sql/answer.ts), run the same way, and the ratio of the two;
 * then the latency of both at a set load below saturation (50 users, 200 answers/s in all);
 * (d) the review forecast's spread over a simulated year with the load balancer, easy days and
 *     long-term-only mode on and off, and (e) the cost of balancing an answer (lib/balance.ts).
 * Figures only; no thresholds. `--minimal-server <port>` is the mode (c) runs the server in.
 */
import { randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { encode } from "next-auth/jwt";
import type { z } from "zod";
import type { TypedQuery } from "@/app/lib/server/sql/typed-query";
import { runContentSync } from "../lib/content-sync-runner";
import { freePort } from "../lib/embedded-postgres";
import { benchBalanceCost, benchForecastSpread } from "./lib/balance";
import { benchDatabase, ms, percentile } from "./lib/bench-db";
import { serveApp } from "./lib/serve-app";

process.env.TZ = "UTC";
const SECRET = "bench-secret-bench-secret-bench-secret-0123";
const USERS = 50;
const WARMUP_MS = 3_000;
/** Each server is measured in ROUNDS rounds of ROUND_MS, alternating, so both see the same machine load. */
const ROUNDS = 5;
const ROUND_MS = 4_000;
/** The set load's pace per user (see runLoad). */
const PACED_EVERY_MS = 250;
const QUEUE_RUNS = 300;
const PAPERS = 2_000;
const CARDS_PER_PAPER = 52;
const STATES = 100_000;
const LOGS_PER_STATE = 10;
const QUEUE_USER = "bench-queue-user";

function line(label: string, sortedMs: number[], extra = ""): string {
  return `${label.padEnd(48)} p50 ${ms(percentile(sortedMs, 50)).padStart(9)}  p95 ${ms(percentile(sortedMs, 95)).padStart(9)}  p99 ${ms(percentile(sortedMs, 99)).padStart(9)}${extra}`;
}

// ------------------------------------------------------------------------------------ data

async function generateHistory(client: pg.Client) {
  const started = performance.now();
  await client.query(`SELECT setseed(0.42)`);
  await client.query(`
    INSERT INTO "Paper" (id, slug, title, short, kind, authors, area, tags, prerequisites, introduces, summary, body,
                         rendered, "contentHash", "sortKey", "updatedAt")
    SELECT 'bp' || i, 'bench-paper-' || i, 'Bench paper ' || i, 'BP' || i, 'paper', '{}', 'Bench', '{}', '{}', '{}',
           'A synthetic note.', 'Body.', '{}'::jsonb, 'h', 100000 + i, now()
      FROM generate_series(1, ${PAPERS}) i`);
  await client.query(`
    INSERT INTO "Card" (id, "paperId", key, type, front, back, anchor, "contentHash", position, "updatedAt")
    SELECT 'bc' || (p * 100 + k), 'bp' || p, 'k' || k, 'basic',
           'What does **card ' || p || '-' || k || '** ask about the $O(n^2)$ attention cost?',
           'It answers with a sentence of about this length, and a [link](/papers/vit).', '', 'h', k, now()
      FROM generate_series(1, ${PAPERS}) p, generate_series(1, ${CARDS_PER_PAPER}) k`);
  await client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [QUEUE_USER, `${QUEUE_USER}@example.test`]);
  await client.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [QUEUE_USER]);
  // The user has studied the first 100,000 cards in the notes' order (as a learner would), so
  // the new cards come after all of them: the hardest case for finding the next new ones.
  await client.query(`
    INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                             "learningSteps", reps, lapses, state, "lastReview", version, "updatedAt")
    SELECT '${QUEUE_USER}', id,
           CASE WHEN r < 0.003 THEN n + (random() * 120 - 60) * interval '1 minute'
                ELSE n + (random() * 320 - 20) * interval '1 day' END,
           CASE WHEN r < 0.003 THEN 0.1 + random() * 2 ELSE 1 + random() * 200 END,
           1 + random() * 9, 3, 10, 0, 5 + (random() * 10)::int, (random() * 3)::int,
           CASE WHEN r < 0.002 THEN 1 WHEN r < 0.003 THEN 3 ELSE 2 END,
           n - (1 + random() * 60) * interval '1 day', 1, n
      FROM (SELECT c.id, random() AS r, (now() AT TIME ZONE 'UTC') AS n,
                   row_number() OVER (ORDER BY p."sortKey", c.position) AS rank
              FROM "Card" c JOIN "Paper" p ON p.id = c."paperId" WHERE p.area = 'Bench') ranked
     WHERE rank <= ${STATES}`);
  await client.query(`
    INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays",
                             "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous,
                             source, "createdAt")
    SELECT 'bl-' || s."cardId" || '-' || j, 'bc-' || s."cardId" || '-' || j, s."userId", s."cardId",
           1 + floor(random() * 4)::int, CASE WHEN j = ${LOGS_PER_STATE} THEN 0 ELSE 2 END,
           n - (j * 40) * interval '1 day', 1 + random() * 100, 1 + random() * 9, 30, 30, 30, 0,
           n - (j * 40 + random() * 30 + 1) * interval '1 day', 4000, '{}'::jsonb, 'review', n
      FROM (SELECT "cardId", "userId", (now() AT TIME ZONE 'UTC') AS n FROM "CardState" WHERE "userId" = '${QUEUE_USER}') s,
           generate_series(1, ${LOGS_PER_STATE}) j`);
  // What autovacuum does after a bulk load: statistics, and the visibility map that lets the
  // queue rank due cards from the index alone.
  await client.query(`VACUUM ANALYZE`);
  // And the checkpoint the bulk load calls for, now rather than during the measurements.
  await client.query(`CHECKPOINT`);
  const counts = await client.query<{ states: string; logs: string; cards: string }>(`
    SELECT (SELECT count(*) FROM "CardState" WHERE "userId" = '${QUEUE_USER}') AS states,
           (SELECT count(*) FROM "ReviewLog" WHERE "userId" = '${QUEUE_USER}') AS logs,
           (SELECT count(*) FROM "Card") AS cards`);
  const c = counts.rows[0];
  console.log(
    `generated ${c?.cards} cards, ${c?.states} card states and ${c?.logs} review logs for one user in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

// ------------------------------------------------------------------------------------ (a) queue

async function benchQueue(client: pg.Client) {
  const { loadReviewQueue, studyDayLimits } = await import("@/app/lib/server/data/review-queue");
  const { candidateQueries, contentStampQuery } = await import("@/app/lib/server/sql/review-queue");
  const { getUserSettings } = await import("@/app/lib/server/data/settings");
  const wall: number[] = [];
  const coldStarted = performance.now();
  let last = await loadReviewQueue(QUEUE_USER, new Date(), { limit: 20 });
  const cold = performance.now() - coldStarted;
  for (let i = 0; i < QUEUE_RUNS; i += 1) {
    const t = performance.now();
    last = await loadReviewQueue(QUEUE_USER, new Date(), { limit: 20 });
    wall.push(performance.now() - t);
  }
  // The statements loadReviewQueue runs for the whole queue, as it builds them now.
  const queueStatements = async () => {
    const now = new Date();
    const settings = await getUserSettings(QUEUE_USER);
    const day = await studyDayLimits(QUEUE_USER, settings, now);
    const sql = candidateQueries(QUEUE_USER, settings, {}, now, day.nextDayStart, day.limits, {
      newCardsFrom: settings.newCardsFrom,
    });
    return Object.entries({
      "done today": day.doneSql,
      "learning + due": sql.studied.sql,
      new: sql.fresh?.sql,
      "content stamp": contentStampQuery(QUEUE_USER).sql,
    }).flatMap(([name, statement]) => (statement ? [{ name, statement }] : []));
  };
  const inDb: number[] = [];
  const perStatement = new Map<string, number[]>();
  for (let i = 0; i < QUEUE_RUNS; i += 1) {
    let total = 0;
    for (const { name, statement } of await queueStatements()) {
      const result = await client.query<{ "QUERY PLAN": [{ "Planning Time": number; "Execution Time": number }] }>(
        `EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${statement.text}`,
        statement.values,
      );
      const plan = result.rows[0]?.["QUERY PLAN"][0];
      const time = (plan?.["Planning Time"] ?? 0) + (plan?.["Execution Time"] ?? 0);
      total += time;
      perStatement.set(name, [...(perStatement.get(name) ?? []), time]);
    }
    inDb.push(total);
  }
  if (process.env.BENCH_REVIEW_EXPLAIN) {
    // BENCH_REVIEW_EXPLAIN=1 prints each statement's plan once, to see where the time goes.
    for (const { name, statement } of await queueStatements()) {
      const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
      console.log(`\n--- ${name}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  console.log(`\n(a) today's queue, ${STATES.toLocaleString("en")} card states, ${(STATES * LOGS_PER_STATE).toLocaleString("en")} logs`);
  // The queue's target is p99 <= 5 ms of SQL on a quiet machine: say how quiet this one was.
  console.log(`    load average ${loadavg().map((l) => l.toFixed(2)).join(" / ")} (1 / 5 / 15 min) on ${cpus().length} cores`);
  console.log(`    queue: ${last.counts.learning} learning, ${last.counts.review} due, ${last.counts.new} new`);
  console.log(`    first call (no new-card bound yet, scans the notes in order): ${ms(cold)}`);
  console.log(line("    loadReviewQueue (whole call, Node + PostgreSQL)", wall.sort((a, b) => a - b)));
  console.log(line("    queue SQL in the database (all statements)", inDb.sort((a, b) => a - b)));
  for (const [name, times] of perStatement) {
    console.log(line(`      ${name}`, times.sort((a, b) => a - b)));
  }
}

// ------------------------------------------------------------------------------------ (b), (c) answers

interface LoadResult {
  answers: number;
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
}

async function makeUsers(client: pg.Client, prefix: string) {
  const users: { id: string; cookie: string }[] = [];
  for (let i = 0; i < USERS; i += 1) {
    const id = `${prefix}-${i}`;
    const email = `${id}@example.test`;
    await client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [id, email]);
    await client.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [id]);
    const token = await encode({ token: { sub: id, uid: id, sv: 0, sid: randomUUID(), email }, secret: SECRET });
    users.push({ id, cookie: `next-auth.session-token=${token}` });
  }
  return users;
}

function post(agent: http.Agent, url: URL, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { "Content-Type": "application/json", Origin: url.origin, Cookie: cookie, "Content-Length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * 50 users, each answering its cards one after another over its own keep-alive connection:
 * as fast as the server answers (closed loop), or, with `everyMs`, one answer per user every
 * `everyMs` (a set load, to read latency below saturation).
 */
async function runLoad(
  url: URL,
  users: { id: string; cookie: string }[],
  cardIds: string[],
  versions: Map<string, number>[],
  warmupMs: number,
  measureMs: number,
  everyMs = 0,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: USERS });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let measuring = false;
  let stop = false;
  let answers = 0;
  let counter = 0;
  const worker = async (user: { id: string; cookie: string }, offset: number) => {
    const known = versions[offset] ?? new Map<string, number>();
    versions[offset] = known;
    // Paced users start spread over one period, so the load is even.
    let nextSend = performance.now() + (everyMs * offset) / users.length;
    for (let i = known.size; !stop; i += 1) {
      if (everyMs > 0) {
        const wait = nextSend - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        nextSend += everyMs;
        if (stop) break;
      }
      const cardId = cardIds[(offset * 7 + i) % cardIds.length]!;
      counter += 1;
      const body = JSON.stringify({
        clientId: `bench-${user.id}-${counter}-${i}-${Math.random().toString(36).slice(2, 8)}`,
        cardId,
        rating: 1 + ((i * 7 + offset) % 4),
        version: known.get(cardId) ?? 0,
        answeredAt: Date.now(),
        durationMs: 2500,
      });
      const t = performance.now();
      const response = await post(agent, url, user.cookie, body);
      const elapsed = performance.now() - t;
      if (response.status === 200) known.set(cardId, (JSON.parse(response.text) as { version: number }).version);
      if (measuring && !stop) {
        latencies.push(elapsed);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 200) answers += 1;
      }
    }
  };
  const running = users.map((user, i) => worker(user, i));
  await new Promise((r) => setTimeout(r, warmupMs));
  measuring = true;
  const started = performance.now();
  await new Promise((r) => setTimeout(r, measureMs));
  stop = true;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(running);
  agent.destroy();
  return { answers, seconds, latencies: latencies.sort((a, b) => a - b), statuses };
}

function report(label: string, result: LoadResult): number {
  const rate = result.answers / result.seconds;
  const statuses = [...result.statuses].map(([s, n]) => `${s}×${n}`).join(", ");
  console.log(line(`    ${label}`, result.latencies, `   ${rate.toFixed(0)} answers/s   (${statuses})`));
  return rate;
}

// ------------------------------------------------------------------------------------ (c) minimal server

/**
 * The minimal server: node:http, a pg pool of 10 (as the app's), next-auth's JWT decode, then
 * the app's own context read (which checks the session too) and one-statement write
 * (app/lib/server/sql/answer.ts, imported, not copied), with the domain's scheduler.
 */
async function minimalServer(port: number) {
  const { decode } = await import("next-auth/jwt");
  const { randomUUID } = await import("node:crypto");
  const { Prisma } = await import("@/app/generated/prisma/client");
  const { applyGrade, newCardState } = await import("@/app/lib/domain/scheduling");
  const { answerContextQuery, answerSettingsOf, answerWriteQuery } = await import("@/app/lib/server/sql/answer");
  const { cardStateRowSchema, storedStateOf } = await import("@/app/lib/server/sql/card-state");
  const { previousJsonOf } = await import("@/app/lib/server/data/review-rows");
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  // As the app's rawRows: dates sent as UTC text, `timestamp` columns read as UTC.
  pg.types.setTypeParser(1114, (value: string) => new Date(`${value.replace(" ", "T")}Z`));
  const run = async <S extends z.ZodType>(query: TypedQuery<S>): Promise<z.infer<S>[]> => {
    const values = query.sql.values.map((v) => (v instanceof Date ? v.toISOString() : v));
    return (await pool.query({ text: query.sql.text, values })).rows as z.infer<S>[];
  };
  const server = http.createServer((request, response) => {
    let raw = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (raw += chunk));
    request.on("end", () => {
      void (async () => {
        const send = (status: number, body: unknown) => {
          response.writeHead(status, { "Content-Type": "application/json" });
          response.end(JSON.stringify(body));
        };
        try {
          const token = /next-auth\.session-token=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
          const jwt = token ? await decode({ token, secret: SECRET }) : null;
          const uid = typeof jwt?.uid === "string" ? jwt.uid : null;
          if (!uid) return send(401, { error: "Sign in" });
          const input = JSON.parse(raw) as { clientId: string; cardId: string; rating: 1 | 2 | 3 | 4; version: number; answeredAt: number; durationMs: number };
          // The app's own two statements (app/lib/server/sql/answer.ts), not a copy of them.
          const row = (await run(answerContextQuery(uid, input.cardId, input.clientId, "bench-session")))[0];
          // The session is checked in the same read, as the app does.
          if (!row || row.revoked || row.sessionVersion !== jwt?.sv) return send(401, { error: "Sign in" });
          if (!row.cardFound || !row.live) return send(404, { error: "Not found" });
          if (row.loggedCardId) return send(200, { duplicate: true });
          const version = row.hasState ? (row.version ?? 0) : 0;
          if (version !== input.version) return send(409, { error: "Conflict" });
          const now = new Date(Math.min(input.answeredAt, Date.now()));
          const before = row.hasState ? storedStateOf(cardStateRowSchema.parse(row)) : newCardState(now);
          const result = applyGrade(before, input.rating, answerSettingsOf(row), now);
          const written = await run(
            answerWriteQuery({
              userId: uid, cardId: input.cardId, clientId: input.clientId, logId: randomUUID(), currentVersion: version, result,
              due: Prisma.sql`${result.next.due}`, days: Prisma.sql`${result.next.scheduledDays}`, balanced: Prisma.empty,
              leech: false, suspend: false, durationMs: input.durationMs, previous: previousJsonOf(before), now: new Date(),
            }),
          );
          if (written.length === 0) return send(409, { error: "Conflict" });
          send(200, { duplicate: false, version: version + 1, due: written[0]?.due });
        } catch (error) {
          console.error(error);
          send(500, { error: "failed" });
        }
      })();
    });
  });
  server.listen(port, "127.0.0.1", () => console.log("minimal server ready"));
}

async function startMinimal(databaseUrl: string): Promise<{ url: URL; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", import.meta.filename, "--minimal-server", String(port)],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => /ready/.test(c.toString()) && resolve());
    child.on("exit", (code) => reject(new Error(`minimal server exited with ${code}`)));
  });
  return {
    url: new URL(`http://127.0.0.1:${port}/answer`),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

// ------------------------------------------------------------------------------------ main

async function main() {
  if (process.argv[2] === "--minimal-server") return minimalServer(Number(process.argv[3]));
  process.env.NEXT_DIST_DIR ??= ".next-review";
  const database = await benchDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await runContentSync(database.url, { quiet: true });
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET ??= SECRET;
    // BENCH_REVIEW_PART=answers skips (a) (generating a million logs takes most of a minute);
    // BENCH_REVIEW_PART=queue runs (a) only; BENCH_REVIEW_PART=balance runs (d) and (e) only,
    // BENCH_REVIEW_PART=balance-cost (e) only.
    const part = process.env.BENCH_REVIEW_PART;
    if (part === "balance-cost") {
      await generateHistory(client);
      await benchBalanceCost(client, QUEUE_USER);
      return;
    }
    if (part === "balance") {
      benchForecastSpread();
      await generateHistory(client);
      await benchBalanceCost(client, QUEUE_USER);
      return;
    }
    if (part !== "answers") {
      await generateHistory(client);
      await benchQueue(client);
      await benchBalanceCost(client, QUEUE_USER);
    }
    if (part !== "queue") benchForecastSpread();

    if (process.env.BENCH_REVIEW_PART === "queue") return;
    const cards = await client.query<{ id: string }>(
      `SELECT c.id FROM "Card" c JOIN "Paper" p ON p.id = c."paperId" WHERE p.area <> 'Bench' AND c."retiredAt" IS NULL ORDER BY c.id`,
    );
    const cardIds = cards.rows.map((r) => r.id);
    console.log(
      `\n(b)/(c) answers: ${USERS} concurrent users, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s each (after ${WARMUP_MS / 1000} s warm-up), ${cardIds.length} cards`,
    );

    // One after the other: if the app fails to build or start, no minimal server is left
    // holding database connections (which would keep the database from shutting down).
    const app = await serveApp(database.url);
    const minimal = await startMinimal(database.url).catch(async (error: unknown) => {
      await app.stop();
      throw error;
    });
    const appRuns: LoadResult[] = [];
    const minimalRuns: LoadResult[] = [];
    const appPaced: LoadResult[] = [];
    const minimalPaced: LoadResult[] = [];
    try {
      const appUsers = await makeUsers(client, "bench-app");
      const minimalUsers = await makeUsers(client, "bench-min");
      const appVersions: Map<string, number>[] = [];
      const minimalVersions: Map<string, number>[] = [];
      const appUrl = new URL(`${app.baseUrl}/api/review/answer`);
      for (let round = 0; round < ROUNDS; round += 1) {
        const warmup = round === 0 ? WARMUP_MS : 500;
        appRuns.push(await runLoad(appUrl, appUsers, cardIds, appVersions, warmup, ROUND_MS));
        minimalRuns.push(await runLoad(minimal.url, minimalUsers, cardIds, minimalVersions, warmup, ROUND_MS));
      }
      // Then a set load well below both servers' capacity: 50 users, one answer each every
      // PACED_EVERY_MS (faster than anyone reviews), for the latency a user would feel.
      for (let round = 0; round < ROUNDS; round += 1) {
        appPaced.push(await runLoad(appUrl, appUsers, cardIds, appVersions, 500, ROUND_MS, PACED_EVERY_MS));
        minimalPaced.push(await runLoad(minimal.url, minimalUsers, cardIds, minimalVersions, 500, ROUND_MS, PACED_EVERY_MS));
      }
    } finally {
      await Promise.all([app.stop(), minimal.stop()]);
    }
    const merge = (runs: LoadResult[]): LoadResult => ({
      answers: runs.reduce((a, r) => a + r.answers, 0),
      seconds: runs.reduce((a, r) => a + r.seconds, 0),
      latencies: runs.flatMap((r) => r.latencies).sort((a, b) => a - b),
      statuses: runs.reduce((m, r) => {
        for (const [k, v] of r.statuses) m.set(k, (m.get(k) ?? 0) + v);
        return m;
      }, new Map<number, number>()),
    });
    const appResult = merge(appRuns);
    const appRate = report("(b) next start, POST /api/review/answer", appResult);
    const minimalRate = report("(c) minimal node:http + pg + ts-fsrs", merge(minimalRuns));
    const logs = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "ReviewLog" WHERE "userId" LIKE 'bench-app-%'`);
    console.log(`    ratio (b)/(c): ${(appRate / minimalRate).toFixed(2)}×   app p95 ${ms(percentile(appResult.latencies, 95))}`);
    console.log(`\n    at a set load: ${USERS} users, one answer each every ${PACED_EVERY_MS} ms (${(USERS * 1000) / PACED_EVERY_MS} answers/s offered)`);
    report("(b) next start, POST /api/review/answer", merge(appPaced));
    report("(c) minimal node:http + pg + ts-fsrs", merge(minimalPaced));
    console.log(`    (the app wrote ${logs.rows[0]?.n} review logs in all, warm-up included)`);
  } finally {
    await client.end();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
