import { noteSlugParamsSchema } from "@/app/lib/schemas/review";
import { withUser } from "@/app/lib/server/auth/guard";
import { listPassageCards } from "@/app/lib/server/data/passage-cards";

/**
 * The signed-in reader's personal cards on a corpus note, with their sections: the note page is
 * static and shared, so it asks for them once it is in the browser and shows them inline.
 */
export const GET = withUser(
  async (_request, user, { slug }) => Response.json({ cards: await listPassageCards(user.id, slug) }, { headers: { "Cache-Control": "private, no-store" } }),
  { params: noteSlugParamsSchema },
);
