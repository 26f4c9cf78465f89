/**
 * Vitest global setup for browser tests: builds the app when the build is missing or older
 * than the sources, then serves it with `next start` on a free port against the test database.
 */
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { newestSourceTime } from "../../scripts/lib/source-times";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const NEXT = path.join(ROOT, "node_modules", ".bin", "next");

function buildIsStale(): boolean {
  const marker = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(marker)) return true;
  return newestSourceTime(ROOT) > statSync(marker).mtimeMs;
}

export default async function setup(project: TestProject) {
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
  };
  if (buildIsStale()) {
    console.log("[e2e] building the app (next build)…");
    const started = Date.now();
    // Not spawnSync: a blocked event loop would stall the other projects' database setup.
    const status = await new Promise<number | null>((resolve) => {
      spawn(NEXT, ["build"], { cwd: ROOT, env, stdio: "inherit" }).on("exit", resolve);
    });
    if (status !== 0) throw new Error("next build failed");
    console.log(`[e2e] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(NEXT, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...env, NEXTAUTH_URL: baseUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("next start did not become ready in 60 s")), 60_000);
    server.stdout.on("data", (chunk: Buffer) => {
      if (/Ready|started server/i.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on("exit", (code) => reject(new Error(`next start exited with ${code}`)));
  });
  project.provide("baseUrl", baseUrl);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  };
}
