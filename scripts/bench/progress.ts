/**
 * `npm run bench:progress`: the time to build the /progress dashboard (every statistic:
 * heatmap, streak, today, forecast, true retention, forgetting curve, mastery map, quiz trend)
 * for a user with 1,000,000 review logs over three years, made with generate_series in a
 * throwaway database. Figures only; the target is ≤ 500 ms. The main line reads the closed study
 * days from `ProgressCache` (written by the first, cold dashboard); the rebuild line drops that
 * cache before each run.
 */
import { performance } from "node:perf_hooks";
import { ms, percentile, withBenchDatabase } from "./lib/bench-db";

const LOGS = Number(process.env.BENCH_LOGS ?? 1_000_000);
const DAYS = 3 * 365;
const RUNS = 20;

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(44)} p50 ${ms(percentile(sorted, 50)).padStart(9)}   p95 ${ms(percentile(sorted, 95)).padStart(9)}   max ${ms(sorted[sorted.length - 1] ?? NaN).padStart(9)}   (${samples.length} runs)`;
}

async function main() {
  await withBenchDatabase(async ({ client }) => {
    const now = new Date("2026-11-20T15:00:00Z");

    const started = performance.now();
    await client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ('bench-user', 'bench-progress@example.test', now()), ('other-user', 'other@example.test', now())`);
    await client.query(`INSERT INTO "UserSettings" ("userId", "timeZone", "dayStartHour", parameters, "updatedAt") VALUES ('bench-user', 'America/New_York', 4, '{}', now()), ('other-user', 'UTC', 4, '{}', now())`);
    // Every live card studied, in review, last seen within 60 days.
    await client.query(
      `INSERT INTO "CardState" ("userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview", "updatedAt")
       SELECT 'bench-user', c.id, $1::timestamp + make_interval(days => (abs(hashtext(c.id)) % 60) - 10), 5 + abs(hashtext(c.id)) % 100, 5, 10, 20, 0, 30, 2, 2,
              $1::timestamp - make_interval(days => abs(hashtext(c.id || 'x')) % 60), now()
         FROM "Card" c WHERE c."retiredAt" IS NULL`,
      [now],
    );
    // A million reviews over three years, most in review state, a tenth failed.
    await client.query(
      `INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays",
                                "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous, "createdAt")
       SELECT 'r' || g, 'c' || g, 'bench-user', cards.ids[1 + g % cards.n],
              CASE WHEN g % 10 = 0 THEN 1 ELSE 2 + g % 3 END,
              CASE WHEN g % 13 = 0 THEN 0 WHEN g % 17 = 0 THEN 1 WHEN g % 19 = 0 THEN 3 ELSE 2 END,
              $1::timestamp, 1 + g % 90, 5, g % 60, 0, g % 45, 0,
              $1::timestamp - make_interval(secs => (g::double precision / $2) * $3 * 86400),
              3000 + g % 9000, '{}'::jsonb, now()
         FROM generate_series(1, $2::int) AS g,
              (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "Card" WHERE "retiredAt" IS NULL) AS cards`,
      [now, LOGS, DAYS],
    );
    // Someone else's reviews in the same table.
    await client.query(
      `INSERT INTO "ReviewLog" (id, "clientId", "userId", "cardId", rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays",
                                "scheduledDays", "learningSteps", "reviewedAt", "durationMs", previous, "createdAt")
       SELECT 'o' || g, 'o' || g, 'other-user', (SELECT id FROM "Card" LIMIT 1), 3, 2, $1::timestamp, 10, 5, 5, 0, 10, 0,
              $1::timestamp - make_interval(mins => g), 1000, '{}'::jsonb, now()
         FROM generate_series(1, 100000) AS g`,
      [now],
    );
    await client.query(
      `INSERT INTO "QuizAttempt" (id, "userId", scope, title, seed, mode, "questionIds", score, "startedAt", "finishedAt")
       SELECT 'q' || g, 'bench-user', '{"kind":"weak"}', 'Weak spots', 's', 'each', '{}', (g % 10) / 10.0,
              $1::timestamp - make_interval(days => 300 - g), $1::timestamp - make_interval(days => 300 - g)
         FROM generate_series(1, 300) AS g`,
      [now],
    );
    await client.query(`VACUUM ANALYZE`);
    console.log(`history: ${LOGS.toLocaleString("en")} review logs over ${DAYS} days (+100,000 of another user), generated in ${ms(performance.now() - started)}`);

    const { getProgressDashboard } = await import("@/app/lib/server/data/progress");
    const { db } = await import("@/app/lib/server/db");
    const first = performance.now();
    const dashboard = await getProgressDashboard("bench-user", now);
    const cold = performance.now() - first;
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      await getProgressDashboard("bench-user", now);
      samples.push(performance.now() - t);
    }
    // The cache of closed study days dropped before each run: the first dashboard of a user
    // after an import, a wipe or a change of time zone.
    const rebuilt: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await client.query(`DELETE FROM "ProgressCache" WHERE "userId" = 'bench-user'`);
      const t = performance.now();
      await getProgressDashboard("bench-user", now);
      rebuilt.push(performance.now() - t);
    }
    // The next day: the cache grows by one study day.
    const nextDay = new Date(now.getTime() + 86_400_000);
    const t = performance.now();
    await getProgressDashboard("bench-user", nextDay);
    const grown = performance.now() - t;
    console.log(`check: ${dashboard.totalReviews.toLocaleString("en")} reviews counted, streak ${dashboard.streak.current} days, year retention ${((dashboard.retention.year.total.retention ?? 0) * 100).toFixed(1)}%, ${dashboard.calibration.length} curve points, ${dashboard.mastery.length} notes\n`);
    console.log(summary("first dashboard (cold caches)", [cold]));
    console.log(summary("dashboard for 1,000,000 review logs", samples));
    console.log(summary("  with the closed days' cache rebuilt", rebuilt));
    console.log(summary("  the next day (cache grown by a day)", [grown]));
    console.log(`\ntarget: ≤ 500 ms`);
    if (process.env.BENCH_EXPLAIN) {
      const day = `((("reviewedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York') - make_interval(hours => 4))::date`;
      for (const sql of [
        `SELECT ${day} AS day, count(*), sum("durationMs") FROM "ReviewLog" WHERE "userId" = 'bench-user' GROUP BY 1`,
        `SELECT count(*) FROM (SELECT "cardId", ${day}, min("reviewedAt") FROM "ReviewLog" WHERE "userId" = 'bench-user' AND state = 2 GROUP BY 1, 2) x`,
        `SELECT LEAST("elapsedDays", 400), round(ln(stability) * 8)::int, count(*) FROM "ReviewLog" WHERE "userId" = 'bench-user' AND state = 2 AND stability > 0 GROUP BY 1, 2`,
      ]) {
        const plan = await client.query(`EXPLAIN ANALYZE ${sql}`);
        console.log(plan.rows.map((r: Record<string, string>) => Object.values(r)[0]).join("\n") + "\n");
      }
    }
    await db.$disconnect();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
