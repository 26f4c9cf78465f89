import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { notePath } from "@/app/lib/domain/i18n/locales";
import type { LibraryEntry } from "@/app/lib/server/data/papers";
import { StudySetToggle } from "./study-set-toggle";

/** `inStudySet` is null for a visitor who is not signed in (no switch then). */
export function NoteTile({ entry, mastery, inStudySet }: { entry: LibraryEntry; mastery: number | null; inStudySet: boolean | null }) {
  const t = useTranslations("library");
  const locale = useLocale();
  const pct = mastery === null ? null : Math.round(mastery * 100);
  return (
    <li data-testid="note-tile" className="flex flex-col rounded-lg border border-slate-200 p-4 hover:border-accent-500 dark:border-slate-800">
      <div className="flex items-baseline justify-between gap-2">
        <Link href={entry.mine ? `/notes/${entry.id}` : notePath(locale, entry.slug)} className="font-semibold text-slate-900 hover:text-accent-600 dark:text-white">
          {entry.short}
        </Link>
        {entry.mine && (
          <span className="shrink-0 rounded-full bg-accent-100 px-2 py-0.5 text-xs font-medium text-accent-700 dark:bg-slate-800 dark:text-accent-500" data-testid="tile-yours">
            {t("yours")}
          </span>
        )}
        <span className="shrink-0 text-xs text-slate-500">{entry.kind === "concept" ? t("concept") : entry.year}</span>
      </div>
      <p className="mt-1 line-clamp-2 text-sm text-slate-600 dark:text-slate-400">{entry.title}</p>
      {entry.snippet && (
        // The snippet comes from ts_headline over our own content; only <mark> is added.
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300 [&_mark]:bg-yellow-200 dark:[&_mark]:bg-yellow-700/60" dangerouslySetInnerHTML={{ __html: escapeExceptMark(entry.snippet) }} />
      )}
      <p className="mt-auto pt-3 text-xs text-slate-500">
        {t("tileCounts", { cards: entry.cardCount, questions: entry.questionCount })}
      </p>
      {pct !== null && (
        <div className="mt-2" aria-label={t("mastery", { pct })}>
          <div className="h-1.5 rounded bg-slate-200 dark:bg-slate-800">
            <div className="h-1.5 rounded bg-accent-600" style={{ width: `${pct}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-500" data-testid="tile-mastery">{t("mastery", { pct })}</p>
        </div>
      )}
      {inStudySet !== null && <StudySetToggle slug={entry.slug} short={entry.short} initial={inStudySet} />}
    </li>
  );
}

function escapeExceptMark(text: string): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped.replace(/&lt;mark&gt;/g, "<mark>").replace(/&lt;\/mark&gt;/g, "</mark>");
}
