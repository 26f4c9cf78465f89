import { IMPORT_LIMITS } from "@/app/lib/domain/content/own-note-import";
import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { consumeNoteSave } from "@/app/lib/server/auth/rate-limit";
import { importOwnNoteFiles, readUpload } from "@/app/lib/server/data/own-note-files";
import { tooManySaves } from "@/app/lib/server/own-note-messages";
import { readBodyCapped } from "@/app/lib/server/http/body";

const TOO_LARGE = `The upload is larger than ${IMPORT_LIMITS.maxUploadBytes / 1024 / 1024} MB. Import the notes in several smaller .zip files.`;

/**
 * Imports a markdown file in the content format, or a .zip of them, as the user's own notes
 * (the request body is the file's bytes; `?name=` its file name, which is the note's slug).
 * All or nothing: 200 with the notes made, or 400 with every error by file and line. Sent raw,
 * never as a form, so a cross-site form cannot send it.
 */
export const POST = withUser(async (request, user) => {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > IMPORT_LIMITS.maxUploadBytes) return jsonError(413, TOO_LARGE);
  const name = (request.nextUrl.searchParams.get("name") ?? "").slice(0, 300);
  const bytes = await readBodyCapped(request, IMPORT_LIMITS.maxUploadBytes);
  if (bytes === null) return jsonError(413, TOO_LARGE);
  if (bytes.length === 0) return jsonError(400, "Choose a markdown file (<slug>.md) or a .zip of them to import.");
  // An import writes up to 200 notes: it counts as one save against the per-minute limit.
  const wait = await consumeNoteSave(user.id);
  if (wait > 0) throw await tooManySaves(wait, false);
  const upload = readUpload(bytes, name);
  if (!upload.ok) return jsonError(400, importFailed(upload.errors.length), { errors: upload.errors.slice(0, 500) });
  const result = await importOwnNoteFiles(user.id, upload.files, new Date());
  if (!result.ok) return jsonError(400, importFailed(result.errors.length), { errors: result.errors.slice(0, 500) });
  return Response.json({ imported: result.imported });
}, { accepts: ["application/octet-stream", "application/zip", "application/x-zip-compressed", "text/markdown"] });

function importFailed(count: number): string {
  return `The upload has ${count} problem${count === 1 ? "" : "s"}; nothing was imported. Fix ${count === 1 ? "it" : "them"} and upload it again.`;
}
