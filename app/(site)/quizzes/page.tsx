import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { htmlLang } from "@/app/lib/domain/i18n/locales";
import { readQuizOwner } from "@/app/lib/server/auth/quiz-owner";
import { getSessionUser } from "@/app/lib/server/auth/session";
import { getQuizHistory, type QuizHistory } from "@/app/lib/server/data/quiz-history";
import { listQuizSources } from "@/app/lib/server/data/quiz-questions";
import { getWeakNotes } from "@/app/lib/server/data/quiz-weak-spots";
import { QuizHistoryList, formatDate } from "@/app/ui/quiz/quiz-history";
import { StartQuizForm } from "@/app/ui/quiz/start-quiz-form";
import { DiscardAttemptButton } from "@/app/ui/quiz/discard-attempt-button";
import { QUIZ_LENGTH_DEFAULT, QUIZ_LENGTH_MAX } from "@/app/lib/schemas/quiz";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quizzes"))("title") };
}

const EMPTY_HISTORY: QuizHistory = { inProgress: [], groups: [] };

export default async function QuizzesPage() {
  const [user, owner, t, areaNames] = await Promise.all([
    getSessionUser(),
    readQuizOwner(),
    getTranslations("quizzes"),
    getTranslations("areas"),
  ]);
  const sources = await listQuizSources(user?.id ?? null, await getLocale());
  const [history, weakNotes] = await Promise.all([
    owner ? getQuizHistory(owner) : EMPTY_HISTORY,
    user ? getWeakNotes(user.id, new Date()) : [],
  ]);
  return (
    <div className="space-y-10">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-600 dark:text-slate-400">
          {t("intro")}
        </p>
      </header>

      {history.inProgress.length > 0 && (
        <section aria-labelledby="resume-heading" className="space-y-3">
          <h2 id="resume-heading" className="text-lg font-semibold">
            {t("carryOn")}
          </h2>
          <ul className="space-y-2" data-testid="quiz-in-progress">
            {history.inProgress.map((attempt) => (
              <li key={attempt.id} className="flex items-center gap-2">
                <Link
                  href={`/quizzes/${attempt.id}`}
                  className="flex min-h-11 flex-1 items-center justify-between gap-3 rounded-lg border border-slate-200 px-3 py-2 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
                >
                  <span className="font-medium">{attempt.title}</span>
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    {t("answered", { answered: attempt.answered, total: attempt.total, date: formatDate(attempt.startedAt) })}
                  </span>
                </Link>
                <DiscardAttemptButton attemptId={attempt.id} title={attempt.title} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="new-heading" className="space-y-3 rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-800">
        <h2 id="new-heading" className="text-lg font-semibold">
          {t("newQuiz")}
        </h2>
        <StartQuizForm
          sources={sources}
          signedIn={user !== null}
          defaults={{ kind: "areas", note: "", areas: sources.map((a) => a.area), length: QUIZ_LENGTH_DEFAULT, mode: "each" }}
        />
      </section>

      <section aria-labelledby="weak-heading" className="space-y-3">
        <h2 id="weak-heading" className="text-lg font-semibold">
          {t("weakSpots")}
        </h2>
        {!user ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t.rich("weakSignIn", {
              link: (chunks) => (
                <Link href="/signin?callbackUrl=%2Fquizzes" className="text-accent-600 underline dark:text-accent-500">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : weakNotes.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noWeak")}</p>
        ) : (
          <div className="space-y-3">
            <ul className="flex flex-wrap gap-2" data-testid="quiz-weak-notes">
              {weakNotes.map((note) => (
                <li key={note.slug}>
                  <Link
                    href={`/quizzes/new?note=${note.slug}`}
                    className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
                    title={t("weakTitle", { forgetting: Math.round(note.cardWeakness * 100), missed: Math.round(note.missRate * 100) })}
                  >
                    {note.short}
                  </Link>
                </li>
              ))}
            </ul>
            <Link
              href="/quizzes/new?weak=1"
              data-testid="quiz-weak-start"
              className="inline-flex min-h-11 items-center rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700"
            >
              {t("quizWeak")}
            </Link>
          </div>
        )}
      </section>

      <section aria-labelledby="notes-heading" className="space-y-4">
        <h2 id="notes-heading" className="text-lg font-semibold">
          {t("byArea")}
        </h2>
        {sources.map((area) => (
          <div key={area.area} className="space-y-2">
            <h3 className="flex items-baseline gap-3 font-medium">
              {areaNames.has(area.area as "concepts") ? areaNames(area.area as "concepts") : area.label}
              <Link
                href={`/quizzes/new?areas=${area.area}&length=${Math.min(area.questionCount, QUIZ_LENGTH_MAX)}`}
                className="text-sm font-normal text-accent-600 underline dark:text-accent-500"
              >
                {area.questionCount > QUIZ_LENGTH_MAX
                  ? t("quizAreaPart", { max: QUIZ_LENGTH_MAX, count: area.questionCount })
                  : t("quizArea", { count: area.questionCount })}
              </Link>
            </h3>
            <ul className="flex flex-wrap gap-2">
              {area.notes.map((note) => (
                <li key={note.slug}>
                  <Link
                    href={`/quizzes/new?note=${note.slug}`}
                    title={note.title}
                    // The tooltip is the title in the reader's language when the note has one
                    // (the short name is the paper's own, a name in either language).
                    lang={htmlLang(note.titleIn)}
                    data-testid={`quiz-note-${note.slug}`}
                    className="inline-block rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
                  >
                    {note.short} <span className="text-xs text-slate-500">{note.questionCount}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("history")}
        </h2>
        {!owner ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("historyEmpty")}</p>
        ) : (
          <QuizHistoryList groups={history.groups} />
        )}
      </section>
    </div>
  );
}
