"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import {
  CARD_TYPES,
  QUIZ_TYPES,
  emptyCardForm,
  emptyQuizForm,
  type BlockForm as Form,
  type CardForm,
  type QuizForm,
} from "@/app/lib/domain/content/block-form";

const input =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const smallButton = "rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

const splitList = (value: string, by: RegExp) => value.split(by).map((s) => s.trim()).filter(Boolean);

export interface BlockFormProps {
  form: Form;
  /** Editing a block already in the note (its fields came from it) or adding a new one. */
  editing: boolean;
  onChange: (form: Form) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/**
 * "Add a card / question here": the fields a card or quiz block allows (docs/content-format.md),
 * written into the note as that block. Controlled by the editor, which also refills it when the
 * block's text is edited by hand, so text and form stay one thing.
 */
export function BlockFormPanel({ form, editing, onChange, onSubmit, onCancel }: BlockFormProps) {
  const t = useTranslations("blockForm");
  const headingId = useId();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (patch: Partial<CardForm> | Partial<QuizForm>) => onChange({ ...form, ...patch } as Form);

  return (
    <section
      aria-labelledby={headingId}
      data-testid="block-form"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          onCancel();
        }
      }}
      className="space-y-3 rounded-md border border-accent-100 bg-accent-50 p-3 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-sm font-semibold">
        {editing ? (form.kind === "card" ? t("editCard") : t("editQuestion")) : form.kind === "card" ? t("addCard") : t("addQuestion")}
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("hint", { kind: form.kind })}</p>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("type")}>
            {(id) => (
              <select
                id={id}
                ref={first}
                value={form.type}
                data-testid="block-type"
                className={input}
                onChange={(e) => {
                  const type = e.target.value;
                  // A new type keeps what both share (id, texts); the rest starts empty.
                  if (form.kind === "card") onChange({ ...emptyCardForm(type as CardForm["type"]), ...pick(form, ["id", "front", "back", "text", "tags", "extra"]) });
                  else onChange({ ...emptyQuizForm(type as QuizForm["type"]), ...pick(form, ["id", "prompt", "explanation", "cards", "extra"]) });
                }}
              >
                {(form.kind === "card" ? CARD_TYPES : QUIZ_TYPES).map((type) => (
                  <option key={type} value={type}>
                    {t(form.kind === "card" ? `cardType_${type as CardForm["type"]}` : `quizType_${type as QuizForm["type"]}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("id")}>{(id) => <input id={id} value={form.id} onChange={(e) => set({ id: e.target.value })} className={`${input} font-mono`} data-testid="block-id" />}</Field>
        </div>
        {form.kind === "card" ? <CardFields form={form} set={set} /> : <QuizFields form={form} set={set} />}
        {form.extra.length > 0 && <p className="text-xs text-slate-600 dark:text-slate-400">{t("kept", { keys: form.extra.map(([k]) => k).join(", ") })}</p>}
        <div className="flex gap-2">
          <button type="submit" data-testid="block-submit" className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
            {editing ? t("update") : t("insert")}
          </button>
          <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm underline">
            {t("cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}

function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((k) => k in from).map((k) => [k, from[k]])) as Pick<T, K>;
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function TextArea({ label, value, onChange, testId, rows = 2 }: { label: string; value: string; onChange: (v: string) => void; testId: string; rows?: number }) {
  return <Field label={label}>{(id) => <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} className={input} data-testid={testId} />}</Field>;
}

function CardFields({ form, set }: { form: CardForm; set: (p: Partial<CardForm>) => void }) {
  const t = useTranslations("blockForm");
  return (
    <>
      {form.type === "cloze" ? (
        <TextArea label={t("clozeText", { braces: "{{…}}" })} value={form.text} onChange={(text) => set({ text })} testId="block-text" rows={3} />
      ) : (
        <>
          <TextArea label={t("front")} value={form.front} onChange={(front) => set({ front })} testId="block-front" />
          <TextArea label={t("back")} value={form.back} onChange={(back) => set({ back })} testId="block-back" />
        </>
      )}
      <Field label={t("tags")}>
        {(id) => <input id={id} key={form.tags.join(",")} defaultValue={form.tags.join(", ")} onBlur={(e) => set({ tags: splitList(e.target.value, /,/) })} className={input} />}
      </Field>
    </>
  );
}

function QuizFields({ form, set }: { form: QuizForm; set: (p: Partial<QuizForm>) => void }) {
  const t = useTranslations("blockForm");
  const groupId = useId();
  const choiceList = form.type === "single" || form.type === "multiple" || form.type === "ordering";
  const ordering = form.type === "ordering";
  const setChoice = (i: number, value: string) => set({ choices: form.choices.map((c, j) => (j === i ? value : c)) });
  const removeChoice = (i: number) =>
    set({
      choices: form.choices.filter((_, j) => j !== i),
      correct: form.correct.filter((c) => c !== i).map((c) => (c > i ? c - 1 : c)),
    });
  const toggle = (i: number, on: boolean) =>
    set({ correct: form.type === "single" ? [i] : on ? [...form.correct, i].sort((a, b) => a - b) : form.correct.filter((c) => c !== i) });
  return (
    <>
      <TextArea label={t("prompt")} value={form.prompt} onChange={(prompt) => set({ prompt })} testId="block-prompt" />
      {choiceList && (
        <fieldset className="space-y-2" aria-describedby={groupId}>
          <legend id={groupId} className="text-xs font-medium">
            {ordering ? t("items") : form.type === "multiple" ? t("choicesMultiple") : t("choices")}
          </legend>
          {form.choices.map((choice, i) => (
            <div key={i} className="flex items-center gap-2">
              {!ordering && (
                <input
                  type={form.type === "single" ? "radio" : "checkbox"}
                  name={`${groupId}-right`}
                  checked={form.correct.includes(i)}
                  onChange={(e) => toggle(i, e.target.checked)}
                  aria-label={t("rightChoice", { n: i + 1 })}
                  data-testid={`block-right-${i}`}
                  className="h-4 w-4 accent-accent-600"
                />
              )}
              <input
                value={choice}
                onChange={(e) => setChoice(i, e.target.value)}
                aria-label={ordering ? t("item", { n: i + 1 }) : t("choice", { n: i + 1 })}
                data-testid={`block-choice-${i}`}
                className={input}
              />
              <button type="button" onClick={() => removeChoice(i)} aria-label={ordering ? t("removeItem", { n: i + 1 }) : t("removeChoice", { n: i + 1 })} className={smallButton}>
                ×
              </button>
            </div>
          ))}
          <button type="button" onClick={() => set({ choices: [...form.choices, ""] })} className={smallButton} data-testid="block-add-choice">
            {ordering ? t("addItem") : t("addChoice")}
          </button>
        </fieldset>
      )}
      {form.type === "truefalse" && (
        <fieldset className="flex items-center gap-4 text-sm">
          <legend className="text-xs font-medium">{t("truth")}</legend>
          {[true, false].map((value) => (
            <label key={String(value)} className="flex items-center gap-1">
              <input type="radio" name={`${groupId}-truth`} checked={form.truth === value} onChange={() => set({ truth: value })} className="accent-accent-600" />
              {value ? t("true") : t("false")}
            </label>
          ))}
        </fieldset>
      )}
      {form.type === "short" && (
        <>
          <Field label={t("answer")}>{(id) => <input id={id} value={form.answer} onChange={(e) => set({ answer: e.target.value })} className={input} data-testid="block-answer" />}</Field>
          <TextArea label={t("alternatives")} value={form.alternatives.join("\n")} onChange={(v) => set({ alternatives: v.split("\n") })} testId="block-alternatives" />
        </>
      )}
      {form.type === "numeric" && (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t("number")}>{(id) => <input id={id} inputMode="decimal" value={form.answer} onChange={(e) => set({ answer: e.target.value })} className={input} data-testid="block-answer" />}</Field>
          <Field label={t("tolerance")}>{(id) => <input id={id} inputMode="decimal" value={form.tolerance} onChange={(e) => set({ tolerance: e.target.value })} className={input} />}</Field>
          <Field label={t("unit")}>{(id) => <input id={id} value={form.unit} onChange={(e) => set({ unit: e.target.value })} className={input} />}</Field>
        </div>
      )}
      <TextArea label={t("explanation")} value={form.explanation} onChange={(explanation) => set({ explanation })} testId="block-explanation" />
      <Field label={t("cards")}>
        {(id) => <input id={id} key={form.cards.join(",")} defaultValue={form.cards.join(", ")} onBlur={(e) => set({ cards: splitList(e.target.value, /,/) })} className={`${input} font-mono`} />}
      </Field>
    </>
  );
}
