import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { answerSchema } from "@/app/lib/schemas/review";
import { jsonError } from "@/app/lib/server/auth/guard";
import { answerCard } from "@/app/lib/server/data/review";
import { env, useSecureCookies } from "@/app/lib/server/env";
import { AppError } from "@/app/lib/server/errors";

/**
 * Saves one answer: 200 {duplicate, version, due} (a resent answer is acknowledged, applied
 * once), 401 without a valid session, 404 for a card outside the user's study set, 409 when
 * the card was answered elsewhere.
 *
 * The hottest request of the app, so its session check is lean instead of `withUser`: one JWT
 * decode here, and the user's session version compared inside the answer's first read (the
 * same check `getSessionUser` makes, without next-auth's full session round trip).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET, secureCookie: useSecureCookies() });
  if (typeof token?.uid !== "string" || typeof token.sv !== "number") return jsonError(401, "Sign in to do this.");
  const parsed = answerSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return jsonError(400, "This answer is malformed.", { issues: parsed.error.issues.length });
  try {
    const result = await answerCard(token.uid, parsed.data, new Date(), { sessionVersion: token.sv });
    return Response.json(result);
  } catch (error) {
    if (error instanceof AppError) return jsonError(error.status, error.message);
    console.error(error);
    return jsonError(500, "Something went wrong on our side. Nothing was saved.");
  }
}
