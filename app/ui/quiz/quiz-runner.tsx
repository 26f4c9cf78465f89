"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { answerQuizQuestion } from "@/app/lib/server/actions/answer-quiz-question";
import type { QuestionFeedback, QuestionView } from "@/app/lib/server/data/quiz-questions";
import type { QuizMode } from "@/app/lib/schemas/quiz";
import { FeedbackCard } from "./feedback-card";

type Draft =
  | { type: "single"; choice: number | null }
  | { type: "multiple"; choices: number[] }
  | { type: "truefalse"; value: boolean | null }
  | { type: "short" | "numeric"; text: string }
  | { type: "ordering"; order: number[]; selected: number | null };

function emptyDraft(question: QuestionView): Draft {
  switch (question.type) {
    case "single":
      return { type: "single", choice: null };
    case "multiple":
      return { type: "multiple", choices: [] };
    case "truefalse":
      return { type: "truefalse", value: null };
    case "short":
    case "numeric":
      return { type: question.type, text: "" };
    case "ordering":
      return { type: "ordering", order: question.itemsHtml.map((_, i) => i), selected: null };
  }
}

/** The response in shown indices, as the server expects it; null when nothing was given. */
function responseOf(draft: Draft): number | number[] | boolean | string | null {
  switch (draft.type) {
    case "single":
      return draft.choice;
    case "multiple":
      return draft.choices.length ? [...draft.choices].sort((a, b) => a - b) : null;
    case "truefalse":
      return draft.value;
    case "short":
    case "numeric":
      return draft.text.trim() ? draft.text : null;
    case "ordering":
      return draft.order;
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable);
}

function Html({ html, className }: { html: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Takes a quiz one question at a time. Every answer goes to the server, which scores and saves
 * it, so a reload resumes at the next question. Keys: 1–9 pick choices (in an ordering
 * question: select an item, then ↑/↓ move it), Enter submits and moves on.
 */
export function QuizRunner({
  attemptId,
  mode,
  total,
  answered: answeredAtStart,
  question: firstQuestion,
}: {
  attemptId: string;
  mode: QuizMode;
  total: number;
  answered: number;
  question: QuestionView;
}) {
  const t = useTranslations("quizRunner");
  const router = useRouter();
  const [question, setQuestion] = useState<QuestionView>(firstQuestion);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(firstQuestion));
  const [answered, setAnswered] = useState(answeredAtStart);
  const [feedback, setFeedback] = useState<QuestionFeedback | null>(null);
  const [next, setNext] = useState<QuestionView | null>(null);
  const [finished, setFinished] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(0);
  const textInput = useRef<HTMLInputElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    shownAt.current = performance.now();
    textInput.current?.focus();
  }, [question.id]);

  useEffect(() => {
    if (feedback) nextButton.current?.focus();
  }, [feedback]);

  const submit = useCallback(async () => {
    if (pending || feedback) return;
    setPending(true);
    setError(null);
    const result = await answerQuizQuestion({
      attemptId,
      questionId: question.id,
      response: responseOf(draft),
      timeMs: Math.max(0, Math.round(performance.now() - shownAt.current)),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const outcome = result.data;
    setAnswered(outcome.answered);
    if (outcome.feedback) {
      setFeedback(outcome.feedback);
      setNext(outcome.next);
      setFinished(outcome.finished);
      return;
    }
    if (outcome.finished || !outcome.next) {
      setFinished(true);
      router.refresh();
      return;
    }
    setQuestion(outcome.next);
    setDraft(emptyDraft(outcome.next));
  }, [attemptId, draft, feedback, pending, question.id, router]);

  const moveOn = useCallback(() => {
    if (!feedback) return;
    if (finished || !next) {
      router.refresh();
      return;
    }
    setFeedback(null);
    setQuestion(next);
    setDraft(emptyDraft(next));
    setNext(null);
  }, [feedback, finished, next, router]);

  const pick = useCallback(
    (index: number) => {
      setDraft((d) => {
        switch (d.type) {
          case "single":
            return question.type === "single" && index < question.choicesHtml.length ? { ...d, choice: index } : d;
          case "multiple":
            if (question.type !== "multiple" || index >= question.choicesHtml.length) return d;
            return { ...d, choices: d.choices.includes(index) ? d.choices.filter((c) => c !== index) : [...d.choices, index] };
          case "truefalse":
            return index <= 1 ? { ...d, value: index === 0 } : d;
          case "ordering":
            return index < d.order.length ? { ...d, selected: index } : d;
          default:
            return d;
        }
      });
    },
    [question],
  );

  const move = useCallback((position: number, by: -1 | 1) => {
    setDraft((d) => {
      if (d.type !== "ordering") return d;
      const to = position + by;
      if (to < 0 || to >= d.order.length) return d;
      const order = [...d.order];
      const a = order[position];
      const b = order[to];
      if (a === undefined || b === undefined) return d;
      order[position] = b;
      order[to] = a;
      return { ...d, order, selected: to };
    });
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "Enter") {
        if (event.target instanceof HTMLTextAreaElement) return;
        if (event.target instanceof HTMLAnchorElement) return;
        event.preventDefault();
        if (feedback) moveOn();
        else void submit();
        return;
      }
      if (feedback || isTyping(event.target)) return;
      if (/^[1-9]$/.test(event.key)) {
        event.preventDefault();
        pick(Number(event.key) - 1);
        return;
      }
      if (draft.type === "ordering" && draft.selected !== null && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
        event.preventDefault();
        move(draft.selected, event.key === "ArrowUp" ? -1 : 1);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [draft, feedback, move, moveOn, pick, submit]);

  const position = question.position;
  const locked = pending || feedback !== null;
  const choiceClass = (active: boolean) =>
    `flex min-h-12 w-full cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 text-left ${
      active ? "border-accent-500 bg-accent-50 dark:bg-slate-800" : "border-slate-300 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
    }`;
  const badge = "mt-0.5 inline-flex h-6 w-6 shrink-0 items-center justify-center rounded border border-slate-300 text-xs font-semibold dark:border-slate-600";

  return (
    <section
      aria-labelledby="quiz-question-heading"
      className="space-y-5"
      data-testid="quiz-runner"
      data-question-id={question.id}
      data-phase={pending ? "pending" : feedback ? "feedback" : "answering"}
    >
      <div>
        <div className="flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
          <span data-testid="quiz-progress">
            {t("progress", { position: position + 1, total })}
          </span>
          <span>{mode === "each" ? t("feedbackEach") : t("feedbackEnd")}</span>
        </div>
        <div
          className="mt-2 h-1.5 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
          role="progressbar"
          aria-label={t("answered")}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={answered}
        >
          <div className="h-full bg-accent-500" style={{ width: `${(answered / Math.max(1, total)) * 100}%` }} />
        </div>
      </div>

      <h2 id="quiz-question-heading" className="sr-only">
        {t("question", { position: position + 1 })}
      </h2>
      <div className="card-html text-lg leading-7" data-testid="quiz-prompt" dangerouslySetInnerHTML={{ __html: question.promptHtml }} />

      <div data-testid="quiz-answer-area" data-type={question.type}>
        {question.type === "single" && draft.type === "single" && (
          <fieldset disabled={locked} className="space-y-2">
            <legend className="sr-only">{t("chooseOne")}</legend>
            {question.choicesHtml.map((html, i) => (
              <label key={i} className={choiceClass(draft.choice === i)} data-testid={`quiz-choice-${i + 1}`}>
                <input type="radio" name="choice" className="sr-only" checked={draft.choice === i} onChange={() => pick(i)} />
                <span className={badge} aria-hidden="true">{i + 1}</span>
                <Html html={html} />
              </label>
            ))}
          </fieldset>
        )}
        {question.type === "multiple" && draft.type === "multiple" && (
          <fieldset disabled={locked} className="space-y-2">
            <legend className="mb-2 text-sm text-slate-600 dark:text-slate-400">
              {t("chooseEvery")}
            </legend>
            {question.choicesHtml.map((html, i) => (
              <label key={i} className={choiceClass(draft.choices.includes(i))} data-testid={`quiz-choice-${i + 1}`}>
                <input type="checkbox" className="sr-only" checked={draft.choices.includes(i)} onChange={() => pick(i)} />
                <span className={badge} aria-hidden="true">{draft.choices.includes(i) ? "✓" : i + 1}</span>
                <Html html={html} />
              </label>
            ))}
          </fieldset>
        )}
        {question.type === "truefalse" && draft.type === "truefalse" && (
          <fieldset disabled={locked} className="grid grid-cols-2 gap-2">
            <legend className="sr-only">{t("trueOrFalse")}</legend>
            {[true, false].map((value, i) => (
              <label key={String(value)} className={choiceClass(draft.value === value)} data-testid={`quiz-choice-${i + 1}`}>
                <input type="radio" name="truefalse" className="sr-only" checked={draft.value === value} onChange={() => pick(i)} />
                <span className={badge} aria-hidden="true">{i + 1}</span>
                {value ? t("true") : t("false")}
              </label>
            ))}
          </fieldset>
        )}
        {(question.type === "short" || question.type === "numeric") && (draft.type === "short" || draft.type === "numeric") && (
          <div className="flex items-center gap-2">
            <label htmlFor="quiz-text" className="sr-only">
              {question.type === "numeric" ? t("yourNumber") : t("yourAnswer")}
            </label>
            <input
              id="quiz-text"
              ref={textInput}
              type="text"
              inputMode={question.type === "numeric" ? "decimal" : "text"}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              disabled={locked}
              value={draft.text}
              onChange={(e) => setDraft({ ...draft, text: e.target.value })}
              data-testid="quiz-text-input"
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-900"
            />
            {question.type === "numeric" && question.unit && <span className="text-slate-600 dark:text-slate-400">{question.unit}</span>}
          </div>
        )}
        {question.type === "ordering" && draft.type === "ordering" && (
          <div>
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-400" id="ordering-help">
              {t("orderingHelp")}
            </p>
            <ol className="space-y-2" aria-describedby="ordering-help">
              {draft.order.map((shown, at) => (
                <li
                  key={shown}
                  className={`flex items-center gap-2 rounded-lg border px-3 py-2 ${
                    draft.selected === at ? "border-accent-500 bg-accent-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-700"
                  }`}
                  data-testid={`quiz-order-item-${at + 1}`}
                >
                  <button type="button" className={badge} onClick={() => pick(at)} disabled={locked} aria-label={t("selectItem", { item: at + 1 })}>
                    {at + 1}
                  </button>
                  <Html html={question.itemsHtml[shown] ?? ""} className="flex-1" />
                  <button
                    type="button"
                    onClick={() => move(at, -1)}
                    disabled={locked || at === 0}
                    aria-label={t("moveUp", { item: at + 1 })}
                    className="min-h-11 min-w-11 rounded border border-slate-300 disabled:opacity-30 dark:border-slate-600"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => move(at, 1)}
                    disabled={locked || at === draft.order.length - 1}
                    aria-label={t("moveDown", { item: at + 1 })}
                    className="min-h-11 min-w-11 rounded border border-slate-300 disabled:opacity-30 dark:border-slate-600"
                  >
                    ↓
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>

      {error && (
        <p role="status" data-testid="quiz-error" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}

      {feedback ? (
        <div className="space-y-4">
          <FeedbackCard feedback={feedback} />
          <button
            ref={nextButton}
            type="button"
            onClick={moveOn}
            data-testid="quiz-next"
            className="min-h-11 w-full rounded-md bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700 sm:w-auto"
          >
            {finished || !next ? t("seeScore") : t("next")} <span className="text-xs opacity-80 pointer-coarse:hidden">(Enter)</span>
          </button>
        </div>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <button
            type="button"
            onClick={() => void submit()}
            disabled={pending || finished}
            data-testid="quiz-submit"
            className="min-h-11 w-full rounded-md bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60 sm:w-auto"
          >
            {pending ? t("checking") : finished ? t("scoring") : t("submit")} <span className="text-xs opacity-80 pointer-coarse:hidden">(Enter)</span>
          </button>
          <p className="text-xs text-slate-500 pointer-coarse:hidden">{t("keys")}</p>
        </div>
      )}
    </section>
  );
}
