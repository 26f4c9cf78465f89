import { NextResponse, type NextRequest } from "next/server";
import { csrfCookieName, genuineCsrfToken, newCsrfCookie } from "@/app/lib/server/auth/csrf-token";
import { isSessionCookie } from "@/app/lib/server/http/cookies";
import { ACTION_BODY_LIMIT, checkActionForm, checkActionText, type ActionBodyVerdict } from "@/app/lib/server/http/action-body";

/**
 * Three conveniences in front of the app, none of them a guard:
 * - a visitor with no session cookie at all is sent to sign-in before a protected page renders
 *   (the real check happens where the data is read: every page, action and route);
 * - a server action whose body Next could not decode gets a 4xx saying what was wrong, where
 *   Next itself would answer a bare 500;
 * - the sign-in page gets next-auth's CSRF cookie on the first visit, so its form works
 *   without JavaScript the first time (a page cannot set cookies while it renders).
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) return checkAction(request);
  // Only page loads are redirected: a form post must reach its own guard.
  if (request.method !== "GET") return NextResponse.next();
  if (request.nextUrl.pathname === "/signin") return withCsrfCookie(request);
  const hasSession = request.cookies.getAll().some((c) => isSessionCookie(c.name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

/**
 * Sets the cookie on the request the page reads as well as on the response, so the page
 * renders the token of the cookie the browser is about to store.
 */
function withCsrfCookie(request: NextRequest): NextResponse {
  if (genuineCsrfToken(request.cookies.get(csrfCookieName())?.value)) return NextResponse.next();
  const cookie = newCsrfCookie();
  request.cookies.set(cookie.name, cookie.value);
  const response = NextResponse.next({ request: { headers: new Headers(request.headers) } });
  response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

/** Next's action ids: 40 hex digits of hash, after a two-digit prefix in current builds. */
const ACTION_ID = /^[0-9a-f]{40,42}$/;

async function checkAction(request: NextRequest): Promise<NextResponse> {
  const refused = (v: { status: number; message: string }) => NextResponse.json({ error: v.message }, { status: v.status });
  if (!ACTION_ID.test(request.headers.get("next-action") ?? "")) return refused({ status: 404, message: "There is no such server action." });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_LIMIT) return refused({ status: 413, message: "The request is larger than 1 MB." });
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  let verdict: ActionBodyVerdict;
  if (type === "multipart/form-data") {
    // The body stays readable for Next: the proxy is given a copy of it.
    const form = await request.formData().catch(() => null);
    verdict = form ? checkActionForm(form.entries()) : { ok: false, status: 400, message: "The multipart body could not be read." };
  } else {
    verdict = checkActionText(type, await request.text());
  }
  return verdict.ok ? NextResponse.next() : refused(verdict);
}

export const config = {
  matcher: [
    "/review/:path*",
    "/progress/:path*",
    "/cards/:path*",
    "/settings/:path*",
    "/account/:path*",
    "/notes/:path*",
    "/signin",
    // Server actions, on whichever page posts them.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
