import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { ownNoteEditorContext } from "@/app/lib/server/data/own-note-editor";
import { getOwnNoteSource } from "@/app/lib/server/data/own-notes";
import { ownNoteIdSchema } from "@/app/lib/schemas/own-notes";
import { NoteEditor } from "@/app/ui/own-notes/note-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ownNotes"))("editTitle") };
}

/** `/notes/[id]/edit`: the owner's editor; anyone else's note is "not found". */
export default async function EditNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/notes/${encodeURIComponent(id)}/edit`);
  if (!ownNoteIdSchema.safeParse(id).success) notFound();
  const note = await getOwnNoteSource(user.id, id);
  if (!note) notFound();
  const context = await ownNoteEditorContext(user.id, note.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        {(await getTranslations("ownNotes"))("editing", { title: note.title })} <span className="text-sm font-normal text-slate-500">({note.slug})</span>
      </h1>
      <NoteEditor noteId={note.id} slug={note.slug} initialSource={note.source} updatedAt={note.updatedAt} {...context} />
    </div>
  );
}
