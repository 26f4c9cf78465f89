import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { importUserData } from "@/app/lib/server/data/user-data";
import { userDataSchema } from "@/app/lib/schemas/user-data";

const MAX_BYTES = 200 * 1024 * 1024;

/** Imports a PaperDeck export (the request body) into the signed-in user's account. */
export const POST = withUser(async (request, user) => {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BYTES) return jsonError(413, "The file is larger than 200 MB.");
  const text = await request.text();
  if (text.length > MAX_BYTES) return jsonError(413, "The file is larger than 200 MB.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return jsonError(400, "This is not a JSON file.");
  }
  const parsed = userDataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, `This is not a PaperDeck export: ${issue ? `${issue.path.join(".") || "file"}: ${issue.message}` : "invalid"}.`);
  }
  return Response.json(await importUserData(user.id, parsed.data));
}, { accepts: ["application/json"] });
