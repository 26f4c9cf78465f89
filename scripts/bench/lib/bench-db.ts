import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../../prisma/schema-engine";
import { startEmbeddedPostgres } from "../../lib/embedded-postgres";

/** A throwaway, migrated embedded PostgreSQL for a benchmark run. */
export async function benchDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "paperdeck-bench-"));
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), throwaway: true });
  await applyMigrations(db.url);
  return {
    url: db.url,
    close: async () => {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}
