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
