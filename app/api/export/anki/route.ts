import { withUser } from "@/app/lib/server/auth/guard";
import { ankiTsv } from "@/app/lib/server/data/user-data-anki";
import { AppError } from "@/app/lib/server/errors";
import { ACCOUNT_DATA, attachmentName, downloadError, siteOrigin } from "@/app/lib/server/http/download-answer";
import { ankiExportSchema } from "@/app/lib/schemas/user-data";

/** The cards of the chosen notes (`?note=bert&note=clip`) as a tab-separated file for Anki. */
export const GET = withUser(async (request, user) => {
  const parsed = ankiExportSchema.safeParse({ notes: new URL(request.url).searchParams.getAll("note") });
  if (!parsed.success) return downloadError(request, 400, parsed.error.issues[0]?.message ?? "Choose at least one note.", ACCOUNT_DATA);
  try {
    const tsv = await ankiTsv(parsed.data.notes, { origin: siteOrigin(request) }, user.id);
    const name = parsed.data.notes.length === 1 ? parsed.data.notes[0] : `${parsed.data.notes.length}-notes`;
    return new Response(tsv, {
      headers: {
        "Content-Type": "text/tab-separated-values; charset=utf-8",
        "Content-Disposition": attachmentName(`paperdeck-${name}`, "txt"),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return downloadError(request, error.status, error.message, ACCOUNT_DATA);
    throw error;
  }
});
