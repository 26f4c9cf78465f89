import { noteSlugParamsSchema } from "@/app/lib/schemas/review";
import { withUser } from "@/app/lib/server/auth/guard";
import { passageCardsForPage } from "@/app/lib/server/data/passage-cards";

/**
 * The signed-in reader's personal cards on a corpus note, with their sections (and the Chinese
 * page's anchors of those sections): the note page is static and shared, so it asks for them
 * once it is in the browser and shows them inline, rendered and sanitised here.
 */
export const GET = withUser(
  async (_request, user, { slug }) => Response.json(await passageCardsForPage(user.id, slug), { headers: { "Cache-Control": "private, no-store" } }),
  { params: noteSlugParamsSchema },
);
