import { withUser } from "@/app/lib/server/auth/guard";
import { exportApkg } from "@/app/lib/server/data/user-data-apkg";
import { AppError } from "@/app/lib/server/errors";
import { ACCOUNT_DATA, attachmentName, downloadError, siteOrigin } from "@/app/lib/server/http/download-answer";
import { ankiExportSchema } from "@/app/lib/schemas/user-data";

/**
 * The chosen notes (`?note=bert&note=clip`) as an Anki package (.apkg): their cards as Anki
 * notes, with the user's card states and review history (see app/lib/domain/anki/collection.ts).
 */
export const GET = withUser(async (request, user) => {
  const parsed = ankiExportSchema.safeParse({ notes: new URL(request.url).searchParams.getAll("note") });
  if (!parsed.success) return downloadError(request, 400, parsed.error.issues[0]?.message ?? "Choose at least one note.", ACCOUNT_DATA);
  try {
    const bytes = await exportApkg(user.id, parsed.data.notes, new Date(), { origin: siteOrigin(request) });
    const name = parsed.data.notes.length === 1 ? parsed.data.notes[0] : `${parsed.data.notes.length}-notes`;
    return new Response(bytes, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Disposition": attachmentName(`paperdeck-${name}`, "apkg"),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return downloadError(request, error.status, error.message, ACCOUNT_DATA);
    throw error;
  }
});
