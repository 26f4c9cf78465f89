import { db } from "@/app/lib/server/db";

/**
 * Gives a user `count` retired draft notes of their own: they count toward the note limit (the
 * limit counts every note a user keeps) without showing anywhere, so a test reaches the limit
 * without writing 200 real notes.
 */
export async function fillNoteRoom(userId: string, count: number, slugPrefix: string): Promise<void> {
  await db.paper.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      slug: `${slugPrefix}-${i}`,
      ownerId: userId,
      title: "Filler",
      short: "Filler",
      kind: "concept",
      area: "concepts",
      summary: "",
      body: "",
      rendered: { bodyStartLine: 1, blocks: [], headings: [] },
      contentHash: "",
      status: "draft",
      retiredAt: new Date(),
    })),
  });
}
