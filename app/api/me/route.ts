import { errorResponse } from "@/app/lib/server/auth/guard";
import { getSessionUser } from "@/app/lib/server/auth/session";

/** Who is signed in (after the session-version check), for the header of static pages. */
export async function GET() {
  try {
    const user = await getSessionUser();
    return Response.json(
      { user: user ? { name: user.name, email: user.email } : null },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
