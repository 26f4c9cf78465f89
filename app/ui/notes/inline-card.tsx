import { useId } from "react";
import type { SourceLink } from "@/app/lib/schemas/rendered-note";
import { AnswerSource } from "./answer-source";

/**
 * A card inside the note, answer hidden until asked for (as in Orbit's mnemonic medium).
 * Server markup: public/islands/note.js flips `aria-expanded` and the answer's `hidden`; the
 * button's label follows `aria-expanded` through CSS.
 */
export function InlineCard({
  type,
  frontHtml,
  backHtml,
  source = null,
}: {
  type: string;
  frontHtml: string;
  backHtml: string;
  source?: SourceLink | null;
}) {
  const answerId = useId();
  return (
    <aside
      data-testid="inline-card"
      aria-label="Flashcard"
      className="not-prose my-5 rounded-lg border border-accent-100 bg-accent-50/60 p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-500">
        {type === "cloze" ? "Fill the gap" : "Recall"}
      </p>
      <div className="card-html" dangerouslySetInnerHTML={{ __html: frontHtml }} />
      <div id={answerId} hidden data-testid="inline-card-answer" className="mt-3 border-t border-accent-100 pt-3 dark:border-slate-700">
        <div className="card-html" dangerouslySetInnerHTML={{ __html: backHtml }} />
        {source && <AnswerSource source={source} testId="inline-card-source" />}
      </div>
      <button
        type="button"
        data-island="disclosure"
        aria-expanded={false}
        aria-controls={answerId}
        className="group mt-3 rounded-md border border-accent-500 px-3 py-1 text-sm text-accent-700 hover:bg-accent-100 dark:text-accent-500 dark:hover:bg-slate-800"
      >
        <span className="group-aria-expanded:hidden">Show answer</span>
        <span className="hidden group-aria-expanded:inline">Hide answer</span>
      </button>
    </aside>
  );
}
