import type { NextApiRequest, NextApiResponse } from "next";
import { answerSchema } from "@/app/lib/schemas/review";
import { readSessionClaims } from "@/app/lib/server/auth/session-token";
import { answerCard } from "@/app/lib/server/data/review";
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  INVALID_TEXT_MESSAGE,
  isDatabaseUnavailable,
  isInvalidText,
  RETRY_AFTER_SECONDS,
} from "@/app/lib/server/db-errors";
import { AppError } from "@/app/lib/server/errors";
import { checkSameOrigin, mediaType } from "@/app/lib/server/http/same-origin";

/**
 * POST /api/review/answer saves one answer: 200 {duplicate, cardId, version, due} (a resent
 * answer is acknowledged and applied once), 400 for a malformed answer, 401 without a valid
 * session, 403 from another site, 404 for a card outside the user's study set, 409 when the
 * card was answered elsewhere, 415 for a body that is not JSON, 503 while the database cannot
 * be reached (the page keeps the answer and sends it again).
 *
 * The hottest request of the app, so it is a Pages API route: Next hands it Node's request
 * and response as they are, where an App Router handler pays for web Request/Response
 * objects, streams and per-request async contexts (measured: most of an answer's CPU time).
 * Its session check is lean too: one JWT decode with a cached key, and the user's session
 * version compared inside the answer's first read (the check `getSessionUser` makes).
 */
export const config = { api: { bodyParser: { sizeLimit: "4kb" } } };

function fail(res: NextApiResponse, status: number, error: string, extra?: Record<string, unknown>) {
  res.status(status).json({ error, ...extra });
}

function webHeaders(req: NextApiRequest): Headers {
  const headers = new Headers();
  for (const name of ["origin", "sec-fetch-site", "host", "content-type"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return headers;
}

export default async function answer(req: NextApiRequest, res: NextApiResponse): Promise<void> {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return fail(res, 405, "Send an answer with POST.");
  }
  const headers = webHeaders(req);
  const origin = checkSameOrigin(headers);
  if (!origin.ok) return fail(res, 403, origin.reason);
  if (mediaType(headers) !== "application/json") return fail(res, 415, "Send the answer as application/json.");
  try {
    const session = await readSessionClaims(req);
    if (!session) return fail(res, 401, "Sign in to do this.");
    const parsed = answerSchema.safeParse(req.body);
    if (!parsed.success) return fail(res, 400, "This answer is malformed.", { issues: parsed.error.issues.length });
    res.status(200).json(await answerCard(session, parsed.data, new Date()));
  } catch (error) {
    if (error instanceof AppError) return fail(res, error.status, error.message);
    if (isDatabaseUnavailable(error)) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return fail(res, 503, DATABASE_UNAVAILABLE_MESSAGE);
    }
    if (isInvalidText(error)) return fail(res, 400, INVALID_TEXT_MESSAGE);
    console.error(error);
    fail(res, 500, "Something went wrong on our side. Nothing was saved.");
  }
}
