import { undoSchema } from "@/app/lib/schemas/review";
import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { isCardControl, undoCardControl } from "@/app/lib/server/data/card-controls";
import { undoAnswer } from "@/app/lib/server/data/review";

/**
 * Undoes one answer, or one card control (suspend, bury, flag, reset…), by its clientId:
 * 200 {cardId, version} (a control adds `cards`, each card it put back), 404 unknown, 409 not
 * the last change of the card.
 */
export const POST = withUser(async (request, user) => {
  const parsed = undoSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return jsonError(400, "This undo is malformed.");
  if (await isCardControl(user.id, parsed.data.clientId)) {
    const cards = await undoCardControl(user.id, parsed.data.clientId);
    return Response.json({ cardId: cards[0]?.cardId ?? null, version: cards[0]?.version ?? 0, cards });
  }
  const result = await undoAnswer(user.id, parsed.data.clientId);
  return Response.json({ cardId: result.cardId, version: result.version });
}, { accepts: ["application/json"] });
