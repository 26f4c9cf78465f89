/**
 * `npm test`: the content check, the type check, the linter, every Vitest project (unit,
 * integration on a throwaway embedded PostgreSQL, browser tests in Chromium), then the access
 * and fuzz suites against the built app. Prints each step's duration.
 */
import { spawnSync } from "node:child_process";

// The suites serve the build the browser tests just made (.next) instead of building their own.
const reuseBuild = { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next" };

const steps: [string, string, string[], Record<string, string>?][] = [
  ["content check", "npx", ["tsx", "scripts/content.ts", "check"]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["vitest (unit, integration, e2e)", "npx", ["vitest", "run", ...process.argv.slice(2)]],
  ["load (20 s, two instances)", "npx", ["tsx", "scripts/suites/load.ts", "--seconds", "20"], reuseBuild],
  ["access suite", "npx", ["tsx", "scripts/suites/access.ts"], reuseBuild],
  ["fuzz suite", "npx", ["tsx", "scripts/suites/fuzz.ts"], reuseBuild],
];

const started = Date.now();
for (const [name, command, args, env] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
