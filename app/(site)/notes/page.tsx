import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { listOwnNotes } from "@/app/lib/server/data/own-notes";
import { ImportNotes } from "@/app/ui/own-notes/import-notes";
import { RestoreNoteButton } from "@/app/ui/own-notes/restore-note-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ownNotes"))("title") };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `/notes`: the reader's own notes, newest first, and those deleted in the last 30 days. */
export default async function MyNotesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/notes");
  const [{ notes, deleted }, query, t] = await Promise.all([listOwnNotes(user.id, new Date()), searchParams, getTranslations("ownNotes")]);
  const now = Date.now();
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t("intro", { count: notes.length, max: OWN_NOTE_LIMITS.maxNotes })}
          </p>
        </div>
        <Link href="/notes/new" className="rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700" data-testid="new-note">
          {t("write")}
        </Link>
      </header>
      {query.deleted === "1" && (
        <p className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800" data-testid="deleted-notice">
          {t("deletedNotice", { days: OWN_NOTE_LIMITS.restoreDays })}
        </p>
      )}
      {notes.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400" data-testid="notes-empty">
          {t("empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="own-notes">
          {notes.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link href={`/notes/${n.id}`} className="font-medium hover:text-accent-600">{n.live ? n.title : t("untitledDraft")}</Link>
                <p className="text-xs text-slate-500">
                  {n.status === "draft" ? t("draftProblems") : ""}
                  {t("meta", { cards: n.cardCount, saved: new Date(n.updatedAt) })}
                </p>
              </div>
              <span className="flex gap-3">
                <a
                  href={`/api/own-notes/export?id=${n.id}`}
                  download
                  aria-label={t("exportOne", { title: n.live ? n.title : t("untitledDraft") })}
                  className="text-sm text-accent-600 underline dark:text-accent-500"
                >
                  {t("exportOneShort")}
                </a>
                <Link href={`/notes/${n.id}/edit`} className="text-sm text-accent-600 underline dark:text-accent-500">{t("edit")}</Link>
              </span>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="import-export" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="import-export" className="text-lg font-semibold">{t("importExport")}</h2>
        <ImportNotes />
        {notes.length > 0 && (
          <a href="/api/own-notes/export" download data-testid="export-notes" className="inline-block text-sm text-accent-600 underline dark:text-accent-500">
            {t("exportAll")}
          </a>
        )}
      </section>
      {deleted.length > 0 && (
        <section aria-labelledby="deleted-notes">
          <h2 id="deleted-notes" className="mb-2 text-lg font-semibold">{t("recentlyDeleted")}</h2>
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" data-testid="deleted-notes">
            {deleted.map((n) => {
              const left = Math.max(0, Math.ceil((new Date(n.deletedAt ?? 0).getTime() + OWN_NOTE_LIMITS.restoreDays * DAY_MS - now) / DAY_MS));
              return (
                <li key={n.id} className="flex items-center justify-between gap-2 py-3">
                  <div>
                    <p className="font-medium">{n.title}</p>
                    <p className="text-xs text-slate-500">{t("goneIn", { days: left })}</p>
                  </div>
                  <RestoreNoteButton id={n.id} title={n.title} />
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
