import { z } from "zod";

/** Cards on one page of the browser. */
export const CARD_PAGE_SIZE = 50;

export const CARD_SORTS = ["due", "note", "front", "state", "difficulty", "stability", "retrievability", "lapses", "reps"] as const;
export type CardSort = (typeof CARD_SORTS)[number];

/**
 * An optional query parameter: an empty field of the filter form (or anything malformed in a
 * hand-edited address) means "no filter", never an error page.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional()).catch(undefined);

/** GET /cards?…: the browser's search, filters, order and page, from the address. */
export const cardBrowserQuerySchema = z.object({
  q: optional(z.string().trim().max(200)),
  note: optional(z.string().max(120)),
  state: optional(z.enum(["new", "learning", "review", "relearning"])),
  due: optional(z.enum(["overdue", "today", "week", "later"])),
  flag: optional(z.coerce.number().int().min(0).max(4)),
  suspended: optional(z.enum(["yes", "no"])),
  leech: optional(z.enum(["yes", "no"])),
  /** Difficulty 1..10. */
  dMin: optional(z.coerce.number().min(1).max(10)),
  dMax: optional(z.coerce.number().min(1).max(10)),
  /** Retrievability now, in percent. */
  rMin: optional(z.coerce.number().min(0).max(100)),
  rMax: optional(z.coerce.number().min(0).max(100)),
  sort: z.enum(CARD_SORTS).default("due").catch("due"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  /** The card whose history and forgetting curve are open. */
  card: optional(z.string().max(64)),
});
export type CardBrowserQuery = z.infer<typeof cardBrowserQuerySchema>;

/** Reads the page's search params (a repeated key counts once: its first value). */
export function parseCardBrowserQuery(params: Record<string, string | string[] | undefined>): CardBrowserQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return cardBrowserQuerySchema.parse(flat);
}

/** The address of the browser with `query` changed by `change` (undefined removes a key). */
export function cardBrowserHref(query: CardBrowserQuery, change: Partial<Record<keyof CardBrowserQuery, string | number | undefined>>): string {
  const merged: Record<string, string | number | undefined> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "") continue;
    if (key === "sort" && value === "due") continue;
    if (key === "dir" && value === "asc") continue;
    if (key === "page" && Number(value) === 1) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `/cards?${text}` : "/cards";
}
