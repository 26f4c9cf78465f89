/**
 * `npm run dev`: the database (embedded under .data/ unless DATABASE_URL is set), migrations,
 * the content sync, then Next on http://localhost:3000; content/ is re-synced when it changes.
 * `npm start` (--prod) does the same with the production server (scripts/server.ts) on a build.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { watch } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../prisma/schema-engine";
import { DATA_DIR, openDatabase } from "./lib/database";
import { developmentSecret } from "./lib/secret";
import { runContentSync } from "./lib/content-sync-runner";
import { SERVER } from "./lib/next-app";

const ROOT = path.resolve(import.meta.dirname, "..");
const prod = process.argv.includes("--prod");
const port = process.env.PORT ?? "3000";

async function main() {
  const started = Date.now();
  const db = await openDatabase();
  const child: { next?: ChildProcess } = {};
  let stopping = false;
  async function stop(code: number) {
    if (stopping) return;
    stopping = true;
    const next = child.next;
    if (next && next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise((r) => next.once("exit", r));
    }
    await db.stop();
    process.exit(code);
  }
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const applied = await applyMigrations(db.url);
    if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);
    process.env.DATABASE_URL = db.url;
    await runContentSync(db.url, { quiet: false });
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    await stop(1);
    return;
  }

  const secret = process.env.NEXTAUTH_SECRET ?? (await developmentSecret(DATA_DIR));
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Started directly (not through npx) so that stopping it stops the server process too.
  const next = prod
    ? spawn(process.execPath, [...SERVER, "-p", port], { env, stdio: ["inherit", "pipe", "inherit"] })
    : spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["dev", "-p", port], {
    env,
    stdio: ["inherit", "pipe", "inherit"],
  });
  child.next = next;
  next.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|ready started|✓ Ready/.test(chunk.toString())) {
      const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
      if (prod) {
        console.log(`PaperDeck is up on http://localhost:${port} (${seconds()} s from start)`);
        return;
      }
      // `next dev` compiles a route on its first request (15-27 s for the first page here):
      // request the pages a newcomer opens first, so "ready" means ready.
      console.log(`Next is listening on http://localhost:${port}; compiling the first pages (about half a minute)…`);
      void warmUp(`http://localhost:${port}`).then((warmed) =>
        console.log(`PaperDeck is ready on http://localhost:${port} (${seconds()} s from start; ${warmed})`),
      );
    }
  });
  next.on("exit", (code) => void stop(code ?? 0));

  if (!prod) {
    let timer: NodeJS.Timeout | undefined;
    // Recursive: an edit of a Chinese edition (content/zh/) syncs too.
    watch(path.join(ROOT, "content"), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        runContentSync(db.url, { quiet: true }).catch((error: unknown) =>
          console.error(error instanceof Error ? error.message : error),
        );
      }, 300);
    });
  }
}

/** The pages a newcomer opens first, in that order. */
const FIRST_PAGES = ["/", "/papers/moco", "/signin", "/quizzes"];

/** Requests each first page once, one at a time (two compiles at once are slower here). */
async function warmUp(origin: string): Promise<string> {
  const done: string[] = [];
  for (const page of FIRST_PAGES) {
    try {
      const response = await fetch(origin + page, { redirect: "manual", signal: AbortSignal.timeout(120_000) });
      await response.arrayBuffer();
      done.push(page);
    } catch {
      // A page that fails to compile shows its error when opened; warming goes on.
    }
  }
  return `compiled ${done.join(", ")}`;
}

main().catch((error: unknown) => {
  // Expected failures (an unreachable database, a bad environment) print their message only.
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : `Failed: ${String(error)}`);
  process.exit(1);
});
