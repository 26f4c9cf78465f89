"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { QueueCounts, ReviewCard } from "@/app/lib/server/data/review-queue";
import { studyMoreNewToday } from "@/app/lib/server/actions/study-more-new-today";
import { AnswerSource } from "@/app/ui/notes/answer-source";
import { flagName } from "@/app/ui/cards/flags";
import { KeyboardHelp } from "./keyboard-help";
import type { DailyGoal } from "@/app/lib/domain/stats/daily-goal";
import { DailyGoalBar } from "./daily-goal-bar";
import { AnswerOutbox, fetchSender, type PendingAnswer, type SendResult } from "./outbox";
import { cardControlResultSchema, reviewQueueSchema, undoneSchema } from "@/app/lib/schemas/api-responses";
import { readJson } from "@/app/ui/read-json";
import { CardToolbar, FLAG_BORDER, type ControlAction, type ControlScope } from "./card-toolbar";
import { minutesAhead, useDescribeDue } from "./due-text";
import { countsWithoutPending, minus } from "./queue-counts";
import { ReviewFinished } from "./review-finished";
import { TypedResult } from "./typed-result";

/** The queue as the server sends it to the page (dates as ISO text). */
export interface QueuePayload {
  cards: ReviewCard[];
  counts: QueueCounts;
  nextDue: string | null;
  nextDayStart: string;
  /** Cards answered today before this page loaded. */
  doneToday: number;
  /** New cards of the scope held back by today's new-card limit (0 while it is not reached). */
  newWaiting: number;
}

interface Answered {
  /** An answer (undone through the outbox or the server) or a card control (server only). */
  type: "answer" | "control";
  clientId: string;
  card: ReviewCard;
  /** Counts before the answer, restored by undo. */
  countsBefore: QueueCounts;
  /** A control that took the card out of the session (bury, suspend, reset): undo brings it back. */
  removed?: boolean;
  /** A note-scoped control: the other cards of the note it took out of the session too. */
  alsoRemoved?: ReviewCard[];
}



const RATINGS = [
  { rating: 1, name: "again", key: "1", tone: "bg-red-600 hover:bg-red-700" },
  { rating: 2, name: "hard", key: "2", tone: "bg-amber-600 hover:bg-amber-700" },
  { rating: 3, name: "good", key: "3", tone: "bg-emerald-600 hover:bg-emerald-700" },
  { rating: 4, name: "easy", key: "4", tone: "bg-sky-600 hover:bg-sky-700" },
] as const;

/** localStorage key of the "type the answer" choice (per device, like Anki's per-deck note type). */
const TYPE_ANSWERS_KEY = "paperdeck:type-answers";

/**
 * Whether a key press belongs to an input method's composition (pinyin typed and not yet
 * committed): Chromium and Firefox set isComposing; Safari and older browsers send keyCode 229
 * for those presses. Space and 1–4 then pick a candidate, they must not reveal or grade.
 */
export function isImeComposing(event: KeyboardEvent): boolean {
  return event.isComposing || event.keyCode === 229;
}

/** Fetch more cards when this few are left on hand. */
const PREFETCH_BELOW = 4;

function newClientId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function ReviewSession({
  initial,
  storageKey,
  scopeQuery,
  scopeName = null,
  goal = null,
  custom = null,
}: {
  /** The daily goal and today's reviews and time before this page loaded; null without a goal. */
  goal?: { goal: DailyGoal; reviews: number; ms: number } | null;
  initial: QueuePayload;
  /** localStorage key of this user's unsent answers. */
  storageKey: string;
  /** "paper=bert" or "area=Vision" or "": the session's narrowing, passed on to prefetches. */
  scopeQuery: string;
  /** The note ("MoCo") or area the session is narrowed to, for messages; null for all. */
  scopeName?: string | null;
  /** A custom study session ("ahead", "forgotten"), or null for today's queue. */
  custom?: "ahead" | "forgotten" | null;
}) {
  const t = useTranslations("review");
  const rc = useTranslations("reviewControls");
  const flags = useTranslations("flags");
  const describeDue = useDescribeDue();
  const [queue, setQueue] = useState<ReviewCard[]>(initial.cards);
  const [counts, setCounts] = useState<QueueCounts>(initial.counts);
  const [nextDue, setNextDue] = useState<string | null>(initial.nextDue);
  const [newWaiting, setNewWaiting] = useState(initial.newWaiting);
  const [raising, setRaising] = useState(false);
  // Revealed is a property of one card: if the card on screen changes (answers from an earlier
  // visit hide it, an undo brings another back), the new one starts with its answer hidden.
  const [revealedId, setRevealedId] = useState<string | null>(null);
  const [history, setHistory] = useState<Answered[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // A short first batch is topped up at once: show "loading" rather than a finish screen meanwhile.
  const [loading, setLoading] = useState(initial.cards.length < PREFETCH_BELOW);
  const [ready, setReady] = useState(false);
  const shownAt = useRef<number>(0);
  const knownVersions = useRef(new Map<string, number>());
  // Cards a control is taking out of the session while it is on its way: a queue fetched
  // meanwhile (before the server wrote it) must not bring them back.
  const leaving = useRef(new Set<string>());
  // The queue as a ref for the note controls, so that they (and the key handler) are not made
  // anew on every answer.
  const queueRef = useRef(queue);
  useEffect(() => {
    queueRef.current = queue;
  }, [queue]);
  const fetching = useRef(false);
  const refetch = useRef(false);
  const [outboxVersion, setOutboxVersion] = useState(0);
  const [leeches, setLeeches] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const [typing, setTyping] = useState(false);
  // What was typed, for one card: another card on screen starts empty.
  const [typed, setTyped] = useState<{ cardId: string; text: string } | null>(null);

  const [outbox, setOutbox] = useState<AnswerOutbox | null>(null);
  // This page's answers and time, for the daily goal (an undo takes its answer back).
  const [spent, setSpent] = useState({ answers: 0, ms: 0 });

  // The outbox lives in the browser only: answers left from an earlier visit hide their cards,
  // keep the counts right, and are sent first.
  useEffect(() => {
    const box = new AnswerOutbox({
      key: storageKey,
      storage: window.localStorage,
      send: fetchSender,
      onChange: () => setOutboxVersion((v) => v + 1),
      onSettled: (answer: PendingAnswer, result: SendResult) => {
        if (result.kind === "ok") {
          knownVersions.current.set(answer.cardId, result.version);
          if (result.leech) {
            setLeeches((n) => n + 1);
            setNotice(rc("leech"));
          }
        } else if (result.kind === "refused") {
          setNotice(result.status === 409 ? t("conflict") : result.message);
        }
      },
    });
    const pending = box.entries();
    if (pending.length > 0) {
      const pendingCards = new Set(pending.map((a) => a.cardId));
      setQueue((q) => q.filter((card) => !pendingCards.has(card.cardId)));
      setCounts((c) => countsWithoutPending(c, pending));
    }
    setOutbox(box);
    setTyping(window.localStorage.getItem(TYPE_ANSWERS_KEY) === "1");
    setReady(true);
    shownAt.current = performance.now();
    box.kick();
    const online = () => box.kick();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      box.stop();
    };
    // `t` is read when an answer settles; a language switch renders the page anew.
  }, [storageKey]);

  // Re-read on every outbox change (outboxVersion) so the "saving" line stays current.
  const pendingCount = outbox && outboxVersion >= 0 ? outbox.entries().length : 0;

  const current = queue[0];
  const revealed = current !== undefined && revealedId === current.cardId;
  const showButton = useRef<HTMLButtonElement>(null);
  const typeInput = useRef<HTMLInputElement>(null);
  const typeable = typing && current?.typeable ? current.typeable : null;
  const typedText = typed && current && typed.cardId === current.cardId ? typed.text : "";
  const gradeGroup = useRef<HTMLDivElement>(null);

  // Keep the keyboard on the card: the button that had focus is replaced when the answer shows
  // and when the next card comes. The grades' group takes focus, not a button in it: a Space
  // whose keydown revealed the answer would otherwise click that button on keyup.
  useEffect(() => {
    if (!current) return;
    const inSession = document.activeElement === document.body || document.activeElement?.closest("[data-testid=review-session]");
    if (!inSession) return;
    if (revealed) gradeGroup.current?.focus({ preventScroll: true });
    else (typeInput.current ?? showButton.current)?.focus({ preventScroll: true });
  }, [revealed, current, typing]);

  const prefetch = useCallback(async () => {
    if (!outbox) return;
    // One fetch at a time; a request made meanwhile (the queue ran lower) runs after it, since
    // the answers given since may have changed what the server has (learn-ahead cards).
    if (fetching.current) {
      refetch.current = true;
      return;
    }
    fetching.current = true;
    setLoading(true);
    try {
      // Let answers on their way land first, so the server's counts include them.
      await outbox.drained(1500);
      const pendingAtStart = [...outbox.entries()];
      const response = await fetch(`/api/review/queue?limit=20${scopeQuery ? `&${scopeQuery}` : ""}`, {
        cache: "no-store",
      });
      if (!response.ok) return;
      const data = await readJson(response, reviewQueueSchema);
      if (!data) return;
      const pendingCards = new Set(outbox.entries().map((a) => a.cardId));
      setQueue((held) => {
        const heldIds = new Set(held.map((c) => c.cardId));
        const fresh = data.cards.filter(
          (card) =>
            !heldIds.has(card.cardId) &&
            !pendingCards.has(card.cardId) &&
            !leaving.current.has(card.cardId) &&
            card.version >= (knownVersions.current.get(card.cardId) ?? 0),
        );
        return [...held, ...fresh];
      });
      setCounts(countsWithoutPending(data.counts, pendingAtStart));
      setNextDue(data.nextDue);
      setNewWaiting(data.newWaiting);
    } catch {
      // Offline: keep going with the cards on hand; the next answer tries again.
    } finally {
      fetching.current = false;
      if (refetch.current) {
        refetch.current = false;
        void prefetchRef.current?.();
      } else {
        setLoading(false);
      }
    }
  }, [outbox, scopeQuery]);
  const prefetchRef = useRef(prefetch);
  useEffect(() => {
    prefetchRef.current = prefetch;
  }, [prefetch]);

  useEffect(() => {
    if (ready && queue.length < PREFETCH_BELOW) void prefetch();
  }, [ready, queue.length, prefetch]);

  /** Anki's "increase today's new card limit": a scoped session takes all its waiting cards. */
  const extraCount = scopeName ? Math.min(newWaiting, 500) : Math.min(newWaiting, 10);
  const studyMore = useCallback(async () => {
    setRaising(true);
    // A note's session raises that note's new cards only.
    const paper = new URLSearchParams(scopeQuery).get("paper") ?? undefined;
    const result = await studyMoreNewToday({ count: extraCount, paper }).catch(() => null);
    setRaising(false);
    if (!result?.ok) {
      setNotice(result?.error ?? t("unreachable"));
      return;
    }
    setNewWaiting(0);
    await prefetch();
  }, [extraCount, prefetch, t, scopeQuery]);

  const reveal = useCallback(() => {
    if (current) setRevealedId(current.cardId);
  }, [current]);

  const grade = useCallback(
    (rating: 1 | 2 | 3 | 4) => {
      if (!outbox || !current || !revealed) return;
      const answer: PendingAnswer = {
        clientId: newClientId(),
        cardId: current.cardId,
        rating,
        version: current.version,
        answeredAt: Date.now(),
        durationMs: Math.min(3_600_000, Math.max(0, Math.round(performance.now() - shownAt.current))),
        kind: current.kind,
        // The balanced day this button showed: the server keeps it, so the label holds.
        ...(current.days[rating - 1] != null ? { days: current.days[rating - 1] ?? undefined } : {}),
      };
      setHistory((h) => [...h.slice(-49), { type: "answer", clientId: answer.clientId, card: current, countsBefore: counts }]);
      setSpent((s) => ({ answers: s.answers + 1, ms: s.ms + answer.durationMs }));
      setCounts((c) => minus(c, current.kind));
      setQueue((q) => q.slice(1));
      setRevealedId(null);
      setNotice(null);
      shownAt.current = performance.now();
      outbox.add(answer);
    },
    [outbox, current, revealed, counts],
  );

  /**
   * Bury, suspend, reset or flag the card on screen, as Anki's keys do. The card leaves the
   * session at once (a flag stays); the server's answer gives its new version, and a refusal
   * puts it back.
   */
  const controlCard = useCallback(
    async (action: ControlAction, flag = 0, scope: ControlScope = "card") => {
      const card = current;
      if (!card) return;
      const clientId = newClientId();
      const removed = action !== "flag";
      const countsBefore = counts;
      // The note's other cards in this session leave with it (a note-scoped bury or suspend).
      const alsoRemoved = scope === "note" ? queueRef.current.filter((c) => c.cardId !== card.cardId && c.paperSlug === card.paperSlug) : [];
      const leavingIds = [card.cardId, ...alsoRemoved.map((c) => c.cardId)];
      if (removed) {
        for (const id of leavingIds) leaving.current.add(id);
        setQueue((q) => q.filter((c) => !leavingIds.includes(c.cardId)));
        setCounts((c) => [card, ...alsoRemoved].reduce((acc, x) => minus(acc, x.kind), c));
        setRevealedId(null);
        shownAt.current = performance.now();
      } else {
        setQueue((q) => q.map((c) => (c.cardId === card.cardId ? { ...c, flag } : c)));
      }
      const response = await fetch("/api/cards/control", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ clientId, cardIds: [card.cardId], action, scope, ...(action === "flag" ? { flag } : {}) }),
      }).catch(() => null);
      for (const id of leavingIds) leaving.current.delete(id);
      if (!response?.ok) {
        if (removed) {
          const back = new Set([card.cardId, ...alsoRemoved.map((c) => c.cardId)]);
          setQueue((q) => [card, ...alsoRemoved, ...q.filter((c) => !back.has(c.cardId))]);
          setCounts(countsBefore);
        } else {
          setQueue((q) => q.map((c) => (c.cardId === card.cardId ? { ...c, flag: card.flag } : c)));
        }
        setNotice(rc("notSaved"));
        return;
      }
      const data = await readJson(response, cardControlResultSchema);
      const changedCards = data?.cards ?? [];
      for (const c of changedCards) knownVersions.current.set(c.cardId, c.version);
      const version = changedCards.find((c) => c.cardId === card.cardId)?.version ?? card.version;
      if (!removed) setQueue((q) => q.map((c) => (c.cardId === card.cardId ? { ...c, version } : c)));
      else {
        // The note's cards a fetch brought in before the server wrote the change leave too.
        const changed = new Set(changedCards.map((c) => c.cardId));
        setQueue((q) => q.filter((c) => !changed.has(c.cardId)));
      }
      setHistory((h) => [...h.slice(-49), { type: "control", clientId, card, countsBefore, removed, alsoRemoved }]);
      setNotice(
        scope === "note"
          ? t(action === "bury" ? "noteBuried" : "noteSuspended", { count: changedCards.length, name: card.paperTitle })
          : action === "flag"
            ? flag === 0
              ? rc("flagRemoved")
              : rc("flagged", { flag: flags(String(flag) as "0") })
            : rc(`done.${action}`),
      );
    },
    [current, counts, t],
  );

  const undo = useCallback(async () => {
    if (!outbox) return;
    const last = history.at(-1);
    if (!last) return;
    setHistory((h) => h.slice(0, -1));
    if (last.type === "control") {
      const response = await fetch("/api/review/undo", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ clientId: last.clientId }),
      }).catch(() => null);
      if (!response?.ok) {
        setNotice(
          response?.status === 409
            ? rc("undoConflict")
            : rc("undoFailed"),
        );
        if (!response || response.status >= 500) setHistory((h) => [...h, last]);
        return;
      }
      const data = await readJson(response, undoneSchema);
      if (!data) return setNotice(t("undoFailed"));
      const versions = new Map((data.cards ?? []).map((c) => [c.cardId, c.version]));
      for (const [cardId, version] of versions) knownVersions.current.set(cardId, version);
      knownVersions.current.set(last.card.cardId, versions.get(last.card.cardId) ?? data.version);
      if (last.removed) {
        const back = [last.card, ...(last.alsoRemoved ?? [])].map((c) => ({ ...c, version: versions.get(c.cardId) ?? data.version }));
        const ids = new Set(back.map((c) => c.cardId));
        setQueue((q) => [...back, ...q.filter((c) => !ids.has(c.cardId))]);
        setCounts(last.countsBefore);
        setRevealedId(null);
        shownAt.current = performance.now();
      } else {
        setQueue((q) => q.map((c) => (c.cardId === last.card.cardId ? { ...c, flag: last.card.flag, version: data.version } : c)));
      }
      setNotice(rc("undone"));
      return;
    }
    const restore = (version: number) => {
      setSpent((s) => ({ ...s, answers: Math.max(0, s.answers - 1) }));
      setQueue((q) => [{ ...last.card, version }, ...q.filter((c) => c.cardId !== last.card.cardId)]);
      setCounts(last.countsBefore);
      setRevealedId(null);
      shownAt.current = performance.now();
    };
    if (outbox.withdraw(last.clientId)) {
      restore(last.card.version);
      return;
    }
    const settled = await outbox.whenSettled(last.clientId);
    if (settled && settled.kind !== "ok") {
      setNotice(t("nothingToUndo"));
      return;
    }
    const response = await fetch("/api/review/undo", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clientId: last.clientId }),
    }).catch(() => null);
    if (!response?.ok) {
      setNotice(response?.status === 409 ? t("undoConflict") : t("undoFailed"));
      if (!response || response.status >= 500) setHistory((h) => [...h, last]);
      return;
    }
    const data = await readJson(response, undoneSchema);
    if (!data) return setNotice(t("undoFailed"));
    knownVersions.current.set(last.card.cardId, data.version);
    restore(data.version);
  }, [outbox, history, t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isImeComposing(event)) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
        event.preventDefault();
        void undo();
        return;
      }
      // Anki's card keys. Ctrl+1..4 by the key's position (a layout may type other characters).
      const digit = /^Digit([1-4])$/.exec(event.code)?.[1];
      if (event.ctrlKey && !event.altKey && digit && current) {
        event.preventDefault();
        const flag = Number(digit);
        void controlCard("flag", current.flag === flag ? 0 : flag);
        return;
      }
      if (event.ctrlKey && event.altKey && event.code === "KeyN" && current) {
        event.preventDefault();
        void controlCard("reset");
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "?") {
        event.preventDefault();
        setHelpOpen((open) => !open);
        return;
      }
      if (current && (event.key === "-" || event.key === "@")) {
        event.preventDefault();
        void controlCard(event.key === "-" ? "bury" : "suspend");
        return;
      }
      if (current && (event.key === "=" || event.key === "!")) {
        event.preventDefault();
        void controlCard(event.key === "=" ? "bury" : "suspend", 0, "note");
        return;
      }
      if (!revealed && (event.key === " " || event.key === "Enter")) {
        event.preventDefault();
        reveal();
        return;
      }
      if (revealed && ["1", "2", "3", "4"].includes(event.key)) {
        event.preventDefault();
        grade(Number(event.key) as 1 | 2 | 3 | 4);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [revealed, reveal, grade, undo, controlCard, current]);

  const left = counts.new + counts.learning + counts.review;
  const done = history.length;
  const progress = done + left === 0 ? 100 : Math.round((done / (done + left)) * 100);
  const finished = !current && !loading && ready;

  return (
    <section aria-label={t("session")} className="mx-auto max-w-3xl" data-testid="review-session" data-ready={ready}>
      {goal && <DailyGoalBar goal={goal.goal} reviews={goal.reviews + spent.answers} ms={goal.ms + spent.ms} />}
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p className="flex gap-4" aria-label={t("cardsLeft")}>
          <span className="text-sky-700 dark:text-sky-300">
            {t("new")} <strong data-testid="count-new">{counts.new}</strong>
          </span>
          <span className="text-red-700 dark:text-red-300">
            {t("learning")} <strong data-testid="count-learning">{counts.learning}</strong>
          </span>
          <span className="text-emerald-700 dark:text-emerald-300">
            {t("due")} <strong data-testid="count-review">{counts.review}</strong>
          </span>
        </p>
        <div className="flex items-center gap-3">
          {pendingCount > 0 && (
            <span data-testid="pending-answers" className="text-amber-700 dark:text-amber-300" aria-live="polite">
              {outbox?.signedOut
                ? t("waitSignIn", { count: pendingCount })
                : outbox?.offline
                  ? t("offline", { count: pendingCount })
                  : t("saving", { count: pendingCount })}
            </span>
          )}
          <button
            type="button"
            onClick={() => void undo()}
            disabled={history.length === 0}
            data-testid="undo"
            className="rounded-md border border-slate-300 px-2 py-1 disabled:opacity-40 dark:border-slate-700"
            title={t("undoTitle")}
          >
            {t("undo")} <kbd className="text-xs text-slate-500 pointer-coarse:hidden">Ctrl+Z</kbd>
          </button>
          <label className="flex items-center gap-1" title={rc("typeTitle")}>
            <input
              type="checkbox"
              checked={typing}
              onChange={(event) => {
                setTyping(event.target.checked);
                window.localStorage.setItem(TYPE_ANSWERS_KEY, event.target.checked ? "1" : "0");
              }}
              className="h-4 w-4 accent-accent-600"
              data-testid="type-answers-toggle"
            />
            {rc("typeAnswers")}
          </label>
          <button
            type="button"
            onClick={() => setHelpOpen(true)}
            data-testid="keyboard-help-open"
            className="rounded-md border border-slate-300 px-2 py-1 pointer-coarse:hidden dark:border-slate-700"
            aria-keyshortcuts="?"
          >
            Keys <kbd className="text-xs text-slate-500">?</kbd>
          </button>
        </div>
      </div>
      <div
        role="progressbar"
        aria-label={t("progress")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
        className="mt-2 h-1.5 rounded bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-1.5 rounded bg-accent-600 transition-[width]" style={{ width: `${progress}%` }} />
      </div>
      {notice && (
        <p data-testid="review-notice" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          {notice}
        </p>
      )}

      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      {current ? (
        <article
          className={`mt-6 rounded-xl border border-slate-200 p-6 shadow-sm dark:border-slate-800 ${current.flag ? "border-l-4" : ""} ${FLAG_BORDER[current.flag] ?? ""}`}
          data-testid="review-card"
          data-card-id={current.cardId}
          data-flag={current.flag}
        >
          <header className="mb-4 flex items-center justify-between text-xs text-slate-500 dark:text-slate-400">
            <span>
              {current.paperTitle} · <span data-testid="card-kind" data-kind={current.kind}>{t(`kind.${current.kind}`)}</span>
              {/* After hydration only: it reads the clock, which the server's render cannot match. */}
              {ready && current.aheadOfDue && (
                <span
                  data-testid="ahead-of-schedule"
                  className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 dark:bg-slate-800"
                  title={t("aheadTitle")}
                >
                  {t("ahead", { minutes: minutesAhead(current.aheadOfDue, Date.now()) })}
                </span>
              )}
            </span>
            {/* A new tab keeps the session where it is. */}
            <a
              href={current.noteHref}
              target="_blank"
              rel="noopener"
              className="text-accent-600 underline dark:text-accent-100"
              data-testid="why-link"
            >
              {t("why")}<span className="sr-only">{t("whyHint")}</span>
            </a>
          </header>
          {current.instruction && (
            <p data-testid="card-instruction" className="mb-2 text-sm text-slate-500 dark:text-slate-400">
              {current.instruction}
            </p>
          )}
          <div className="card-html note-prose text-lg" data-testid="card-front" dangerouslySetInnerHTML={{ __html: current.frontHtml }} />
          {current.flag > 0 && (
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-testid="card-flag">
              Flag: {flagName(current.flag)}
            </p>
          )}
          {typeable && !revealed && (
            <div className="mt-4">
              <label htmlFor="typed-answer" className="block text-sm text-slate-600 dark:text-slate-300">
                {rc("typeThenEnter")}
              </label>
              <input
                ref={typeInput}
                id="typed-answer"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={typedText}
                onChange={(event) => setTyped({ cardId: current.cardId, text: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === "Enter") {
                    event.preventDefault();
                    reveal();
                  }
                }}
                className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
                data-testid="typed-answer"
              />
            </div>
          )}
          {revealed ? (
            <>
              {typeable && <TypedResult given={typedText} expected={typeable} />}
              <hr className="my-5 border-slate-200 dark:border-slate-800" />
              <div className="card-html note-prose text-lg" data-testid="card-back" dangerouslySetInnerHTML={{ __html: current.backHtml }} />
              {current.source && <AnswerSource source={current.source} testId="card-source" />}
              <div
                ref={gradeGroup}
                tabIndex={-1}
                data-testid="grade-buttons"
                className="mt-6 grid grid-cols-4 gap-2 outline-none"
                role="group"
                aria-label={t("grades")}
              >
                {RATINGS.map(({ rating, name, key, tone }, i) => (
                  <button
                    key={rating}
                    type="button"
                    onClick={() => grade(rating)}
                    data-testid={`grade-${rating}`}
                    className={`rounded-lg px-2 py-2 text-white ${tone}`}
                    aria-keyshortcuts={key}
                  >
                    <span className="block text-xs opacity-90">{current.labels[i]}</span>
                    <span className="block font-medium">{t(name)}</span>
                    <kbd className="block text-xs opacity-75 pointer-coarse:hidden">{key}</kbd>
                  </button>
                ))}
              </div>
            </>
          ) : (
            <button
              ref={showButton}
              type="button"
              onClick={reveal}
              data-testid="show-answer"
              className="mt-6 w-full rounded-lg bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
              aria-keyshortcuts="Space Enter"
            >
              {t("showAnswer")} <kbd className="text-xs opacity-75 pointer-coarse:hidden">Space</kbd>
            </button>
          )}
          <CardToolbar flag={current.flag} onControl={(action, flag, scope) => void controlCard(action, flag, scope)} />
        </article>
      ) : finished ? (
        <ReviewFinished
          done={done}
          doneToday={initial.doneToday}
          nextDue={newWaiting === 0 ? describeDue(nextDue, Date.now()) : null}
          leeches={leeches}
          newWaiting={newWaiting}
          scopeName={scopeName}
          extraCount={extraCount}
          raising={raising}
          onStudyMore={() => void studyMore()}
          custom={custom}
        />
      ) : (
        <p className="mt-10 text-center text-slate-500" data-testid="review-loading">
          {t("loading")}
        </p>
      )}
    </section>
  );
}
