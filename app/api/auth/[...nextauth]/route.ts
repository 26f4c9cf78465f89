import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/app/lib/server/auth/options";
import { clientIp } from "@/app/lib/server/auth/client-ip";
import { signInBlockedFor } from "@/app/lib/server/auth/rate-limit";
import { errorResponse, jsonError } from "@/app/lib/server/auth/guard";
import { mediaType } from "@/app/lib/server/http/same-origin";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context): Promise<Response> {
  const response: unknown = await NextAuth(request, context, authOptions());
  if (!(response instanceof Response)) throw new Error("next-auth returned no response");
  return response;
}

export async function GET(request: NextRequest, context: Context) {
  try {
    return await handler(request, context);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Credential sign-ins pass the PostgreSQL rate limit first: 429 with Retry-After. */
export async function POST(request: NextRequest, context: Context) {
  try {
    const { nextauth } = await context.params;
    if (nextauth.join("/") !== "callback/credentials") return await handler(request, context);
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
    return await handler(request, context);
  } catch (error) {
    if (error instanceof TypeError) return jsonError(400, "This sign-in request could not be read.");
    return errorResponse(error);
  }
}
