/**
 * The chaos suite's disruptions of PostgreSQL: every `killEveryMs` the app's connections are
 * terminated from a separate admin connection, and once the server is stopped (fast shutdown)
 * and started again on the same port and data. Times are performance.now() values.
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { Cluster } from "./cluster";

export interface Outage {
  /** When the stop was asked for and when PostgreSQL had stopped. */
  downAt: number;
  stoppedAt: number;
  /** When PostgreSQL accepted connections again. */
  upAt: number;
}

export interface ChaosLog {
  kills: { at: number; terminated: number }[];
  outage: Outage | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ChaosMonkey {
  readonly log: ChaosLog = { kills: [], outage: null };
  private admin: pg.Client | null = null;
  private down = false;
  /** Resolves when PostgreSQL is down, and when it is back. */
  readonly wentDown: Promise<void>;
  readonly cameBack: Promise<void>;
  private markDown: () => void = () => {};
  private markUp: () => void = () => {};

  constructor(private readonly cluster: Cluster) {
    this.wentDown = new Promise((r) => (this.markDown = r));
    this.cameBack = new Promise((r) => (this.markUp = r));
  }

  private async adminClient(): Promise<pg.Client> {
    this.admin ??= await this.cluster.connect();
    return this.admin;
  }

  /** Terminates every other backend of the app's database (the app's pooled connections). */
  async killConnections(): Promise<void> {
    if (this.down) return;
    try {
      const admin = await this.adminClient();
      const result = await admin.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      this.log.kills.push({ at: performance.now(), terminated: result.rows[0]?.n ?? 0 });
    } catch (error) {
      // The admin connection itself was lost (a restart): a new one next time.
      await this.admin?.end().catch(() => {});
      this.admin = null;
      console.warn(
        `[chaos] kill skipped: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Stops PostgreSQL, keeps it down for `downMs`, starts it again. */
  async restart(downMs: number): Promise<Outage> {
    const downAt = performance.now();
    this.down = true;
    await this.admin?.end().catch(() => {});
    this.admin = null;
    await this.cluster.database.halt();
    const stoppedAt = performance.now();
    this.markDown();
    await sleep(downMs);
    await this.cluster.database.resume();
    const upAt = performance.now();
    this.down = false;
    this.log.outage = { downAt, stoppedAt, upAt };
    this.markUp();
    return this.log.outage;
  }

  /** Kills every `killEveryMs` from `from` to `until`, and restarts once at `restartAt`. */
  async run(options: {
    from: number;
    until: number;
    killEveryMs: number;
    restartAt: number;
    downMs: number;
  }): Promise<void> {
    let nextKill = options.from + options.killEveryMs;
    let restarted = false;
    while (performance.now() < options.until) {
      const now = performance.now();
      if (!restarted && now >= options.restartAt) {
        restarted = true;
        await this.restart(options.downMs);
        continue;
      }
      if (now >= nextKill) {
        nextKill += options.killEveryMs;
        await this.killConnections();
      }
      await sleep(50);
    }
    await this.admin?.end().catch(() => {});
    this.admin = null;
  }
}
