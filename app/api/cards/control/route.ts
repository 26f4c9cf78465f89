import { cardControlSchema } from "@/app/lib/schemas/cards";
import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { applyCardControl } from "@/app/lib/server/data/card-controls";

/**
 * Suspends, unsuspends, buries (until the user's next study day), unburies, flags or resets the
 * signed-in user's own state of one card or a selection: 200 {duplicate, cards: [{cardId,
 * version, suspended, buriedUntil, flag, leech}]}, 400 malformed, 404 a card that does not
 * exist or is retired. Undone by POST /api/review/undo with the same clientId.
 */
export const POST = withUser(async (request, user) => {
  const parsed = cardControlSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? "This change is malformed.");
  return Response.json(await applyCardControl(user.id, parsed.data, new Date()));
}, { accepts: ["application/json"] });
