import { applyMigrations } from "../../../prisma/schema-engine";
import { startThrowawayPostgres } from "../../lib/embedded-postgres";

/** A throwaway, migrated embedded PostgreSQL for a benchmark run. */
export async function benchDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const db = await startThrowawayPostgres("paperdeck-bench");
  await applyMigrations(db.url);
  return { url: db.url, close: db.stop };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}
