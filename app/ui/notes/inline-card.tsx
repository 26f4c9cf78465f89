"use client";
import { useId, useState } from "react";

/** A card inside the note, answer hidden until asked for (as in Orbit's mnemonic medium). */
export function InlineCard({ type, frontHtml, backHtml }: { type: string; frontHtml: string; backHtml: string }) {
  const [shown, setShown] = useState(false);
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
      {shown ? (
        <div id={answerId} data-testid="inline-card-answer" className="card-html mt-3 border-t border-accent-100 pt-3 dark:border-slate-700" dangerouslySetInnerHTML={{ __html: backHtml }} />
      ) : null}
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={answerId}
        onClick={() => setShown((v) => !v)}
        className="mt-3 rounded-md border border-accent-500 px-3 py-1 text-sm text-accent-700 hover:bg-accent-100 dark:text-accent-500 dark:hover:bg-slate-800"
      >
        {shown ? "Hide answer" : "Show answer"}
      </button>
    </aside>
  );
}
