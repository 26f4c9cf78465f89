/**
 * `npm run test:load [-- --seconds 60 --users 30 --seed N]`: simulated users review, take
 * quizzes and browse against two app instances (scripts/server.ts on the production build)
 * sharing one PostgreSQL, the way the app scales past one machine. Prints requests/s and
 * p50/p95/p99 per endpoint; fails on any 5xx, on any acknowledged answer missing from the
 * review log or logged twice, and on any card state that differs from a replay of its log.
 * CI runs it for 20 s (scripts/test.ts).
 */
import { startCluster } from "./lib/cluster";
import { loadArgs, report, serverErrors, simulate, warmUp, warmupSeconds } from "./lib/load-run";
import { Metrics } from "./lib/metrics";

const INSTANCES = 2;

async function main(): Promise<number> {
  const args = loadArgs(process.argv.slice(2), { seconds: 60, users: 30 });
  console.log(
    `[load] ${args.users} users over ${INSTANCES} instances sharing one PostgreSQL, ${warmupSeconds(args.seconds)} s warm-up + ${args.seconds} s measured, seed ${args.seed}`,
  );
  const cluster = await startCluster("load", INSTANCES);
  try {
    const accounts = await cluster.makeAccounts(args.users, "load");
    await warmUp(cluster, accounts[0]!);
    const metrics = new Metrics();
    const sims = await simulate(cluster, accounts, metrics, { ...args, drainSeconds: 15 });
    const verdict = await report(cluster, sims, metrics, args.seconds);
    console.log(`\n${verdict.lines.join("\n")}`);
    const fiveXx = metrics.serverErrors();
    if (fiveXx.length > 0) {
      const byEndpoint = new Map<string, number>();
      for (const s of fiveXx)
        byEndpoint.set(
          `${s.endpoint} ${s.status}`,
          (byEndpoint.get(`${s.endpoint} ${s.status}`) ?? 0) + 1,
        );
      verdict.failures.unshift(
        `${fiveXx.length} server errors (warm-up included): ${[...byEndpoint].map(([k, n]) => `${k} ×${n}`).join(", ")}`,
      );
    }
    const network = metrics.samples.filter((s) => s.status === 0).length;
    if (network > 0)
      verdict.failures.push(`${network} requests got no answer (network error or 20 s timeout)`);
    const logged = serverErrors(cluster, "load");
    if (logged.errors.length > 0) {
      console.log(
        `\nserver stderr: ${logged.errors.length} lines in ${logged.file}\n${logged.summary.join("\n")}`,
      );
    }
    if (verdict.failures.length > 0) {
      console.error(
        `\n✖ load: ${verdict.failures.length} failures\n${verdict.failures
          .slice(0, 40)
          .map((f) => `  - ${f}`)
          .join("\n")}`,
      );
      return 1;
    }
    console.log(
      `\n✔ load: no 5xx, every acknowledged answer logged once, every state equals its replay (seed ${args.seed})`,
    );
    return 0;
  } finally {
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
