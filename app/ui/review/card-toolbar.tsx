import { useTranslations } from "next-intl";
import { FLAG_STYLES } from "@/app/ui/cards/flags";

/** What a card control does (each also a key on the review page: see the keyboard help). */
export type ControlAction = "bury" | "suspend" | "reset" | "flag";
/** Anki's "bury note" (`=`) and "suspend note" (`!`): every card of the note on screen. */
export type ControlScope = "card" | "note";

/** The left border of a flagged card, in the flag's colour. */
export const FLAG_BORDER: Record<number, string> = {
  1: "border-l-red-500",
  2: "border-l-orange-400",
  3: "border-l-emerald-500",
  4: "border-l-sky-500",
};

/** The card's controls as buttons (each also a key: see the keyboard help). */
export function CardToolbar({ flag, onControl }: { flag: number; onControl: (action: ControlAction, flag?: number, scope?: ControlScope) => void }) {
  const t = useTranslations("review");
  const rc = useTranslations("reviewControls");
  const flags = useTranslations("flags");
  const button = "rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <div role="toolbar" aria-label={rc("toolbar")} className="mt-4 flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300" data-testid="card-toolbar">
      <button type="button" className={button} onClick={() => onControl("bury")} aria-keyshortcuts="-" data-testid="control-bury">
        {rc("bury")} <kbd className="pointer-coarse:hidden">-</kbd>
      </button>
      <button type="button" className={button} onClick={() => onControl("suspend")} aria-keyshortcuts="@" data-testid="control-suspend">
        {rc("suspend")} <kbd className="pointer-coarse:hidden">@</kbd>
      </button>
      <button type="button" className={button} onClick={() => onControl("bury", 0, "note")} aria-keyshortcuts="=" data-testid="control-bury-note">
        {t("buryNote")} <kbd className="pointer-coarse:hidden">=</kbd>
      </button>
      <button type="button" className={button} onClick={() => onControl("suspend", 0, "note")} aria-keyshortcuts="!" data-testid="control-suspend-note">
        {t("suspendNote")} <kbd className="pointer-coarse:hidden">!</kbd>
      </button>
      <button
        type="button"
        className={button}
        onClick={() => onControl("reset")}
        aria-keyshortcuts="Control+Alt+N"
        data-testid="control-reset"
        title={rc("resetTitle")}
      >
        {rc("reset")} <kbd className="pointer-coarse:hidden">Ctrl+Alt+N</kbd>
      </button>
      <label className="flex items-center gap-1">
        <span>{rc("flag")}</span>
        <select
          value={flag}
          onChange={(event) => onControl("flag", Number(event.target.value))}
          className="rounded-md border border-slate-300 bg-white px-1 py-1 dark:border-slate-700 dark:bg-slate-900"
          data-testid="control-flag"
          aria-keyshortcuts="Control+1 Control+2 Control+3 Control+4"
        >
          {FLAG_STYLES.map((style) => (
            <option key={style.flag} value={style.flag}>
              {flags(String(style.flag) as "0")}
              {style.flag > 0 ? ` (Ctrl+${style.flag})` : ""}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
