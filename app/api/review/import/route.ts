import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { CsvHeaderError, importReviewLogCsv } from "@/app/lib/server/data/review-csv";

const MAX_BYTES = 20 * 1024 * 1024;

/** Imports an optimizer CSV (the request body) into the user's log: {added, alreadyThere, errors}. */
export const POST = withUser(async (request, user) => {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) return jsonError(413, "The file is larger than 20 MB.");
  const text = await request.text();
  if (text.length > MAX_BYTES) return jsonError(413, "The file is larger than 20 MB.");
  try {
    const result = await importReviewLogCsv(user.id, text, new Date());
    if (result.errors.length > 0) {
      const count = result.errors.length;
      return jsonError(400, `${count} line${count === 1 ? " is" : "s are"} invalid; nothing was imported.`, { errors: result.errors.slice(0, 500) });
    }
    return Response.json(result);
  } catch (error) {
    if (error instanceof CsvHeaderError) return jsonError(400, error.message);
    throw error;
  }
}, { accepts: ["text/csv"] });
