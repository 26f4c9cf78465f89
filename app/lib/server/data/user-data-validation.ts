import "#server-only";
import { z } from "zod";
import {
  describeIssues,
  exportedCardStateSchema,
  exportedQuizAttemptSchema,
  exportedReviewLogSchema,
  userDataSchema,
  type UserDataFile,
} from "@/app/lib/schemas/user-data";
import { forEachSliced } from "../time-slices";

/**
 * `parseUserData` for big files: the same schema and the same messages, in the same order, but
 * the long arrays (a review log of 65,000 entries takes zod ~2 s) are validated entry by entry
 * in time slices, so other requests keep being answered while a big export is checked.
 */

const LISTS = ["cardStates", "reviewLogs", "quizAttempts"] as const;
type List = (typeof LISTS)[number];
const ITEM_SCHEMAS = {
  cardStates: exportedCardStateSchema,
  reviewLogs: exportedReviewLogSchema,
  quizAttempts: exportedQuizAttemptSchema,
} as const;

/** Everything but the long arrays' entries (which must still be arrays). */
const headSchema = userDataSchema.extend({
  cardStates: z.array(z.unknown()),
  reviewLogs: z.array(z.unknown()),
  quizAttempts: z.array(z.unknown()),
});

/** The position of a top-level key in the schema: zod reports issues in this order. */
const KEY_ORDER = Object.keys(userDataSchema.shape);
const rank = (issue: z.core.$ZodIssue) => {
  const at = KEY_ORDER.indexOf(String(issue.path[0]));
  return at === -1 ? -1 : at;
};

async function parseList<L extends List>(
  list: L,
  entries: readonly unknown[],
  issues: z.core.$ZodIssue[],
): Promise<z.output<(typeof ITEM_SCHEMAS)[L]>[]> {
  const schema = ITEM_SCHEMAS[list];
  const out: z.output<(typeof ITEM_SCHEMAS)[L]>[] = [];
  await forEachSliced(entries, (entry, i) => {
    const parsed = schema.safeParse(entry);
    if (parsed.success) out.push(parsed.data as z.output<(typeof ITEM_SCHEMAS)[L]>);
    else for (const issue of parsed.error.issues) issues.push({ ...issue, path: [list, i, ...issue.path] });
  });
  return out;
}

/**
 * Validates a whole export: the file, or every problem in it (`reviewLogs[3].previous.stability:
 * must be at most 36500`), exactly as `parseUserData` reports them.
 */
export async function parseUserDataSliced(
  json: unknown,
): Promise<{ ok: true; data: UserDataFile } | { ok: false; errors: string[] }> {
  const head = headSchema.safeParse(json);
  const issues: z.core.$ZodIssue[] = head.success ? [] : [...head.error.issues];
  const source = typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const parsed: Partial<Pick<UserDataFile, List>> = {};
  for (const list of LISTS) {
    const entries = source[list];
    if (Array.isArray(entries)) Object.assign(parsed, { [list]: await parseList(list, entries, issues) });
  }
  if (issues.length > 0 || !head.success) {
    // Stable sort: within a key, issues keep zod's order (entries by index).
    const ordered = issues.map((issue, i) => ({ issue, i })).sort((a, b) => rank(a.issue) - rank(b.issue) || a.i - b.i);
    return { ok: false, errors: describeIssues(new z.ZodError(ordered.map((o) => o.issue))) };
  }
  return {
    ok: true,
    data: {
      ...head.data,
      cardStates: parsed.cardStates ?? [],
      reviewLogs: parsed.reviewLogs ?? [],
      quizAttempts: parsed.quizAttempts ?? [],
    },
  };
}
