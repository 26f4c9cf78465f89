/**
 * The part of a load run the load and chaos suites share: the command line, the simulated
 * users spread over the instances, and the report (figures per endpoint, then the invariants).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { AnswerLedger } from "./answer-outbox";
import type { Account, Cluster } from "./cluster";
import { SiteClient } from "./http-client";
import { checkAnswerLog } from "./invariants";
import { endpointTable, Metrics } from "./metrics";
import { prng, seedFromArgs } from "./prng";
import { quizActions, SimUser } from "./sim-user";

export interface LoadArgs {
  seconds: number;
  users: number;
  seed: number;
}

function numberArg(argv: string[], flag: string, fallback: number): number {
  const i = argv.indexOf(flag);
  const given =
    i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  const value = given === undefined ? fallback : Number(given);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${flag} must be a positive number, not ${given}`);
  return value;
}

export function loadArgs(argv: string[], defaults: { seconds: number; users: number }): LoadArgs {
  return {
    seconds: numberArg(argv, "--seconds", defaults.seconds),
    users: Math.round(numberArg(argv, "--users", defaults.users)),
    seed: seedFromArgs(argv),
  };
}

/** Warm-up before the measured window: the first requests render each note once, fill caches. */
export const warmupSeconds = (seconds: number) => Math.min(5, Math.max(2, seconds / 10));

/**
 * One request to each page and route on each instance, unmeasured: the first request of each
 * loads its code and renders its note, seconds on this machine, which is not the steady state.
 */
export async function warmUp(cluster: Cluster, account: Account): Promise<void> {
  const scratch = new Metrics();
  for (const [i, app] of cluster.apps.entries()) {
    const client = new SiteClient(app.baseUrl, account.token, scratch, i);
    const paths = [
      "/",
      "/quizzes",
      "/progress",
      "/review",
      "/api/review/queue",
      ...cluster.slugs.slice(0, 3).map((s) => `/papers/${s}`),
    ];
    await Promise.all(paths.map((p) => client.get("warm-up", p)));
  }
}

/**
 * Runs the users until `warmup + seconds` have passed, then lets each send its pending answers
 * (up to `drainSeconds` more). The metrics' measured window is set to the `seconds` after warm-up.
 */
export async function simulate(
  cluster: Cluster,
  accounts: readonly Account[],
  metrics: Metrics,
  options: LoadArgs & { drainSeconds: number },
): Promise<SimUser[]> {
  const random = prng(options.seed);
  const actions = quizActions();
  const now = performance.now();
  const warmup = warmupSeconds(options.seconds) * 1000;
  metrics.measureFrom = now + warmup;
  metrics.measureTo = now + warmup + options.seconds * 1000;
  const sims = accounts.map((account) => {
    const app = cluster.apps[account.instance]!;
    const client = new SiteClient(app.baseUrl, account.token, metrics, account.instance);
    return new SimUser(account.id, client, actions, {
      slugs: cluster.slugs,
      random: prng(Math.floor(random() * 2 ** 31)),
      deadline: metrics.measureTo,
      drainDeadline: metrics.measureTo + options.drainSeconds * 1000,
    });
  });
  // Users arrive over the first second rather than all at once.
  await Promise.all(
    sims.map(async (sim, i) => {
      await new Promise((r) => setTimeout(r, (1000 * i) / sims.length));
      await sim.run();
    }),
  );
  return sims;
}

export interface Verdict {
  failures: string[];
  lines: string[];
}

/** Prints the figures and checks the invariants; `extra` ledgers (e.g. none) join the users'. */
export async function report(
  cluster: Cluster,
  sims: readonly SimUser[],
  metrics: Metrics,
  seconds: number,
): Promise<Verdict> {
  const failures: string[] = [];
  const lines: string[] = [];
  const measured = metrics.measured();
  lines.push(endpointTable(measured, seconds));
  const byInstance = cluster.apps.map((_, i) => measured.filter((s) => s.instance === i).length);
  lines.push(`requests by instance: ${byInstance.map((n, i) => `#${i + 1} ${n}`).join(", ")}`);
  const ledgers = new Map<string, AnswerLedger>(sims.map((s) => [s.userId, s.ledger]));
  const acked = sims.reduce((n, s) => n + s.ledger.acked.size, 0);
  const refused = sims.reduce((n, s) => n + s.ledger.refused.size, 0);
  const undone = sims.reduce((n, s) => n + s.ledger.undone.size, 0);
  const duplicates = sims.reduce((n, s) => n + s.ledger.duplicates, 0);
  const retries = sims.reduce((n, s) => n + s.ledger.retries, 0);
  const quizzes = sims.reduce((n, s) => n + s.quizzesFinished, 0);
  lines.push(
    `answers: ${acked} acknowledged (${duplicates} of the acknowledgements were for resends or double sends), ${undone} undone, ${refused} refused (409/404), ${retries} sends kept and retried; ${quizzes} quizzes finished`,
  );
  const undrained = sims.filter((s) => s.undrained > 0);
  if (undrained.length > 0) {
    failures.push(
      `${undrained.reduce((n, s) => n + s.undrained, 0)} answers still unacknowledged at the end (${undrained.length} users)`,
    );
  }
  const db = await cluster.connect();
  try {
    const check = await checkAnswerLog(db, ledgers);
    lines.push(
      `invariants: ${check.expectedLogs} answers expected in ReviewLog, ${check.foundLogs} found; ${check.states} card states replayed (${check.broughtForward} brought forward by a missed quiz question, ${check.balanced} moved by the load balancer / easy days within their fuzz range); ${check.violations.length} violations`,
    );
    failures.push(...check.violations);
  } finally {
    await db.end();
  }
  cluster.apps.forEach((app, i) => {
    const code = app.exitCode();
    if (code !== null) failures.push(`app instance #${i + 1} exited with ${code}`);
  });
  return { failures, lines };
}

/**
 * Server stderr: the expected pool warnings counted, every other line kept in a file (the
 * path is printed) and summed up by its distinct error lines.
 */
export function serverErrors(
  cluster: Cluster,
  label: string,
): { warnings: number; errors: string[]; file: string; summary: string[] } {
  let warnings = 0;
  const errors: string[] = [];
  cluster.serverLog.forEach((log, i) => {
    for (const line of log) {
      if (line.includes("[db] idle connection lost")) warnings += 1;
      else errors.push(`#${i + 1}: ${line}`);
    }
  });
  const file = path.join(os.tmpdir(), `paperdeck-${label}-server-stderr.log`);
  writeFileSync(file, errors.join("\n") + "\n");
  const counts = new Map<string, number>();
  for (const line of errors) {
    if (!/⨯|Error|Invalid `|at async .*app\//.test(line)) continue;
    const key = line
      .replace(/digest: '\d+'/, "")
      .replace(/127\.0\.0\.1:\d+/, "db")
      .trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const summary = [...counts]
    .sort(([, a], [, b]) => b - a)
    .slice(0, 25)
    .map(([line, n]) => `${String(n).padStart(5)} × ${line}`);
  return { warnings, errors, file, summary };
}
