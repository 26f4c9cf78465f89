/**
 * The built app for browser tests and benchmarks: `next build` when the build is missing or
 * older than the sources, then the production server (scripts/server.ts) on a free port against the given database.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "./embedded-postgres";
import { newestSourceTime } from "./source-times";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** Next's CLI, run with this Node (so that Node flags such as --cpu-prof can be given). */
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
/** The production server (scripts/server.ts: Next behind Node's HTTP server), as Node arguments. */
export const SERVER = ["--import", "tsx", path.join(ROOT, "scripts", "server.ts")];

function buildIsStale(): boolean {
  const marker = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  return !existsSync(marker) || newestSourceTime(ROOT) > statSync(marker).mtimeMs;
}

/**
 * `next build` with another distDir adds that folder's types to tsconfig.json: put the file back
 * as it was, its modification time too (a newer tsconfig.json would make the build look stale).
 */
async function keepingTsconfig<T>(build: () => Promise<T>): Promise<T> {
  const file = path.join(ROOT, "tsconfig.json");
  const text = readFileSync(file, "utf8");
  const { atime, mtime } = statSync(file);
  try {
    return await build();
  } finally {
    if (readFileSync(file, "utf8") !== text) {
      writeFileSync(file, text);
      utimesSync(file, atime, mtime);
    }
  }
}

export interface RunningApp {
  baseUrl: string;
  stop: () => Promise<void>;
  /** The server's exit code, or null while it runs (the chaos suite checks that none crashed). */
  exitCode: () => number | null;
}

export async function serveBuiltApp(options: {
  databaseUrl?: string;
  secret: string;
  label: string;
  /** Node flags for the server process (e.g. --cpu-prof), which NODE_OPTIONS may not carry. */
  nodeArgs?: string[];
  /** Use the build as it is unless it is missing: a second instance of one run must not rebuild
   *  (and run another build) because sources were edited meanwhile. */
  reuseBuild?: boolean;
  /** Receives the server's stderr instead of this process's stderr (the load suites sort its lines). */
  onStderr?: (text: string) => void;
}): Promise<RunningApp> {
  const env = {
    ...process.env,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: options.secret,
  };
  const missing = !existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"));
  if (options.reuseBuild ? missing : buildIsStale()) {
    console.log(`[${options.label}] building the app (next build)…`);
    const started = Date.now();
    // Not spawnSync: a blocked event loop would stall other work in this process (such as
    // another Vitest project's database setup).
    const status = await keepingTsconfig(
      () =>
        new Promise<number | null>((resolve) => {
          spawn(process.execPath, [NEXT, "build"], { cwd: ROOT, env, stdio: "inherit" }).on("exit", resolve);
        }),
    );
    if (status !== 0) throw new Error("next build failed");
    console.log(`[${options.label}] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...(options.nodeArgs ?? []), ...SERVER, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...env, NEXTAUTH_URL: baseUrl },
    stdio: ["ignore", "pipe", options.onStderr ? "pipe" : "inherit"],
  });
  const onStderr = options.onStderr;
  if (onStderr) server.stderr?.on("data", (chunk: Buffer) => onStderr(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("next start did not become ready in 60 s")), 60_000);
    server.stdout?.on("data", (chunk: Buffer) => {
      if (/Ready|started server/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on("exit", (code) => reject(new Error(`next start exited with ${code}`)));
  });
  return {
    baseUrl,
    exitCode: () => server.exitCode ?? (server.signalCode ? 128 : null),
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    },
  };
}
