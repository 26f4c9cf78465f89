"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { notePath } from "@/app/lib/domain/i18n/locales";
import { useEffect, useState } from "react";
import { PassageCards } from "./passage-cards";
import { readNoteUserStatus } from "@/app/lib/schemas/shell-responses";
import { readJson } from "@/app/ui/read-json";
import { StudySetButton } from "@/app/ui/review/study-set-button";
import { MakeCopyButton } from "./make-copy-button";

type Status =
  | { state: "loading" }
  | { state: "error" }
  | { state: "guest" }
  | { state: "user"; inStudySet: boolean; mastery: number };

/**
 * The per-user part of a note page, which is rendered once and shared by everyone: asked of
 * GET /api/me/notes/<slug> once the page is in the browser.
 */
export function NoteUserPanel({ slug, counts }: { slug: string; counts: string }) {
  const t = useTranslations("note");
  const locale = useLocale();
  const [status, setStatus] = useState<Status>({ state: "loading" });
  useEffect(() => {
    let live = true;
    fetch(`/api/me/notes/${encodeURIComponent(slug)}`, { cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = await readJson(response, readNoteUserStatus);
        if (!body) throw new Error("An answer of another shape");
        if (!live) return;
        setStatus(body.signedIn ? { state: "user", inStudySet: body.inStudySet, mastery: body.mastery } : { state: "guest" });
      })
      .catch(() => live && setStatus({ state: "error" }));
    return () => {
      live = false;
    };
  }, [slug]);
  const percent = status.state === "user" ? Math.round(status.mastery * 100) : 0;

  return (
    <section aria-label={t("studyThisNote")} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {counts}
      </p>
      {/* The reader's own cards on this note's passages: asked for only once we know a reader is
          signed in (a guest's request would be a 401 in the browser's console). */}
      {status.state === "user" && <PassageCards slug={slug} />}
      {status.state === "user" && (
        <div>
          <div className="flex justify-between text-xs text-slate-500">
            <span id={`mastery-${slug}`}>{t("mastery")}</span>
            <span data-testid="note-mastery">{percent}%</span>
          </div>
          <div
            role="progressbar"
            aria-labelledby={`mastery-${slug}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-2 rounded bg-accent-600" style={{ width: `${percent}%` }} />
          </div>
        </div>
      )}
      {status.state === "loading" && (
        <p className="text-xs text-slate-500" role="status">
          {t("loadingProgress")}
        </p>
      )}
      {status.state === "error" && <p className="text-xs text-red-600">{t("progressFailed")}</p>}
      {status.state === "user" ? (
        <StudySetButton slug={slug} inStudySet={status.inStudySet} />
      ) : (
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent(notePath(locale, slug))}`}
          className="text-sm text-accent-600 underline dark:text-accent-100"
        >
          {t("signInToStudy")}
        </Link>
      )}
      {status.state === "user" && (
        <Link
          href={`/review?paper=${slug}`}
          className="block rounded-md bg-accent-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-accent-700"
        >
          {t("reviewCards")}
        </Link>
      )}
      <Link
        href={`/quizzes/new?note=${slug}`}
        data-testid="note-quiz-link"
        className="block rounded-md border border-slate-300 px-3 py-2 text-center text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        {t("takeQuiz")}
      </Link>
      {status.state === "user" && <MakeCopyButton slug={slug} />}
    </section>
  );
}
