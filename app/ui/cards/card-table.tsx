"use client";
import { errorMessageOf } from "@/app/ui/read-json";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FLAG_STYLES } from "./flags";

/** A browsed card as the page passes it (dates as ISO text). */
export interface CardRow {
  cardId: string;
  front: string;
  /** `lang` of the front and the note title: the reader's language when the data has it. */
  frontLang: string;
  noteTitle: string;
  noteTitleLang: string;
  noteSlug: string;
  state: string;
  due: string | null;
  difficulty: number | null;
  retrievability: number | null;
  lapses: number;
  suspended: boolean;
  buried: boolean;
  flag: number;
  leech: boolean;
  /** The address that opens this card's history beside the table. */
  detailHref: string;
}

export interface SortHeader {
  key: string;
  label: string;
  href: string;
  /** aria-sort of the column: the current order, else none. */
  sort: "ascending" | "descending" | "none";
}

type BulkAction = "suspend" | "unsuspend" | "reset" | "flag";

function newClientId(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** A card's front as one line of plain text (markers and math delimiters dropped). */
function plain(text: string): string {
  return text.replace(/==|\*\*|`|\$/g, "").replace(/\s+/g, " ").trim();
}


/**
 * The browser's table with a selection and its bulk actions (suspend, unsuspend, reset, flag),
 * each undoable once. The rows come from the server (filtered, sorted, paged there); a change
 * refreshes them.
 */
export function CardTable({ rows, headers, openCardId }: { rows: CardRow[]; headers: SortHeader[]; openCardId: string | null }) {
  const t = useTranslations("cards.table");
  const states = useTranslations("cards.filters.states");
  const flags = useTranslations("flags");
  const flagName = (value: number) => flags(String(value) as "0");
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [flag, setFlag] = useState(1);
  const [status, setStatus] = useState<{ text: string; error: boolean; undo?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Suspend/unsuspend every card of the selected cards' notes (Anki's "toggle suspend" on notes).
  const [wholeNotes, setWholeNotes] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const tReview = useTranslations("review");
  // A row that left the page after a refresh cannot stay selected.
  const visible = new Set(rows.map((r) => r.cardId));
  const chosen = [...selected].filter((id) => visible.has(id));
  const allChosen = rows.length > 0 && chosen.length === rows.length;

  const toggle = (cardId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(cardId)) next.delete(cardId);
      else next.add(cardId);
      return next;
    });

  async function apply(action: BulkAction) {
    if (chosen.length === 0) return;
    setBusy(true);
    setStatus(null);
    const clientId = newClientId();
    const scope = wholeNotes && (action === "suspend" || action === "unsuspend") ? "note" : "card";
    const response = await fetch("/api/cards/control", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clientId, cardIds: chosen, action, scope, ...(action === "flag" ? { flag } : {}) }),
    }).catch(() => null);
    setBusy(false);
    if (!response?.ok) {
      const message = errorMessageOf(await response?.json().catch(() => undefined));
      setStatus({ text: message ?? t("notSaved"), error: true });
      return;
    }
    const data = (await response.json().catch(() => null)) as { cards?: unknown[] } | null;
    const n = data?.cards?.length ?? chosen.length;
    const done = action === "flag" && flag === 0 ? "unflag" : action;
    setStatus({ text: t("done", { count: n, action: done, flag: flagName(flag) }), error: false, undo: clientId });
    startRefresh(() => router.refresh());
  }

  async function undo(clientId: string) {
    setBusy(true);
    const response = await fetch("/api/review/undo", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clientId }),
    }).catch(() => null);
    setBusy(false);
    if (!response?.ok) {
      setStatus({
        text: response?.status === 409 ? t("undoConflict") : t("undoFailed"),
        error: true,
      });
      return;
    }
    setStatus({ text: t("undone"), error: false });
    startRefresh(() => router.refresh());
  }

  const button =
    "rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50 disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <div className="min-w-0" aria-busy={refreshing}>
      <div role="toolbar" aria-label={t("selectedCards")} className="mb-2 flex flex-wrap items-center gap-2" data-testid="bulk-actions">
        <span className="text-sm text-slate-600 dark:text-slate-300" data-testid="selected-count" aria-live="polite">
          {t("selected", { count: chosen.length })}
        </span>
        <button type="button" className={button} disabled={busy || chosen.length === 0} onClick={() => void apply("suspend")} data-testid="bulk-suspend">
          {t("suspend")}
        </button>
        <button type="button" className={button} disabled={busy || chosen.length === 0} onClick={() => void apply("unsuspend")} data-testid="bulk-unsuspend">
          {t("unsuspend")}
        </button>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={wholeNotes} onChange={(e) => setWholeNotes(e.target.checked)} data-testid="bulk-whole-notes" />
          <span>{tReview("wholeNotes")}</span>
        </label>
        <button type="button" className={button} disabled={busy || chosen.length === 0 || wholeNotes} onClick={() => void apply("reset")} data-testid="bulk-reset" title={t("resetTitle")}>
          {t("reset")}
        </button>
        <label className="flex items-center gap-1 text-sm">
          <span className="sr-only">{t("flagToSet")}</span>
          <select
            value={flag}
            onChange={(e) => setFlag(Number(e.target.value))}
            className="rounded-md border border-slate-300 bg-white px-1 py-1 dark:border-slate-700 dark:bg-slate-900"
            data-testid="bulk-flag-choice"
          >
            {FLAG_STYLES.map((style) => (
              <option key={style.flag} value={style.flag}>
                {flagName(style.flag)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={button} disabled={busy || chosen.length === 0 || wholeNotes} onClick={() => void apply("flag")} data-testid="bulk-flag">
          {t("setFlag")}
        </button>
        {status && (
          <span className={`text-sm ${status.error ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`} data-testid="bulk-status" aria-live="polite">
            {status.text}{" "}
            {status.undo && (
              <button type="button" className="underline" onClick={() => void undo(status.undo!)} disabled={busy} data-testid="bulk-undo">
                {t("undo")}
              </button>
            )}
          </span>
        )}
      </div>
      {/* relative: the cells' visually hidden (absolute) labels stay inside this scrolling box instead of widening the page. */}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
        <table className="w-full text-left text-sm" data-testid="cards-table">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-slate-50 text-xs uppercase text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              <th scope="col" className="w-8 px-2 py-2">
                <input
                  type="checkbox"
                  aria-label={t("selectAll")}
                  checked={allChosen}
                  onChange={() => setSelected(allChosen ? new Set() : new Set(rows.map((r) => r.cardId)))}
                  data-testid="select-all"
                  className="h-4 w-4 accent-accent-600"
                />
              </th>
              {headers.map((header) => (
                <th key={header.key} scope="col" aria-sort={header.sort} className="px-2 py-2 whitespace-nowrap">
                  <Link href={header.href} className="hover:underline" data-testid={`sort-${header.key}`}>
                    {header.label}
                    <span aria-hidden="true">{header.sort === "ascending" ? " ▲" : header.sort === "descending" ? " ▼" : ""}</span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.cardId}
                data-testid="card-row"
                data-card-id={row.cardId}
                className={`border-t border-slate-100 dark:border-slate-800 ${row.cardId === openCardId ? "bg-accent-50 dark:bg-slate-800" : ""} ${row.suspended ? "text-slate-500 dark:text-slate-500" : ""}`}
              >
                <td className="px-2 py-1.5">
                  <input
                    type="checkbox"
                    // Named by the card's own text (the link beside it, marked as English).
                    aria-labelledby={`card-front-${row.cardId}`}
                    checked={selected.has(row.cardId)}
                    onChange={() => toggle(row.cardId)}
                    className="h-4 w-4 accent-accent-600"
                  />
                </td>
                <td className="max-w-xs px-2 py-1.5">
                  <Link href={row.detailHref} scroll={false} id={`card-front-${row.cardId}`} className="line-clamp-2 hover:underline" data-testid="card-open" lang={row.frontLang} aria-current={row.cardId === openCardId ? "true" : undefined}>
                    {plain(row.front)}
                  </Link>
                  <span className="mt-0.5 flex flex-wrap gap-1 text-xs">
                    {row.suspended && <Badge tone="slate">{t("badgeSuspended")}</Badge>}
                    {row.buried && <Badge tone="slate">{t("badgeBuried")}</Badge>}
                    {row.leech && <Badge tone="amber">{t("badgeLeech")}</Badge>}
                  </span>
                </td>
                <td className="px-2 py-1.5 text-slate-600 dark:text-slate-300" lang={row.noteTitleLang}>{row.noteTitle}</td>
                <td className="px-2 py-1.5">{states.has(row.state as "new") ? states(row.state as "new") : row.state}</td>
                <td className="px-2 py-1.5 whitespace-nowrap">{row.due ? row.due.slice(0, 10) : "—"}</td>
                <td className="px-2 py-1.5 tabular-nums">{row.difficulty === null ? "—" : row.difficulty.toFixed(1)}</td>
                <td className="px-2 py-1.5 tabular-nums">{row.retrievability === null ? "—" : `${Math.round(row.retrievability * 100)}%`}</td>
                <td className="px-2 py-1.5 tabular-nums">{row.lapses}</td>
                <td className="px-2 py-1.5" data-testid="card-flag-cell">
                  {row.flag > 0 ? (
                    <span className="flex items-center gap-1">
                      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${FLAG_STYLES[row.flag]?.swatch ?? ""}`} />
                      {flagName(row.flag)}
                    </span>
                  ) : (
                    <span className="sr-only">{flagName(0)}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Badge({ tone, children }: { tone: "slate" | "amber"; children: React.ReactNode }) {
  const colours =
    tone === "amber" ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300";
  return <span className={`rounded px-1.5 py-0.5 ${colours}`}>{children}</span>;
}
