import { StudySetButton } from "@/app/ui/review/study-set-button";

/**
 * The per-user part of a statically rendered note page. Server markup with every state in it
 * (loading shown, the others hidden): public/islands/note.js asks GET /api/me/notes/<slug> and
 * shows the user's state, guest or error, as React did here before.
 */
export function NoteUserPanel({ slug, cardCount, questionCount }: { slug: string; cardCount: number; questionCount: number }) {
  return (
    <section
      aria-label="Study this note"
      data-island="note-panel"
      data-slug={slug}
      className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {cardCount} cards · {questionCount} quiz questions
      </p>
      <div data-when="user" hidden>
        <div className="flex justify-between text-xs text-slate-500">
          <span id={`mastery-${slug}`}>Your mastery</span>
          <span data-testid="note-mastery" data-part="mastery">0%</span>
        </div>
        <div
          role="progressbar"
          aria-labelledby={`mastery-${slug}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={0}
          data-part="mastery-bar"
          className="mt-1 h-2 rounded bg-slate-200 dark:bg-slate-800"
        >
          <div className="h-2 rounded bg-accent-600" style={{ width: "0%" }} />
        </div>
      </div>
      <p data-when="loading" className="text-xs text-slate-500" role="status">Loading your progress…</p>
      <p data-when="error" hidden className="text-xs text-red-600">Could not load your progress for this note.</p>
      <StudySetButton slug={slug} />
      <a
        href={`/review?paper=${slug}`}
        data-when="user"
        hidden
        className="block rounded-md bg-accent-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-accent-700"
      >
        Review this note&apos;s cards
      </a>
      <a
        href={`/quizzes/new?note=${slug}`}
        data-testid="note-quiz-link"
        className="block rounded-md border border-slate-300 px-3 py-2 text-center text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
      >
        Take this note&apos;s quiz
      </a>
    </section>
  );
}
