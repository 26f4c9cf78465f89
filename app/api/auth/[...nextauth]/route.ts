import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/app/lib/server/auth/options";
import { clientIp } from "@/app/lib/server/auth/client-ip";
import { signInBlockedFor } from "@/app/lib/server/auth/rate-limit";
import { jsonError } from "@/app/lib/server/auth/guard";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context): Promise<Response> {
  const response: unknown = await NextAuth(request, context, authOptions());
  if (!(response instanceof Response)) throw new Error("next-auth returned no response");
  return response;
}

export async function GET(request: NextRequest, context: Context) {
  return handler(request, context);
}

/** Credential sign-ins pass the PostgreSQL rate limit first: 429 with Retry-After. */
export async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData();
    const raw = form.get("email");
    const email = (typeof raw === "string" ? raw : "").trim().toLowerCase();
    const wait = await signInBlockedFor(email, clientIp(request.headers));
    if (wait > 0) {
      return jsonError(
        429,
        `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} min.`,
        { retryAfter: wait },
        { "Retry-After": String(wait) },
      );
    }
  }
  return handler(request, context);
}
