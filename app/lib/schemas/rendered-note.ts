import { z } from "zod";
import { WIDGET_NAMES } from "@/app/lib/domain/content/widget-names";

/**
 * What the sync stores in Paper.rendered: the note's layout from the parser (where its blocks
 * and headings are), so the page can render the body without parsing the file again.
 */
export const noteLayoutSchema = z.object({
  bodyStartLine: z.number().int(),
  blocks: z.array(
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("card"), line: z.number().int(), key: z.string() }),
      z.object({ kind: z.literal("quiz"), line: z.number().int(), key: z.string() }),
      z.object({ kind: z.literal("widget"), line: z.number().int(), name: z.enum(WIDGET_NAMES), caption: z.string().nullable() }),
    ]),
  ),
  headings: z.array(z.object({ depth: z.number().int(), text: z.string(), slug: z.string(), line: z.number().int() })),
});
export type NoteLayout = z.infer<typeof noteLayoutSchema>;

export interface TocEntryView {
  depth: 2 | 3;
  id: string;
  text: string;
  html: string;
}

/** What the sync stores in Card.source and QuizQuestion.source (`ItemSource` of the pipeline). */
export const itemSourceSchema = z.object({ text: z.string().min(1), anchor: z.string().nullable() });

/** An item's source as the pages show it: "Source: Table 1", linking to the note's passage. */
export interface SourceLink {
  text: string;
  href: string;
}

/** The link for a stored source, or null for none (or a value this code does not know). */
export function sourceLinkOf(stored: unknown, noteSlug: string): SourceLink | null {
  const source = itemSourceSchema.safeParse(stored);
  if (!source.success) return null;
  return { text: source.data.text, href: `/papers/${noteSlug}${source.data.anchor ? `#${source.data.anchor}` : ""}` };
}
