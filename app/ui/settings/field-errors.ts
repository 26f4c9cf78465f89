/** The settings form's fields, with the label each error message is shown under. */
export const FIELD_LABELS: Record<string, string> = {
  desiredRetention: "Desired retention",
  maximumInterval: "Maximum interval",
  learningSteps: "Learning steps",
  relearningSteps: "Relearning steps",
  newPerDay: "New cards a day",
  reviewsPerDay: "Reviews a day",
  timeZone: "Time zone",
  dayStartHour: "A new day starts at",
  parameters: "Weights",
  easyDays: "Easy days",
  leechThreshold: "Lapses that make a leech",
};

/**
 * The server's messages grouped by form field. Zod names a bad step by its path
 * (`learningSteps.1`), so a step's message says which step it is, as the user typed it.
 */
export function errorsByField(
  fieldErrors: Record<string, string[]>,
  typed: Record<string, unknown>,
  notAStep: (step: string) => string = (step) => `"${step}" is not a step.`,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const [field = "_", index] = path.split(".");
    const text = typed[field];
    const steps = typeof text === "string" ? text.split(/[\s,]+/).filter(Boolean) : [];
    const step = index !== undefined ? steps[Number(index)] : undefined;
    const shown = step !== undefined ? messages.map((m) => `${notAStep(step)} ${m}`) : messages;
    (out[field] ??= []).push(...shown);
  }
  return out;
}

/** The sentence above the save button: which fields to look at, by their labels. */
export function errorSummary(
  byField: Record<string, string[]>,
  fallback: string,
  say?: { label: (field: string) => string; summary: (count: number, labels: string[]) => string },
): string {
  const fields = Object.keys(byField).filter((f) => FIELD_LABELS[f]);
  if (fields.length === 0) return fallback;
  if (say) return say.summary(fields.length, fields.map(say.label));
  const labels = fields.map((f) => FIELD_LABELS[f]);
  return `${labels.length === 1 ? "One field needs" : `${labels.length} fields need`} a change: ${labels.join(", ")}.`;
}
