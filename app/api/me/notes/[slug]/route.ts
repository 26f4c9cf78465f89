import { getNoteStatusForUser } from "@/app/lib/server/data/note-status";
import { errorResponse } from "@/app/lib/server/auth/guard";
import { getSessionUser } from "@/app/lib/server/auth/session";

/**
 * The signed-in user's side of a note page (the page itself is static and shared): whether the
 * note is in their study set and their mastery of it. Guests get `signedIn: false`.
 */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  try {
    const user = await getSessionUser();
    if (!user) return Response.json({ signedIn: false }, { headers: { "Cache-Control": "private, no-store" } });
    const { slug } = await context.params;
    if (slug.length > 120 || slug.includes("\u0000")) return Response.json({ error: "No such note." }, { status: 404 });
    const status = await getNoteStatusForUser(user.id, slug, new Date());
    if (!status) return Response.json({ error: "No such note." }, { status: 404 });
    return Response.json({ signedIn: true, ...status }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
