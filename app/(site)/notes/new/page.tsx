import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { ownNoteEditorContext } from "@/app/lib/server/data/own-note-editor";
import { NoteEditor } from "@/app/ui/own-notes/note-editor";
import { newNoteTemplate } from "@/app/ui/own-notes/note-template";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ownNotes"))("new") };
}

/** `/notes/new`: a note of one's own, in the content format, saved as soon as it is typed. */
export default async function NewNotePage() {
  const user = await requirePageUser("/notes/new");
  const context = await ownNoteEditorContext(user.id, null);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{(await getTranslations("ownNotes"))("new")}</h1>
      <NoteEditor noteId={null} slug="my-new-note" initialSource={newNoteTemplate(await getLocale())} updatedAt={null} {...context} />
    </div>
  );
}
