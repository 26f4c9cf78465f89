import { z } from "zod";

/** The rendered note as stored in Paper.rendered (JSON), checked on the way out. */
export const renderedNoteSchema = z.object({
  segments: z.array(
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("html"), html: z.string() }),
      z.object({ kind: z.literal("card"), key: z.string() }),
      z.object({ kind: z.literal("quiz"), key: z.string() }),
      z.object({ kind: z.literal("widget"), name: z.string(), caption: z.string().nullable() }),
    ]),
  ),
  toc: z.array(z.object({ depth: z.union([z.literal(2), z.literal(3)]), id: z.string(), text: z.string(), html: z.string() })),
});
export type StoredRenderedNote = z.infer<typeof renderedNoteSchema>;
