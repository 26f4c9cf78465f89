import "#server-only";
import { z } from "zod";
import type { Prisma } from "@/app/generated/prisma/client";
import { db, rawRows } from "../db";

/**
 * A raw SQL statement with the zod schema of the rows it returns: the schema is the row type.
 * `via` says which path runs it, because the two read values differently (a `count(*)` is a
 * bigint through Prisma, a string through pg): "pg" is the pool without Prisma's pipeline,
 * for the answer and other hot reads (see `rawRows`); "prisma" is `$queryRaw`.
 *
 * Rows are not parsed in the request (the queue reads thousands of them): the integration
 * test tests/integration/sql-rows.test.ts runs every statement built here once against the
 * real database and parses its rows, so a changed column fails that test or tsc.
 */
export interface TypedQuery<Schema extends z.ZodType> {
  sql: Prisma.Sql;
  row: Schema;
  via: "prisma" | "pg";
}

export function typedQuery<Schema extends z.ZodType>(
  row: Schema,
  sql: Prisma.Sql,
  via: "prisma" | "pg" = "prisma",
): TypedQuery<Schema> {
  return { sql, row, via };
}

/** Runs a typed statement; its rows are typed by its schema (checked by the test, not here). */
export async function rowsOf<Schema extends z.ZodType>(query: TypedQuery<Schema>): Promise<z.infer<Schema>[]> {
  return query.via === "pg" ? rawRows<z.infer<Schema>>(query.sql) : db.$queryRaw<z.infer<Schema>[]>(query.sql);
}

/** The first row of a typed statement, or undefined. */
export async function firstRowOf<Schema extends z.ZodType>(query: TypedQuery<Schema>): Promise<z.infer<Schema> | undefined> {
  return (await rowsOf(query))[0];
}

/** The same columns, each possibly null: what a LEFT JOIN (or a gated LATERAL join) reads of them. */
export function nullableColumns<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([key, column]) => [key, z.nullable(column)]));
  return z.object(shape as { [K in keyof Shape]: z.ZodNullable<Shape[K]> });
}

/**
 * Runs a typed statement inside a Prisma transaction. Only a "prisma" statement can: pg's pool
 * is another connection, outside the transaction.
 */
export async function rowsIn<Schema extends z.ZodType>(
  tx: Pick<Prisma.TransactionClient, "$queryRaw">,
  query: TypedQuery<Schema>,
): Promise<z.infer<Schema>[]> {
  if (query.via !== "prisma") throw new Error("A pg statement cannot run inside a Prisma transaction.");
  return tx.$queryRaw<z.infer<Schema>[]>(query.sql);
}
