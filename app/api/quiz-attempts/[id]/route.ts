import { attemptParamsSchema } from "@/app/lib/schemas/quiz";
import { withQuizOwner } from "@/app/lib/server/auth/guard";
import { getAttemptView } from "@/app/lib/server/data/quiz-attempts";

/**
 * The attempt as its page shows it (the next question without its answer, the feedback the
 * owner may see). Open to guests: the owner is the signed-in user or the guest-token cookie,
 * and anyone else's attempt id answers 404.
 */
export const GET = withQuizOwner(
  async (_request, owner, { id }) =>
    Response.json(await getAttemptView(owner, id), { headers: { "Cache-Control": "no-store" } }),
  { params: attemptParamsSchema },
);
