import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { sessionClaimsOf, type SessionClaims } from "@/app/lib/server/auth/session-token";
import { applyMigrations } from "@/prisma/schema-engine";

/**
 * A new, migrated, empty database on the test cluster, for tests that must own whole tables
 * (the content sync retires every note a corpus lacks).
 */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(inject("databaseUrl"));
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The session claims of a user just created (session version 0), as a genuine session JWT of
 * theirs would give them: an answer requires one.
 */
export function sessionOf(userId: string, claims: { sessionVersion?: number; sessionId?: string } = {}): SessionClaims {
  const session = sessionClaimsOf({ uid: userId, sv: claims.sessionVersion ?? 0, sid: claims.sessionId ?? "test-session" });
  if (!session) throw new Error("unreachable: complete claims");
  return session;
}
