import { z } from "zod";

const STEP = /^[1-9]\d*[mhd]$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "1m 10m" or "1m, 10m" → ["1m", "10m"]; each step a positive whole number of m, h or d. */
export const stepsSchema = z
  .string()
  .trim()
  .max(200)
  .transform((text) => (text === "" ? [] : text.split(/[\s,]+/).filter(Boolean)))
  .pipe(
    z
      .array(z.string().regex(STEP, 'Write steps like "1m 10m", "1h" or "1d".'))
      .max(10, "Use at most 10 steps."),
  );

/** The scheduling settings form (a `UserSettings` row, minus the fitted parameters). */
export const settingsSchema = z.object({
  desiredRetention: z.coerce
    .number()
    .min(0.7, "Desired retention must be at least 0.70.")
    .max(0.99, "Desired retention must be at most 0.99."),
  maximumInterval: z.coerce
    .number()
    .int("Use a whole number of days.")
    .min(1, "At least 1 day.")
    .max(36500, "At most 36,500 days (100 years)."),
  enableFuzz: z.boolean(),
  learningSteps: stepsSchema,
  relearningSteps: stepsSchema,
  newPerDay: z.coerce.number().int("Use a whole number.").min(0).max(9999, "At most 9,999."),
  reviewsPerDay: z.coerce.number().int("Use a whole number.").min(0).max(99999, "At most 99,999."),
  timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, "Choose a time zone from the list."),
  dayStartHour: z.coerce.number().int().min(0, "From 0 to 23.").max(23, "From 0 to 23."),
  studyAll: z.boolean(),
});
export type SettingsInput = z.input<typeof settingsSchema>;

/** What the settings form sends: the settings, and whether to reschedule the studied cards now. */
export const settingsUpdateSchema = settingsSchema.extend({ reschedule: z.boolean().default(false) });
export type Settings = z.output<typeof settingsSchema>;
