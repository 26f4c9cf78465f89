/**
 * The load suites' stack: one throwaway PostgreSQL (migrated, content synced) that can be
 * stopped and started again, and several app instances (scripts/server.ts on the
 * .next-suites build) sharing it, the way the app scales past one machine. Users are made in
 * the database with a spread of scheduler settings and get minted session cookies (sign-up
 * over HTTP is rate-limited per address).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../../prisma/schema-engine";
import { runContentSync } from "../../lib/content-sync-runner";
import { startThrowawayPostgres, type RestartableDatabase } from "../../lib/embedded-postgres";
import type { RunningApp } from "../../lib/next-app";
import { mintSession, serveSuiteApp } from "./stack";

// `timestamp` columns hold UTC (as Prisma writes them); pg would read them as local time.
pg.types.setTypeParser(1114, (value: string) => new Date(`${value.replace(" ", "T")}Z`));

export interface Account {
  id: string;
  email: string;
  token: string;
  /** The instance this user talks to (users are spread over the instances). */
  instance: number;
}

export interface Cluster {
  database: RestartableDatabase;
  apps: RunningApp[];
  secret: string;
  slugs: string[];
  /** Lines the servers wrote to stderr, by instance (warnings and logged errors). */
  serverLog: string[][];
  makeAccounts: (count: number, prefix: string) => Promise<Account[]>;
  /** A new client of the database (callers end it); the suites' own reads and the chaos admin. */
  connect: () => Promise<pg.Client>;
  stop: () => Promise<void>;
}

/**
 * Settings spread over the users, so that "state equals a replay of its log" is checked with
 * more than the defaults: no row at all, the defaults, no learning steps, fuzz and long steps,
 * the load balancer, and the load balancer with easy days.
 */
const SETTINGS_VARIANTS: (string | null)[] = [
  null,
  `INSERT INTO "UserSettings" ("userId", parameters, "newPerDay", "updatedAt") VALUES ($1, '{}', 200, now())`,
  `INSERT INTO "UserSettings" ("userId", parameters, "newPerDay", "desiredRetention", "learningSteps", "relearningSteps", "updatedAt")
   VALUES ($1, '{}', 200, 0.85, '{}', '{}', now())`,
  `INSERT INTO "UserSettings" ("userId", parameters, "newPerDay", "desiredRetention", "enableFuzz", "learningSteps", "updatedAt")
   VALUES ($1, '{}', 200, 0.95, true, '{2m,15m,1h}', now())`,
  // The load balancer moves review days (issue 15): the replay check must see them within range.
  `INSERT INTO "UserSettings" ("userId", parameters, "newPerDay", "enableFuzz", "loadBalance", "learningSteps", "relearningSteps", "updatedAt")
   VALUES ($1, '{}', 200, true, true, '{}', '{}', now())`,
  `INSERT INTO "UserSettings" ("userId", parameters, "newPerDay", "loadBalance", "easyDays", "learningSteps", "updatedAt")
   VALUES ($1, '{}', 200, true, '{1,1,0.5,1,1,0,0}', '{}', now())`,
];

export async function startCluster(label: string, instances: number): Promise<Cluster> {
  process.env.NEXT_DIST_DIR ??= ".next-suites";
  const database = await startThrowawayPostgres(`paperdeck-${label}`);
  const cleanups: (() => Promise<void>)[] = [database.stop];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error(e));
  };
  try {
    await applyMigrations(database.url);
    await runContentSync(database.url, { quiet: true });
    const secret = randomBytes(32).toString("base64url");
    const apps: RunningApp[] = [];
    const serverLog: string[][] = [];
    // One after the other: the first call builds when the build is stale, the next reuses it.
    for (let i = 0; i < instances; i += 1) {
      const log: string[] = [];
      serverLog.push(log);
      const app = await serveSuiteApp({
        databaseUrl: database.url,
        secret,
        label: `${label} #${i + 1}`,
        reuseBuild: i > 0,
        onStderr: (text) => log.push(...text.split("\n").filter((line) => line.trim() !== "")),
      });
      apps.push(app);
      cleanups.push(app.stop);
    }
    const connect = async () => {
      const client = new pg.Client({ connectionString: database.url });
      // A client cut off by the chaos suite must not crash this process.
      client.on("error", () => {});
      await client.connect();
      return client;
    };
    const setup = await connect();
    cleanups.push(() => setup.end());
    const papers = await setup.query<{ slug: string }>(
      `SELECT slug FROM "Paper" WHERE "retiredAt" IS NULL ORDER BY "sortKey"`,
    );
    const slugs = papers.rows.map((r) => r.slug);
    if (slugs.length === 0) throw new Error("no notes in the synced content");

    const makeAccounts = async (count: number, prefix: string): Promise<Account[]> => {
      const accounts: Account[] = [];
      for (let i = 0; i < count; i += 1) {
        const id = `${prefix}${i}x${randomBytes(4).toString("hex")}`;
        const email = `${id}@load.test`;
        await setup.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [
          id,
          email,
        ]);
        const settings = SETTINGS_VARIANTS[i % SETTINGS_VARIANTS.length];
        if (settings) await setup.query(settings, [id]);
        accounts.push({
          id,
          email,
          token: await mintSession(secret, { id, email }),
          instance: i % instances,
        });
      }
      return accounts;
    };
    return { database, apps, secret, slugs, serverLog, makeAccounts, connect, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
