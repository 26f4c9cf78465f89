import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { z } from "zod";
import { authOptions } from "@/app/lib/server/auth/options";
import { clientIp } from "@/app/lib/server/auth/client-ip";
import { signInBlockedFor } from "@/app/lib/server/auth/rate-limit";
import { jsonError, withPublic, type PublicRouteOptions } from "@/app/lib/server/auth/guard";
import { mediaType } from "@/app/lib/server/http/same-origin";

const options = {
  params: z.object({ nextauth: z.array(z.string()) }),
  ownCsrfCheck: "next-auth's double-submit CSRF token, which its POST endpoints require",
} satisfies PublicRouteOptions<z.ZodType<{ nextauth: string[] }>>;

async function nextAuth(request: NextRequest, params: { nextauth: string[] }): Promise<Response> {
  const response: unknown = await NextAuth(request, { params }, authOptions());
  if (!(response instanceof Response)) throw new Error("next-auth returned no response");
  return response;
}

export const GET = withPublic(nextAuth, options);

/**
 * Credential sign-ins pass the PostgreSQL rate limit first: 429 with Retry-After. A body that
 * cannot be read as the form it claims to be (a TypeError from the parser) is a 400.
 */
export const POST = withPublic(async (request, params) => {
  try {
    return await post(request, params);
  } catch (error) {
    if (error instanceof TypeError) return jsonError(400, "This sign-in request could not be read.");
    throw error;
  }
}, options);

async function post(request: NextRequest, params: { nextauth: string[] }): Promise<Response> {
  if (params.nextauth.join("/") !== "callback/credentials") return nextAuth(request, params);
  // next-auth reads a form post; anything else (JSON, an empty body) is refused here in words.
  if (mediaType(request.headers) !== "application/x-www-form-urlencoded") {
    return jsonError(415, "Send the sign-in as a form (application/x-www-form-urlencoded).");
  }
  const form = await request.clone().formData();
  const raw = form.get("email");
  const email = (typeof raw === "string" ? raw : "").trim().toLowerCase();
  const password = form.get("password");
  if (email.includes("\u0000") || (typeof password === "string" && password.includes("\u0000"))) {
    return jsonError(400, "An email or password may not contain NUL characters.");
  }
  const wait = await signInBlockedFor(email, clientIp(request.headers));
  if (wait > 0) {
    return jsonError(
      429,
      `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} min.`,
      { retryAfter: wait },
      { "Retry-After": String(wait) },
    );
  }
  return nextAuth(request, params);
}
