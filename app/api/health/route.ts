import { withPublic } from "@/app/lib/server/auth/guard";
import { db } from "@/app/lib/server/db";

export const dynamic = "force-dynamic";

/**
 * GET /api/health: 200 while PostgreSQL answers, 503 with Retry-After while it does not. Load
 * balancers poll it, and an error page asks it whether the database is why it failed.
 */
export const GET = withPublic(async () => {
  await db.$queryRaw`SELECT 1`;
  return Response.json({ database: "ok" }, { headers: { "Cache-Control": "no-store" } });
});
