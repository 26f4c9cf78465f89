import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { importApkg } from "@/app/lib/server/data/user-data-apkg";
import { readBodyCapped } from "@/app/lib/server/http/body";

const MAX_BYTES = 100 * 1024 * 1024;
const TOO_LARGE = "The file is larger than 100 MB. Export the decks from Anki without media.";

/**
 * Imports the review history of an Anki package (the request body, sent as a file's bytes) for
 * the cards that exist here: {notes, cards, reviews, rescheduled}. Sent raw, never as a form
 * (multipart): a cross-site form cannot send this body type, as for the other imports.
 */
export const POST = withUser(async (request, user) => {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) return jsonError(413, TOO_LARGE);
  const bytes = await readBodyCapped(request, MAX_BYTES);
  if (bytes === null) return jsonError(413, TOO_LARGE);
  if (bytes.length === 0) return jsonError(400, "Choose an Anki package (.apkg) to import.");
  return Response.json(await importApkg(user.id, bytes, new Date()));
}, { accepts: ["application/octet-stream", "application/zip", "application/x-zip-compressed"] });
