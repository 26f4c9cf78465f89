"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/** The review page's keys, as Anki has them where a browser lets the page have them. */
export const REVIEW_KEYS = [
  { keys: "Space / Enter", what: "show" },
  { keys: "1 2 3 4", what: "grade" },
  { keys: "Ctrl+Z", what: "undo" },
  { keys: "-", what: "bury" },
  { keys: "@", what: "suspend" },
  { keys: "=", what: "buryNote" },
  { keys: "!", what: "suspendNote" },
  { keys: "Ctrl+1 … Ctrl+4", what: "flag" },
  { keys: "Ctrl+Alt+N", what: "forget" },
  { keys: "?", what: "help" },
] as const;

/**
 * The keys in a dialog (the native <dialog>: focus moves in and Escape closes it). Browsers
 * keep Ctrl+1..4 for switching tabs in a normal window, so the flag menu is the other way.
 */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslations("keyboardHelp");
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="review-keys-title"
      data-testid="keyboard-help"
      className="m-auto max-w-md rounded-xl border border-slate-200 bg-white p-5 text-slate-900 backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="review-keys-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <table className="mt-3 w-full text-sm">
        <tbody>
          {REVIEW_KEYS.map(({ keys, what }) => (
            <tr key={keys} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-4 text-left font-normal">
                <kbd className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">{keys}</kbd>
              </th>
              <td className="py-1.5">{t(`keys.${what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
        {t("tabsNote")}
      </p>
      <button
        type="button"
        onClick={onClose}
        className="mt-4 rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
        data-testid="keyboard-help-close"
      >
        {t("close")}
      </button>
    </dialog>
  );
}
