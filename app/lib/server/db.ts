import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/app/generated/prisma/client";
import { env } from "./env";

/**
 * The one Prisma client. Cached on globalThis so that dev-server reloads reuse the pool.
 * The password hash is omitted from every query unless a caller asks for it explicitly.
 */
function createClient() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;

declare global {
  var paperdeckDb: Db | undefined;
}

export const db: Db = globalThis.paperdeckDb ?? createClient();
if (process.env.NODE_ENV !== "production") globalThis.paperdeckDb = db;
