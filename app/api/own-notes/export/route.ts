import { ownNoteIdSchema } from "@/app/lib/schemas/own-notes";
import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { exportOwnNoteFiles, exportOwnNotesZip } from "@/app/lib/server/data/own-note-files";

/**
 * The signed-in user's own notes in the content format, ready to drop into content/: one note
 * as `<slug>.md` (`?id=<note id>`), or all of them as a .zip of such files.
 */
export const GET = withUser(async (request, user) => {
  const id = request.nextUrl.searchParams.get("id");
  const headers = { "Cache-Control": "private, no-store" };
  if (id !== null) {
    const parsed = ownNoteIdSchema.safeParse(id);
    if (!parsed.success) return jsonError(400, "That is not a note id.");
    const [file] = await exportOwnNoteFiles(user.id, parsed.data);
    return new Response(file?.text ?? "", {
      headers: { ...headers, "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${file?.name ?? "note.md"}"` },
    });
  }
  const now = new Date();
  const zip = await exportOwnNotesZip(user.id, now);
  return new Response(zip, {
    headers: { ...headers, "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="paperdeck-notes-${now.toISOString().slice(0, 10)}.zip"` },
  });
});
