import { NextResponse, type NextRequest } from "next/server";

/**
 * Convenience only: a visitor with no session cookie at all is sent to sign-in before the
 * page renders. The real check happens where the data is read (every page, action and route).
 */
export function proxy(request: NextRequest) {
  // Only page loads are redirected: a server action or form post must reach its own guard,
  // which answers 401 itself instead of a redirect the caller cannot read.
  if (request.method !== "GET" || request.headers.has("next-action")) return NextResponse.next();
  const hasSession = request.cookies
    .getAll()
    .some((c) => c.name.endsWith("next-auth.session-token"));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/review/:path*", "/progress/:path*", "/settings/:path*", "/account/:path*"],
};
