import { undoSchema } from "@/app/lib/schemas/review";
import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { undoAnswer } from "@/app/lib/server/data/review";

/** Undoes one answer by its clientId: 200 {cardId, version}, 404 unknown, 409 not the last answer. */
export const POST = withUser(async (request, user) => {
  const parsed = undoSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return jsonError(400, "This undo is malformed.");
  const result = await undoAnswer(user.id, parsed.data.clientId);
  return Response.json({ cardId: result.cardId, version: result.version });
}, { accepts: ["application/json"] });
