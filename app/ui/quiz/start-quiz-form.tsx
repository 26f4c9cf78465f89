"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { startQuiz } from "@/app/lib/server/actions/start-quiz";
import type { QuizSourceArea } from "@/app/lib/server/data/quiz-questions";
import { QUIZ_LENGTH_MAX, QUIZ_LENGTH_MIN, type QuizMode } from "@/app/lib/schemas/quiz";

export interface StartQuizDefaults {
  kind: "note" | "areas" | "weak";
  note: string;
  areas: string[];
  length: number;
  mode: QuizMode;
}

const LENGTHS = [5, 10, 20];

/** Options of a new quiz (what, how long, when to see feedback), then starts it. */
export function StartQuizForm({
  sources,
  defaults,
  signedIn,
  autoFocus = false,
}: {
  sources: QuizSourceArea[];
  defaults: StartQuizDefaults;
  signedIn: boolean;
  autoFocus?: boolean;
}) {
  const t = useTranslations("quizStart");
  const router = useRouter();
  const [kind, setKind] = useState(defaults.kind);
  const [note, setNote] = useState(defaults.note || sources[0]?.notes[0]?.slug || "");
  const [areas, setAreas] = useState<string[]>(defaults.areas);
  const [length, setLength] = useState(String(defaults.length));
  const [mode, setMode] = useState<QuizMode>(defaults.mode);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setPending(true);
    const scope = kind === "note" ? { kind, slug: note } : kind === "areas" ? { kind, areas } : { kind };
    const result = await startQuiz({ scope, length, mode });
    if (!result.ok) {
      setPending(false);
      const fields = result.fieldErrors ? Object.values(result.fieldErrors).flat() : [];
      setError(fields[0] ?? result.error);
      return;
    }
    router.push(`/quizzes/${result.data.attemptId}`);
  }

  const toggleArea = (area: string) =>
    setAreas((current) => (current.includes(area) ? current.filter((a) => a !== area) : [...current, area]));

  const radio = "h-4 w-4 accent-accent-600";
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-5" data-testid="start-quiz-form" aria-label={t("label")}>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("on")}</legend>
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="note" checked={kind === "note"} onChange={() => setKind("note")} className={radio} />
            {t("oneNote")}
          </label>
          {kind === "note" && (
            <div className="pl-6">
              <label htmlFor="quiz-note" className="sr-only">
                {t("note")}
              </label>
              <select
                id="quiz-note"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                data-testid="quiz-note-select"
                className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:w-auto dark:border-slate-700 dark:bg-slate-900"
              >
                {sources.map((area) => (
                  <optgroup key={area.area} label={area.label}>
                    {area.notes.map((n) => (
                      <option key={n.slug} value={n.slug}>
                        {n.short} ({n.questionCount})
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          )}
          <label className="flex items-center gap-2">
            <input type="radio" name="kind" value="areas" checked={kind === "areas"} onChange={() => setKind("areas")} className={radio} />
            {t("mix")}
          </label>
          {kind === "areas" && (
            <div className="flex flex-wrap gap-2 pl-6" role="group" aria-label={t("areas")}>
              {sources.map((area) => (
                <label
                  key={area.area}
                  className={`flex min-h-11 items-center gap-2 rounded-md border px-3 py-1.5 text-sm ${
                    areas.includes(area.area)
                      ? "border-accent-500 bg-accent-50 dark:bg-slate-800"
                      : "border-slate-300 dark:border-slate-700"
                  }`}
                >
                  <input
                    type="checkbox"
                    checked={areas.includes(area.area)}
                    onChange={() => toggleArea(area.area)}
                    className="h-4 w-4 accent-accent-600"
                    data-testid={`quiz-area-${area.area}`}
                  />
                  {area.label}
                  <span className="text-xs text-slate-500">{t("notes", { count: area.notes.length })}</span>
                </label>
              ))}
            </div>
          )}
          <label className={`flex items-center gap-2 ${signedIn ? "" : "text-slate-400"}`}>
            <input
              type="radio"
              name="kind"
              value="weak"
              checked={kind === "weak"}
              disabled={!signedIn}
              onChange={() => setKind("weak")}
              className={radio}
            />
            {t("weak")} {!signedIn && <span className="text-xs">{t("signInFirst")}</span>}
          </label>
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold">{t("length")}</legend>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {LENGTHS.map((n) => (
            <button
              key={n}
              type="button"
              onClick={() => setLength(String(n))}
              aria-pressed={length === String(n)}
              className={`min-h-11 min-w-11 rounded-md border px-3 text-sm ${
                length === String(n) ? "border-accent-500 bg-accent-50 font-medium dark:bg-slate-800" : "border-slate-300 dark:border-slate-700"
              }`}
            >
              {n}
            </button>
          ))}
          <label htmlFor="quiz-length" className="ml-2 text-sm">
            {t("questions")}
          </label>
          <input
            id="quiz-length"
            type="number"
            inputMode="numeric"
            min={QUIZ_LENGTH_MIN}
            max={QUIZ_LENGTH_MAX}
            value={length}
            onChange={(e) => setLength(e.target.value)}
            className="w-20 rounded-md border border-slate-300 bg-white px-2 py-2 text-base dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-semibold">{t("feedback")}</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="each" checked={mode === "each"} onChange={() => setMode("each")} className={radio} />
            {t("each")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="end" checked={mode === "end"} onChange={() => setMode("end")} className={radio} />
            {t("end")}
          </label>
        </div>
      </fieldset>

      {error && (
        <p role="status" data-testid="quiz-start-error" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        autoFocus={autoFocus}
        data-testid="start-quiz"
        className="min-h-11 w-full rounded-md bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700 disabled:opacity-60 sm:w-auto"
      >
        {pending ? t("starting") : t("start")}
      </button>
    </form>
  );
}
