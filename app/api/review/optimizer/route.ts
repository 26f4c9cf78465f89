import { withUser } from "@/app/lib/server/auth/guard";
import { optimizerStatus, startOptimizer } from "@/app/lib/server/optimizer";

/** The optimizer's status and progress (the settings page polls it while a fit runs). */
export const GET = withUser(async (_request, user) =>
  Response.json(await optimizerStatus(user.id), { headers: { "Cache-Control": "no-store" } }),
);

/** Starts "Optimize my parameters" in the background; answers with the status at once. */
export const POST = withUser(async (_request, user) => Response.json(await startOptimizer(user.id)), {
  accepts: ["", "application/json"],
});
