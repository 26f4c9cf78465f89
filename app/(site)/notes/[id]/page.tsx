import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { getOwnNotePage } from "@/app/lib/server/data/own-note-page";
import { ownNoteIdSchema } from "@/app/lib/schemas/own-notes";
import { InlineCard } from "@/app/ui/notes/inline-card";
import { InlineQuestion } from "@/app/ui/notes/inline-question";
import { WidgetSlot } from "@/app/ui/widgets/widget-slot";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ownNotes"))("myNote") };
}

/**
 * `/notes/[id]`: one of the reader's own notes (its last valid version). Read per request with
 * the session, unlike the corpus's shared note page, and only by its owner.
 */
export default async function OwnNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/notes/${encodeURIComponent(id)}`);
  if (!ownNoteIdSchema.safeParse(id).success) notFound();
  const note = await getOwnNotePage(user.id, id);
  if (!note) notFound();
  const t = await getTranslations("ownNotes");
  return (
    <article className="mx-auto max-w-3xl">
      <header className="mb-6 border-b border-slate-200 pb-6 dark:border-slate-800">
        <p className="text-sm text-slate-500 dark:text-slate-400">
          <span className="rounded-full bg-accent-100 px-2 py-0.5 text-xs font-medium text-accent-700 dark:bg-slate-800 dark:text-accent-500">{t("yours")}</span>
          {" · "}
          {note.areaLabel}
          {note.status === "draft" && t("lastValid")}
        </p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">{note.live ? note.short : t("draft")}</h1>
        {note.live && note.title !== note.short && <p className="mt-1 text-lg text-slate-700 dark:text-slate-300">{note.title}</p>}
        {note.live && <p className="mt-3 text-slate-700 dark:text-slate-300">{note.summary}</p>}
        <div className="mt-3 flex flex-wrap gap-3 text-sm">
          <Link href={`/notes/${note.id}/edit`} className="text-accent-600 underline dark:text-accent-500">{t("edit")}</Link>
          {note.live && note.cardCount > 0 && (
            <Link href={`/review?paper=${note.slug}`} className="text-accent-600 underline dark:text-accent-500">{t("reviewCards", { count: note.cardCount })}</Link>
          )}
          {note.live && note.questionCount > 0 && (
            <Link href={`/quizzes/new?note=${note.slug}`} className="text-accent-600 underline dark:text-accent-500">{t("quizMe")}</Link>
          )}
          {note.link && (
            <a href={note.link} className="text-accent-600 underline dark:text-accent-500" rel="noopener noreferrer">{t("readPaper")}</a>
          )}
        </div>
      </header>
      {!note.live ? (
        <p className="text-slate-600 dark:text-slate-400" data-testid="own-note-never-valid">
          {t("neverValid")}
        </p>
      ) : (
        <div className="own-note-box note-prose" data-testid="note-body">
          {note.segments.map((segment, i) => {
            switch (segment.kind) {
              case "html":
                // Rendered by the sanitising pipeline (own-note-page.ts).
                return <div key={i} dangerouslySetInnerHTML={{ __html: segment.html }} />;
              case "card":
                return <InlineCard key={i} type={segment.type} frontHtml={segment.frontHtml} backHtml={segment.backHtml} source={segment.source} />;
              case "quiz":
                return <InlineQuestion key={i} slug={note.slug} type={segment.type} promptHtml={segment.promptHtml} />;
              case "widget":
                return <WidgetSlot key={i} name={segment.name} caption={segment.caption} />;
            }
          })}
        </div>
      )}
    </article>
  );
}
