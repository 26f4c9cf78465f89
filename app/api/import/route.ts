import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { importUserDataJson } from "@/app/lib/server/data/user-data";
import { parseJsonSliced } from "@/app/lib/server/json-sliced";

const MAX_BYTES = 200 * 1024 * 1024;

/** Imports a PaperDeck export (the request body) into the signed-in user's account. */
export const POST = withUser(async (request, user) => {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) return jsonError(413, "The file is larger than 200 MB.");
  const text = await request.text();
  if (text.length > MAX_BYTES) return jsonError(413, "The file is larger than 200 MB.");
  let json: unknown;
  try {
    // Sliced: a 34 MB export parsed in one JSON.parse call would hold up every other request.
    json = await parseJsonSliced(text);
  } catch {
    return jsonError(
      400,
      'This is not a PaperDeck export. Choose the .json file that "Export everything (.json)" downloads (paperdeck-data-<date>.json); a review log (.csv) is imported under Settings.',
    );
  }
  // Validated whole: every bad entry is reported and nothing is written, or all of it is.
  const result = await importUserDataJson(user.id, json);
  if (!result.ok) {
    const count = result.errors.length;
    return jsonError(400, `This is not a valid PaperDeck export (${count} problem${count === 1 ? "" : "s"}); nothing was imported.`, {
      errors: result.errors.slice(0, 500),
    });
  }
  return Response.json(result.summary);
}, { accepts: ["application/json"] });
