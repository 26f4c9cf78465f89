/**
 * The PostgreSQL side of a CSV import, measured apart from the app (issue 11): the import's own
 * statement (`insertImportedLines`, the same batches and order as `importReviewLogCsv`) run under
 * `EXPLAIN (ANALYZE, BUFFERS)` in a transaction that is rolled back, so the figures say where
 * PostgreSQL spends an import's insert: the statement's execution, of it the two foreign keys'
 * per-row checks, and the rest (heap and the four indexes of ReviewLog).
 */
import { performance } from "node:perf_hooks";
import type pg from "pg";
import type { Prisma } from "@/app/generated/prisma/client";
import { insertImportedLines, LOG_BATCH, type ImportedLine } from "@/app/lib/server/data/user-data-writes";

interface ExplainJson {
  "Execution Time": number;
  Plan: { "Tuples Inserted"?: number };
  /** Row triggers: here the foreign keys' checks, named by their constraint. */
  Triggers?: { "Trigger Name": string; "Constraint Name"?: string; Time: number; Calls: number }[];
}

/** The CSV's lines as the import writes them: grouped by card, each card's in time order. */
export function csvLines(csv: string): ImportedLine[] {
  const lines = csv
    .trim()
    .split("\n")
    .slice(1)
    .map((text) => {
      const [cardId = "", at, rating, state, duration] = text.split(",");
      return { cardId, reviewedAt: Number(at), rating: Number(rating), state: Number(state), durationMs: Number(duration) };
    });
  return lines.sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : a.reviewedAt - b.reviewedAt));
}

/** Inserts `lines` for `userId` as the import does, explained and rolled back; prints the breakdown. */
export async function profileCsvInsert(client: pg.Client, userId: string, lines: readonly ImportedLine[]): Promise<void> {
  let execution = 0;
  let inserted = 0;
  const triggers = new Map<string, { time: number; calls: number }>();
  const execute = async (statement: Prisma.Sql) => {
    const values = statement.values.map((v) => (v instanceof Date ? v.toISOString() : v));
    const result = await client.query<{ "QUERY PLAN": ExplainJson[] }>({
      text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`,
      values,
    });
    const plan = result.rows[0]?.["QUERY PLAN"][0];
    if (!plan) throw new Error("EXPLAIN returned no plan");
    execution += plan["Execution Time"];
    for (const t of plan.Triggers ?? []) {
      const name = t["Constraint Name"] ?? t["Trigger Name"];
      const sum = triggers.get(name) ?? { time: 0, calls: 0 };
      triggers.set(name, { time: sum.time + t.Time, calls: sum.calls + t.Calls });
    }
    const rows = plan.Plan["Tuples Inserted"] ?? 0;
    inserted += rows;
    return rows;
  };
  const started = performance.now();
  await client.query("BEGIN");
  try {
    for (let start = 0; start < lines.length; start += LOG_BATCH) {
      await insertImportedLines(execute, userId, lines.slice(start, start + LOG_BATCH), new Date());
    }
  } finally {
    await client.query("ROLLBACK");
  }
  const wall = performance.now() - started;
  const batches = Math.ceil(lines.length / LOG_BATCH);
  const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
  const share = (msValue: number) => `${((100 * msValue) / execution).toFixed(0)} %`;
  console.log(`\nPostgreSQL side of the CSV import alone (the import's INSERT, ${batches} batches of ${LOG_BATCH}, EXPLAIN ANALYZE, rolled back):`);
  console.log(`    ${inserted.toLocaleString("en")} rows; wall ${s(wall)}, statements' execution ${s(execution)} (${(1000 * execution / Math.max(1, inserted)).toFixed(1)} µs a row)`);
  let checks = 0;
  for (const [name, t] of triggers) {
    checks += t.time;
    console.log(`    of it the check of ${name.padEnd(34)} ${s(t.time)} (${share(t.time)}, ${t.calls.toLocaleString("en")} calls)`);
  }
  console.log(`    of it heap + the 4 indexes + ON CONFLICT             ${s(execution - checks)} (${share(execution - checks)})`);
}

/** A way of writing the same rows, tried in a transaction of its own that is rolled back. */
interface Variant {
  label: string;
  /** DDL run first inside the transaction (rolled back with it): drop an index or the foreign keys. */
  setup?: string;
  /** Rows per statement (the import's LOG_BATCH unless said). */
  batch?: number;
  /** Rewrites the import's statement (e.g. without ON CONFLICT). */
  rewrite?: (text: string) => string;
  /** Writes every row once first, untimed: the timed pass is a re-import (every line a duplicate). */
  prefill?: boolean;
}

const ON_CONFLICT = /ON CONFLICT \("userId", "clientId"\) DO NOTHING/;
/**
 * ON CONFLICT's duplicate check written as an anti-join: the same probe of the (userId,
 * clientId) index, without the speculative insertion. It does not see rows of its own
 * statement (the import removes a file's repeated lines before they are sent) and a concurrent
 * import of the same lines would fail on the unique index instead of skipping them. $1 is the
 * user in insertImportedLines' statement.
 */
const antiJoin = (text: string) =>
  text.replace(ON_CONFLICT, `WHERE NOT EXISTS (SELECT 1 FROM "ReviewLog" r WHERE r."userId" = $1 AND r."clientId" = 'import-' || u."cardId" || '-' || u.ms)`);

const VARIANTS: Variant[] = [
  { label: "as the import writes them" },
  { label: "one statement of every row (fewer round trips)", batch: Number.MAX_SAFE_INTEGER },
  { label: "without ON CONFLICT (plain INSERT)", rewrite: (text) => text.replace(ON_CONFLICT, "") },
  { label: "anti-join (NOT EXISTS) instead of ON CONFLICT", rewrite: antiJoin },
  { label: "re-import, every line there: ON CONFLICT", prefill: true },
  { label: "re-import, every line there: anti-join", rewrite: antiJoin, prefill: true },
  { label: 'without index "ReviewLog_userId_reviewedAt_idx"', setup: `DROP INDEX "ReviewLog_userId_reviewedAt_idx"` },
  { label: 'without index "ReviewLog_userId_cardId_reviewedAt_idx"', setup: `DROP INDEX "ReviewLog_userId_cardId_reviewedAt_idx"` },
  {
    label: "without the two foreign keys",
    setup: `ALTER TABLE "ReviewLog" DROP CONSTRAINT "ReviewLog_userId_fkey", DROP CONSTRAINT "ReviewLog_cardId_fkey"`,
  },
];

/**
 * The same insert written the ways the choice is between (issue 11: fewer round trips, cheaper
 * index updates, fewer checks), each timed without EXPLAIN in a rolled-back transaction. DDL is
 * transactional in PostgreSQL, so a dropped index or key is back after each try; the bench's
 * database is a throwaway one and the app has stopped.
 */
export async function compareCsvInsertVariants(client: pg.Client, userId: string, lines: readonly ImportedLine[]): Promise<void> {
  console.log(`\nThe same ${lines.length.toLocaleString("en")} rows written other ways (each rolled back; wall time of the inserts):`);
  for (const variant of VARIANTS) {
    const execute = async (statement: Prisma.Sql) => {
      const values = statement.values.map((v) => (v instanceof Date ? v.toISOString() : v));
      const text = variant.rewrite ? variant.rewrite(statement.text) : statement.text;
      // A rewrite that no longer matches the import's statement would time the import itself.
      if (variant.rewrite && text === statement.text) throw new Error(`"${variant.label}" did not change the statement`);
      return (await client.query({ text, values })).rowCount ?? 0;
    };
    const batch = variant.batch ?? LOG_BATCH;
    await client.query("BEGIN");
    try {
      if (variant.setup) await client.query(variant.setup);
      if (variant.prefill) {
        const plain = async (statement: Prisma.Sql) => (await client.query({ text: statement.text, values: statement.values })).rowCount ?? 0;
        for (let start = 0; start < lines.length; start += batch) await insertImportedLines(plain, userId, lines.slice(start, start + batch), new Date());
      }
      const started = performance.now();
      let written = 0;
      for (let start = 0; start < lines.length; start += batch) {
        written += await insertImportedLines(execute, userId, lines.slice(start, start + batch), new Date());
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(`    ${variant.label.padEnd(58)} ${seconds.toFixed(2)} s (${written.toLocaleString("en")} rows)`);
    } finally {
      await client.query("ROLLBACK");
    }
  }
}
