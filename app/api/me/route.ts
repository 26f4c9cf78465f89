import { withOptionalUser } from "@/app/lib/server/auth/guard";

/** Who is signed in (after the session-version check), for the header of static pages. */
export const GET = withOptionalUser((_request, user) =>
  Response.json(
    { user: user ? { name: user.name, email: user.email } : null },
    { headers: { "Cache-Control": "private, no-store" } },
  ),
);
