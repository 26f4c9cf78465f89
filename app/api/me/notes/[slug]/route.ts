import { noteSlugParamsSchema } from "@/app/lib/schemas/review";
import { withOptionalUser } from "@/app/lib/server/auth/guard";
import { getNoteStatusForUser } from "@/app/lib/server/data/note-status";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * The signed-in user's side of a note page (the page itself is static and shared): whether the
 * note is in their study set and their mastery of it. Guests get `signedIn: false`.
 */
export const GET = withOptionalUser(
  async (_request, user, { slug }) => {
    if (!user) return Response.json({ signedIn: false }, { headers: noStore });
    const status = await getNoteStatusForUser(user.id, slug, new Date());
    if (!status) return Response.json({ error: "No such note." }, { status: 404 });
    return Response.json({ signedIn: true, ...status }, { headers: noStore });
  },
  { params: noteSlugParamsSchema },
);
