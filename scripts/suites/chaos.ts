/**
 * `npm run test:chaos [-- --seconds 60 --users 20 --seed N]`: the load of `test:load` (two
 * instances, one PostgreSQL) while the app's database connections are killed every 5 s and
 * PostgreSQL is stopped and started again once, with a real review page in Chromium answering
 * cards with the keyboard through the outage. Fails on any 5xx other than 503, on a request
 * left unanswered, when the first 2xx after PostgreSQL is back comes later than 1 s, when the
 * page or a simulated user still holds unsent answers at the end, when an app process exits,
 * and on the invariants of test:load (every acknowledged answer logged once, every state equal
 * to a replay of its log).
 */
import { performance } from "node:perf_hooks";
import { ChaosMonkey } from "./lib/chaos-monkey";
import { startCluster, type Cluster } from "./lib/cluster";
import { SiteClient } from "./lib/http-client";
import { checkReplay } from "./lib/invariants";
import { loadArgs, report, serverErrors, simulate, warmUp, warmupSeconds } from "./lib/load-run";
import { Metrics, type Sample } from "./lib/metrics";
import { ReviewBrowser } from "./lib/review-browser";

const INSTANCES = 2;
const KILL_EVERY_MS = 5_000;
const DOWN_MS = 3_000;
const RECOVERY_LIMIT_MS = 1_000;
/** Endpoints that need the database (the recovery is read from these, not from static pages). */
const DATABASE_ENDPOINTS = new Set([
  "GET /api/health",
  "GET /api/review/queue",
  "POST /api/review/answer",
]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * GET /api/health on every instance: every 250 ms, and every 50 ms without waiting for the
 * previous answer from the outage until 3 s after it (`around()`), so that the first 2xx after
 * PostgreSQL is back is seen when it happens, not when a slow 503 has come back.
 */
async function probe(
  cluster: Cluster,
  token: string,
  metrics: Metrics,
  until: number,
  around: () => boolean,
): Promise<void> {
  const inFlight: Promise<unknown>[] = [];
  await Promise.all(
    cluster.apps.map(async (app, i) => {
      const client = new SiteClient(app.baseUrl, token, metrics, i);
      while (performance.now() < until) {
        if (around()) {
          inFlight.push(client.get("GET /api/health", "/api/health"));
          await sleep(50);
        } else {
          await client.get("GET /api/health", "/api/health");
          await sleep(250);
        }
      }
    }),
  );
  await Promise.all(inFlight);
}

function statusCounts(samples: readonly Sample[]): string {
  const counts = new Map<number, number>();
  for (const s of samples) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s === 0 ? "net" : s}×${n}`)
    .join(" ");
}

async function main(): Promise<number> {
  const args = loadArgs(process.argv.slice(2), { seconds: 60, users: 20 });
  console.log(
    `[chaos] ${args.users} users over ${INSTANCES} instances, ${warmupSeconds(args.seconds)} s warm-up + ${args.seconds} s; connections killed every ${KILL_EVERY_MS / 1000} s, PostgreSQL down ${DOWN_MS / 1000} s once; a Chromium review page; seed ${args.seed}`,
  );
  const cluster = await startCluster("chaos", INSTANCES);
  const failures: string[] = [];
  let browser: ReviewBrowser | null = null;
  try {
    const accounts = await cluster.makeAccounts(args.users, "chaos");
    const [browserAccount] = await cluster.makeAccounts(1, "chaosbrowser");
    if (!browserAccount) throw new Error("no browser account");
    await warmUp(cluster, accounts[0]!);
    browser = new ReviewBrowser(cluster.apps[0]!.baseUrl, browserAccount);
    await browser.open();

    const metrics = new Metrics();
    const monkey = new ChaosMonkey(cluster);
    const running = simulate(cluster, accounts, metrics, { ...args, drainSeconds: 30 });
    const from = metrics.measureFrom;
    const until = metrics.measureTo;
    const restartAt = from + args.seconds * 400;
    const chaos = monkey.run({
      from,
      until,
      killEveryMs: KILL_EVERY_MS,
      restartAt,
      downMs: DOWN_MS,
    });
    const around = () => {
      const now = performance.now();
      return (
        now >= restartAt && (monkey.log.outage === null || now < monkey.log.outage.upAt + 3_000)
      );
    };
    const probing = probe(cluster, accounts[0]!.token, metrics, until, around);
    const page = browser;
    const browsing = (async () => {
      await sleep(Math.max(0, from - performance.now()) + 2_000);
      await page.answer(2);
      await monkey.wentDown;
      await sleep(300);
      await page.answer(3);
      page.result.showedPending = await page.pendingShown();
      await monkey.cameBack;
      await page.waitDrained(monkey.log.outage?.upAt ?? performance.now(), 30_000);
      await page.answer(2);
      await page.waitDrained(performance.now(), 30_000);
    })();
    const sims = await running;
    await Promise.all([chaos, probing, browsing]);

    const verdict = await report(cluster, sims, metrics, args.seconds);
    console.log(`\n${verdict.lines.join("\n")}`);
    failures.push(...verdict.failures);

    // ----------------------------------------------------------------- the outage
    const outage = monkey.log.outage;
    const kills = monkey.log.kills;
    console.log(
      `\nconnection kills: ${kills.length} (${kills.map((k) => k.terminated).join(", ")} backends terminated)`,
    );
    if (!outage) {
      failures.push("PostgreSQL was never restarted (the run was too short?)");
    } else {
      const during = metrics.samples.filter(
        (s) => s.start >= outage.stoppedAt && s.end <= outage.upAt,
      );
      const databaseDuring = during.filter((s) => DATABASE_ENDPOINTS.has(s.endpoint));
      console.log(
        `PostgreSQL stopped in ${(outage.stoppedAt - outage.downAt).toFixed(0)} ms, down ${((outage.upAt - outage.stoppedAt) / 1000).toFixed(1)} s; requests while down: ${during.length} (${statusCounts(during)}), of which to database routes: ${statusCounts(databaseDuring)}`,
      );
      const wrong = during.filter((s) => s.status !== 503 && DATABASE_ENDPOINTS.has(s.endpoint));
      if (wrong.length > 0)
        failures.push(
          `${wrong.length} database requests while PostgreSQL was down were not 503: ${statusCounts(wrong)}`,
        );
      cluster.apps.forEach((_, i) => {
        // The first database-route 2xx answered after PostgreSQL was back, among requests sent
        // once it had stopped (so their database work can only have happened after it was back).
        const first = metrics.samples
          .filter(
            (s) =>
              s.instance === i &&
              s.status >= 200 &&
              s.status < 300 &&
              s.start >= outage.stoppedAt &&
              s.end >= outage.upAt &&
              DATABASE_ENDPOINTS.has(s.endpoint),
          )
          .sort((a, b) => a.end - b.end)[0];
        const recovery = first ? first.end - outage.upAt : Number.POSITIVE_INFINITY;
        // What the instance answered between PostgreSQL being back and its first 2xx.
        const before = metrics.samples.filter(
          (s) =>
            s.instance === i &&
            s.end >= outage.upAt &&
            s.end < (first?.end ?? Infinity) &&
            DATABASE_ENDPOINTS.has(s.endpoint),
        );
        console.log(
          `instance #${i + 1}: first 2xx ${recovery.toFixed(0)} ms after PostgreSQL was back (${first?.endpoint ?? "none"}, sent at ${first ? (first.start - outage.upAt).toFixed(0) : "-"} ms, took ${first ? (first.end - first.start).toFixed(0) : "-"} ms); before it: ${statusCounts(before) || "nothing"}`,
        );
        if (process.env.CHAOS_TIMELINE) {
          for (const s of before) {
            console.log(
              `    ${(s.start - outage.upAt).toFixed(0)} → ${(s.end - outage.upAt).toFixed(0)} ms ${s.status} ${s.endpoint}`,
            );
          }
        }
        if (recovery > RECOVERY_LIMIT_MS)
          failures.push(
            `instance #${i + 1} took ${recovery.toFixed(0)} ms to answer 2xx after PostgreSQL was back (limit ${RECOVERY_LIMIT_MS})`,
          );
      });
    }
    const notServiceUnavailable = metrics.samples.filter(
      (s) => s.status >= 500 && s.status !== 503,
    );
    if (notServiceUnavailable.length > 0) {
      const by = new Map<string, number>();
      for (const s of notServiceUnavailable)
        by.set(`${s.endpoint} ${s.status}`, (by.get(`${s.endpoint} ${s.status}`) ?? 0) + 1);
      failures.push(
        `${notServiceUnavailable.length} server errors other than 503: ${[...by].map(([k, n]) => `${k} ×${n}`).join(", ")}`,
      );
    }
    const unanswered = metrics.samples.filter((s) => s.status === 0);
    if (unanswered.length > 0)
      failures.push(
        `${unanswered.length} requests got no answer at all (network error or timeout)`,
      );
    const all503 = metrics.samples.filter((s) => s.status === 503).length;
    console.log(`503s in all: ${all503} (the outage and the killed connections)`);

    // ----------------------------------------------------------------- the browser
    const b = browser.result;
    console.log(
      `review page: ${b.answered.length} cards answered with the keyboard (3 during the outage), pending notice shown during the outage: ${b.showedPending}, everything sent ${b.drainedAfterMs === null ? "never" : `${(b.drainedAfterMs / 1000).toFixed(1)} s after PostgreSQL was back`}`,
    );
    if (b.error) failures.push(`review page: ${b.error}`);
    if (!b.showedPending)
      failures.push("review page: no pending-answers notice while PostgreSQL was down");
    const db = await cluster.connect();
    try {
      const logged = await db.query<{ cardId: string }>(
        `SELECT "cardId" FROM "ReviewLog" WHERE "userId" = $1 ORDER BY "cardId"`,
        [browserAccount.id],
      );
      const want = [...b.answered].sort();
      const got = logged.rows.map((r) => r.cardId);
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        failures.push(
          `review page: answered ${want.length} cards, ReviewLog holds ${got.length}: ${JSON.stringify({ want, got })}`,
        );
      }
      const replay = await checkReplay(db, [browserAccount.id]);
      failures.push(...replay.violations);
    } finally {
      await db.end();
    }

    const logged = serverErrors(cluster, "chaos");
    console.log(
      `server stderr: ${logged.warnings} "idle connection lost" warnings, ${logged.errors.length} other lines (in ${logged.file})\n${logged.summary.join("\n")}`,
    );
    if (failures.length > 0) {
      console.error(
        `\n✖ chaos: ${failures.length} failures\n${failures
          .slice(0, 40)
          .map((f) => `  - ${f}`)
          .join("\n")}`,
      );
      return 1;
    }
    console.log(
      `\n✔ chaos: only 503s while down, recovered within ${RECOVERY_LIMIT_MS} ms, nothing lost or doubled, no crash (seed ${args.seed})`,
    );
    return 0;
  } finally {
    await browser?.close();
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
