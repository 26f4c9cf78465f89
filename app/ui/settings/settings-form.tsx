"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateSettings } from "@/app/lib/server/actions/update-settings";
import { useDeviceTimeZone, useTimeZoneOptions } from "@/app/ui/time-zone/device-zone";
import { errorSummary, errorsByField } from "./field-errors";
import { RecommendedSteps } from "./recommended-steps";

export interface SettingsFormValues {
  desiredRetention: number;
  maximumInterval: number;
  enableFuzz: boolean;
  enableShortTerm: boolean;
  loadBalance: boolean;
  /** Each weekday's share of a normal day's reviews, Monday first (1, 0.5 or 0). */
  easyDays: number[];
  buryReverseSiblings: boolean;
  buryClozeSiblings: boolean;
  /** Lapses that make a card a leech, and whether a leech is suspended (else only tagged). */
  leechThreshold: number;
  leechSuspend: boolean;
  learningSteps: string;
  relearningSteps: string;
  newPerDay: number;
  reviewsPerDay: number;
  timeZone: string;
  dayStartHour: number;
  studyAll: boolean;
  /** The weights in use, comma-separated ("" for the defaults). */
  parameters: string;
}

/** Linear interpolation in the workload table (reviews a day per card at a few retentions). */
function perCardAt(table: { retention: number; reviewsPerCardPerDay: number }[], retention: number): number {
  const first = table[0];
  if (!first) return 0;
  let previous = first;
  for (const point of table) {
    if (point.retention >= retention) {
      if (point.retention === previous.retention) return point.reviewsPerCardPerDay;
      const t = (retention - previous.retention) / (point.retention - previous.retention);
      return previous.reviewsPerCardPerDay + t * (point.reviewsPerCardPerDay - previous.reviewsPerCardPerDay);
    }
    previous = point;
  }
  return previous.reviewsPerCardPerDay;
}

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
const EASY_DAY_CHOICES = [
  { share: 1, label: "normal" },
  { share: 0.5, label: "reduced" },
  { share: 0, label: "minimum" },
] as const;

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-900 aria-[invalid=true]:border-red-500 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-500";

function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <p id={id} data-testid={id} className="mt-1 text-xs text-red-600 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}

export function SettingsForm({
  initial,
  workload,
  cardCount,
}: {
  initial: SettingsFormValues;
  workload: { retention: number; reviewsPerCardPerDay: number }[];
  cardCount: number;
}) {
  const t = useTranslations("settingsForm");
  const locale = useLocale();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [reschedule, setReschedule] = useState(false);
  // The weights as saved: the form sends the field only when the user changed it, so saving
  // other settings never overwrites weights the optimizer fitted meanwhile.
  const [savedParameters, setSavedParameters] = useState(initial.parameters);
  const zones = useTimeZoneOptions(values.timeZone);
  const browserZone = useDeviceTimeZone();

  /** A field's invalid state and the ids that describe it, for assistive technology. */
  const described = (field: string, ...others: string[]) => {
    const ids = [...others, ...(errors[field]?.length ? [`${field}-error`] : [])];
    return { "aria-invalid": errors[field]?.length ? true : undefined, "aria-describedby": ids.join(" ") || undefined };
  };

  const set = <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const perDay = perCardAt(workload, values.desiredRetention) * cardCount;
  const retentionPercent = Math.round(values.desiredRetention * 100);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    setErrors({});
    const { parameters, ...rest } = values;
    const result = await updateSettings({ ...rest, ...(parameters !== savedParameters ? { parameters } : {}), reschedule });
    setPending(false);
    if (!result.ok) {
      const byField = errorsByField(result.fieldErrors ?? {}, { ...values }, (step) => t("notAStep", { step }));
      setErrors(byField);
      const say = { label: (field: string) => t(`fields.${field}` as "fields.parameters"), summary: (count: number, labels: string[]) => t("needsChange", { count, labels: new Intl.ListFormat(locale, { type: "unit" }).format(labels) }) };
      setMessage({ ok: false, text: errorSummary(byField, result.error, say) });
      // Take the keyboard (and a screen reader) to the first field to fix.
      const first = Object.keys(byField)[0];
      if (first) document.getElementById(first)?.focus();
      return;
    }
    const savedText = result.data.parameters.join(", ");
    setSavedParameters(savedText);
    set("parameters", savedText);
    setMessage({
      ok: true,
      text:
        (reschedule ? t("savedRescheduled", { count: result.data.rescheduled }) : t("saved")) +
        (result.data.weights ? ` ${result.data.weights}` : ""),
    });
    setReschedule(false);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-8" noValidate aria-label={t("formLabel")}>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("retention")}</legend>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t("retentionHelp")}
        </p>
        <div className="flex items-center gap-4">
          <label htmlFor="desiredRetention" className="sr-only">
            {t("retention")}
          </label>
          <input
            id="desiredRetention"
            type="range"
            min={0.7}
            max={0.99}
            step={0.01}
            value={values.desiredRetention}
            onChange={(e) => set("desiredRetention", Number(e.target.value))}
            className="w-full accent-accent-600"
            {...described("desiredRetention", "workload-estimate")}
            aria-valuetext={`${retentionPercent} %`}
          />
          <output htmlFor="desiredRetention" className="w-14 text-right font-mono" data-testid="retention-value">
            {values.desiredRetention.toFixed(2)}
          </output>
        </div>
        <p id="workload-estimate" className="text-sm" data-testid="workload-estimate">
          {t.rich("workload", { percent: retentionPercent, cards: cardCount, perDay: perDay.toFixed(perDay < 10 ? 1 : 0), strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <FieldErrors id="desiredRetention-error" errors={errors.desiredRetention} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("limits")}</legend>
        <div>
          <label htmlFor="newPerDay" className="block text-sm font-medium">{t("fields.newPerDay")}</label>
          <input id="newPerDay" {...described("newPerDay")} type="number" min={0} max={9999} value={values.newPerDay} onChange={(e) => set("newPerDay", Number(e.target.value))} className={inputClass} />
          <FieldErrors id="newPerDay-error" errors={errors.newPerDay} />
        </div>
        <div>
          <label htmlFor="reviewsPerDay" className="block text-sm font-medium">{t("fields.reviewsPerDay")}</label>
          <input id="reviewsPerDay" {...described("reviewsPerDay")} type="number" min={0} max={99999} value={values.reviewsPerDay} onChange={(e) => set("reviewsPerDay", Number(e.target.value))} className={inputClass} />
          <FieldErrors id="reviewsPerDay-error" errors={errors.reviewsPerDay} />
        </div>
        <div>
          <label htmlFor="learningSteps" className="block text-sm font-medium">{t("fields.learningSteps")}</label>
          <input id="learningSteps" value={values.learningSteps} onChange={(e) => set("learningSteps", e.target.value)} className={inputClass} {...described("learningSteps", "steps-hint")} />
          <FieldErrors id="learningSteps-error" errors={errors.learningSteps} />
        </div>
        <div>
          <label htmlFor="relearningSteps" className="block text-sm font-medium">{t("fields.relearningSteps")}</label>
          <input id="relearningSteps" value={values.relearningSteps} onChange={(e) => set("relearningSteps", e.target.value)} className={inputClass} {...described("relearningSteps", "steps-hint")} />
          <FieldErrors id="relearningSteps-error" errors={errors.relearningSteps} />
        </div>
        <p id="steps-hint" className="text-xs text-slate-500 sm:col-span-2 dark:text-slate-400">
          {t("stepsHint")}
        </p>
        <RecommendedSteps
          onApply={(steps) => setValues((v) => ({ ...v, learningSteps: steps.learning ?? v.learningSteps, relearningSteps: steps.relearning ?? v.relearningSteps }))}
        />
        <div>
          <label htmlFor="maximumInterval" className="block text-sm font-medium">{t("maximumIntervalDays")}</label>
          <input id="maximumInterval" {...described("maximumInterval")} type="number" min={1} max={36500} value={values.maximumInterval} onChange={(e) => set("maximumInterval", Number(e.target.value))} className={inputClass} />
          <FieldErrors id="maximumInterval-error" errors={errors.maximumInterval} />
        </div>
        <div className="flex items-end gap-2 pb-2">
          <input id="enableFuzz" type="checkbox" checked={values.enableFuzz} onChange={(e) => set("enableFuzz", e.target.checked)} className="h-4 w-4 accent-accent-600" />
          <label htmlFor="enableFuzz" className="text-sm">{t("fuzz")}</label>
        </div>
        <div className="flex items-start gap-2 sm:col-span-2">
          <input id="longTermOnly" type="checkbox" checked={!values.enableShortTerm} onChange={(e) => set("enableShortTerm", !e.target.checked)} className="mt-1 h-4 w-4 accent-accent-600" aria-describedby="longTermOnly-hint" />
          <div>
            <label htmlFor="longTermOnly" className="text-sm">{t("longTermOnly")}</label>
            <p id="longTermOnly-hint" className="text-xs text-slate-500 dark:text-slate-400">
              {t("longTermOnlyHint")}
            </p>
          </div>
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold">{t("spread")}</legend>
        <div className="flex items-start gap-2">
          <input id="loadBalance" type="checkbox" checked={values.loadBalance} onChange={(e) => set("loadBalance", e.target.checked)} className="mt-1 h-4 w-4 accent-accent-600" aria-describedby="loadBalance-hint" />
          <div>
            <label htmlFor="loadBalance" className="text-sm">{t("loadBalance")}</label>
            <p id="loadBalance-hint" className="text-xs text-slate-500 dark:text-slate-400">
              {t("loadBalanceHint")}
            </p>
          </div>
        </div>
        <div>
          <p id="easyDays-hint" className="text-sm">
            {t("easyDaysHint")}
          </p>
          <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-describedby="easyDays-hint">
            {WEEKDAYS.map((day, i) => (
              <div key={day}>
                <label htmlFor={`easyDay-${i}`} className="block text-xs font-medium">{t(`weekdays.${day}`)}</label>
                <select
                  id={`easyDay-${i}`}
                  value={values.easyDays[i] ?? 1}
                  onChange={(e) => set("easyDays", WEEKDAYS.map((_, j) => (j === i ? Number(e.target.value) : (values.easyDays[j] ?? 1))))}
                  className={inputClass}
                >
                  {EASY_DAY_CHOICES.map((choice) => (
                    <option key={choice.share} value={choice.share}>{t(`easyDay.${choice.label}`)}</option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <FieldErrors id="easyDays-error" errors={errors.easyDays} />
        </div>
        <div className="space-y-1">
          <p id="bury-hint" className="text-sm">
            {t("siblingsHint")}
          </p>
          <div className="flex items-center gap-2">
            <input id="buryReverseSiblings" type="checkbox" checked={values.buryReverseSiblings} onChange={(e) => set("buryReverseSiblings", e.target.checked)} className="h-4 w-4 accent-accent-600" aria-describedby="bury-hint" />
            <label htmlFor="buryReverseSiblings" className="text-sm">{t("buryReverse")}</label>
          </div>
          <div className="flex items-center gap-2">
            <input id="buryClozeSiblings" type="checkbox" checked={values.buryClozeSiblings} onChange={(e) => set("buryClozeSiblings", e.target.checked)} className="h-4 w-4 accent-accent-600" aria-describedby="bury-hint" />
            <label htmlFor="buryClozeSiblings" className="text-sm">{t("buryCloze")}</label>
          </div>
        </div>
        <div className="grid gap-2 sm:grid-cols-2">
          <p id="leech-hint" className="text-sm sm:col-span-2">
            {t("leechHint")}
          </p>
          <div>
            <label htmlFor="leechThreshold" className="block text-sm font-medium">{t("fields.leechThreshold")}</label>
            <input
              id="leechThreshold"
              type="number"
              min={1}
              max={99}
              value={values.leechThreshold}
              onChange={(e) => set("leechThreshold", Number(e.target.value))}
              className={inputClass}
              {...described("leechThreshold", "leech-hint")}
            />
            <FieldErrors id="leechThreshold-error" errors={errors.leechThreshold} />
          </div>
          <div className="flex items-center gap-2 self-end pb-2">
            <input id="leechSuspend" type="checkbox" checked={values.leechSuspend} onChange={(e) => set("leechSuspend", e.target.checked)} className="h-4 w-4 accent-accent-600" aria-describedby="leech-hint" />
            <label htmlFor="leechSuspend" className="text-sm">{t("leechSuspend")}</label>
          </div>
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-lg font-semibold">{t("weights")}</legend>
        <label htmlFor="parameters" className="block text-sm font-medium">{t("weightsLabel")}</label>
        <textarea
          id="parameters"
          rows={3}
          spellCheck={false}
          value={values.parameters}
          onChange={(e) => set("parameters", e.target.value)}
          placeholder={t("weightsPlaceholder")}
          className={`${inputClass} font-mono text-sm`}
          {...described("parameters", "parameters-hint")}
        />
        <p id="parameters-hint" className="text-xs text-slate-500 dark:text-slate-400">
          {t("weightsHint")}
        </p>
        <FieldErrors id="parameters-error" errors={errors.parameters} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("yourDay")}</legend>
        <div>
          <label htmlFor="timeZone" className="block text-sm font-medium">{t("fields.timeZone")}</label>
          <select id="timeZone" {...described("timeZone")} value={values.timeZone} onChange={(e) => set("timeZone", e.target.value)} className={inputClass}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>{zone}</option>
            ))}
          </select>
          {browserZone && browserZone !== values.timeZone && (
            <button type="button" className="mt-1 text-xs text-accent-600 underline" onClick={() => set("timeZone", browserZone)}>
              {t("useDeviceZone", { zone: browserZone })}
            </button>
          )}
          <FieldErrors id="timeZone-error" errors={errors.timeZone} />
        </div>
        <div>
          <label htmlFor="dayStartHour" className="block text-sm font-medium">{t("fields.dayStartHour")}</label>
          <select id="dayStartHour" {...described("dayStartHour")} value={values.dayStartHour} onChange={(e) => set("dayStartHour", Number(e.target.value))} className={inputClass}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>{`${String(h).padStart(2, "0")}:00`}</option>
            ))}
          </select>
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {t("dayStartHint")}
          </p>
          <FieldErrors id="dayStartHour-error" errors={errors.dayStartHour} />
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-lg font-semibold">{t("whatYouStudy")}</legend>
        <div className="flex items-center gap-2">
          <input id="study-all" type="radio" name="studyAll" checked={values.studyAll} onChange={() => set("studyAll", true)} className="accent-accent-600" />
          <label htmlFor="study-all" className="text-sm">{t("allNotes")}</label>
        </div>
        <div className="flex items-center gap-2">
          <input id="study-chosen" type="radio" name="studyAll" checked={!values.studyAll} onChange={() => set("studyAll", false)} className="accent-accent-600" />
          <label htmlFor="study-chosen" className="text-sm">{t("chosenNotes")}</label>
        </div>
      </fieldset>

      {message && (
        <p data-testid="settings-message" role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-700 dark:text-green-400" : "text-sm text-red-600 dark:text-red-400"}>
          {message.text}
        </p>
      )}
      <div className="flex items-start gap-2">
        <input id="reschedule" type="checkbox" checked={reschedule} onChange={(e) => setReschedule(e.target.checked)} className="mt-1 h-4 w-4 accent-accent-600" />
        <label htmlFor="reschedule" className="text-sm">
          {t("reschedule")}
        </label>
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700 disabled:opacity-60" data-testid="save-settings">
        {pending ? (reschedule ? t("savingRescheduling") : t("saving")) : t("save")}
      </button>
    </form>
  );
}
