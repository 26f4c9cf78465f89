import { errorResponse, jsonError } from "@/app/lib/server/auth/guard";
import { getAttemptView } from "@/app/lib/server/data/quiz-attempts";
import { currentQuizOwner } from "@/app/lib/server/data/quiz-owner";

/**
 * The attempt as its page shows it (the next question without its answer, the feedback the
 * owner may see). Open to guests, so not behind `withUser`: the owner is the signed-in user or
 * the guest-token cookie, and anyone else's attempt id answers 404.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  try {
    const owner = await currentQuizOwner({ canWriteCookies: true });
    if (!owner) return jsonError(404, "There is no such quiz.");
    return Response.json(await getAttemptView(owner, id), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
