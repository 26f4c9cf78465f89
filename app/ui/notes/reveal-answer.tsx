"use client";
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";

/** The answer of a card in a note (server markup, `children`) and the button that shows and hides it. */
export function RevealAnswer({ children }: { children: ReactNode }) {
  const t = useTranslations("note");
  const [shown, setShown] = useState(false);
  const answerId = useId();
  return (
    <>
      <div id={answerId} hidden={!shown} data-testid="inline-card-answer" className="mt-3 border-t border-accent-100 pt-3 dark:border-slate-700">
        {children}
      </div>
      <button
        type="button"
        aria-expanded={shown}
        aria-controls={answerId}
        onClick={() => setShown((v) => !v)}
        className="mt-3 rounded-md border border-accent-500 px-3 py-1 text-sm text-accent-700 hover:bg-accent-100 dark:text-accent-500 dark:hover:bg-slate-800"
      >
        {shown ? t("hideAnswer") : t("showAnswer")}
      </button>
    </>
  );
}
