/**
 * `npm test`: the content check, the type check, the linter, then every Vitest project
 * (unit, integration on a throwaway embedded PostgreSQL, browser tests in Chromium).
 * Prints each step's duration.
 */
import { spawnSync } from "node:child_process";

const steps: [string, string, string[]][] = [
  ["content check", "npx", ["tsx", "scripts/content.ts", "check"]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["vitest (unit, integration, e2e)", "npx", ["vitest", "run", ...process.argv.slice(2)]],
];

const started = Date.now();
for (const [name, command, args] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const seconds = ((Date.now() - t) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
