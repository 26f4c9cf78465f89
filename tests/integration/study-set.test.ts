import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { addPaperToStudySet, removePaperFromStudySet } from "@/app/lib/server/data/study-set";
import { getUserSettings, saveStudyAll } from "@/app/lib/server/data/settings";
import { noteName } from "@/app/lib/server/data/papers";

const unique = () => `study-set-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

async function newUser(settings: Record<string, unknown> = {}) {
  return db.user.create({ data: { email: unique(), settings: { create: settings } }, select: { id: true } });
}

describe("adding a note to the study set studies it", () => {
  it("switches a user who studies all notes to the set on the first addition, and only then", async () => {
    const user = await newUser();
    expect((await getUserSettings(user.id)).studyAll).toBe(true);
    await expect(addPaperToStudySet(user.id, "moco")).resolves.toEqual({ switched: true, studyAll: false, setSize: 1 });
    expect((await getUserSettings(user.id)).studyAll).toBe(false);
    await expect(addPaperToStudySet(user.id, "clip")).resolves.toEqual({ switched: false, studyAll: false, setSize: 2 });
    // Adding a note already in the set changes nothing.
    await expect(addPaperToStudySet(user.id, "clip")).resolves.toEqual({ switched: false, studyAll: false, setSize: 2 });
  });

  it("keeps all notes for a user who switched back on purpose, and says the set waits", async () => {
    const user = await newUser();
    await addPaperToStudySet(user.id, "moco");
    await saveStudyAll(user.id, true); // the button's "Keep studying all notes"
    expect((await getUserSettings(user.id)).studyAll).toBe(true);
    await expect(addPaperToStudySet(user.id, "detr")).resolves.toEqual({ switched: false, studyAll: true, setSize: 2 });
    expect((await getUserSettings(user.id)).studyAll).toBe(true);
  });

  it("switches a user without a settings row yet (made on the way)", async () => {
    const user = await db.user.create({ data: { email: unique() }, select: { id: true } });
    await expect(addPaperToStudySet(user.id, "moco")).resolves.toMatchObject({ switched: true, studyAll: false });
  });

  it("switches once when two first additions race", async () => {
    const user = await newUser();
    const results = await Promise.all([addPaperToStudySet(user.id, "moco"), addPaperToStudySet(user.id, "clip")]);
    expect(results.filter((r) => r.switched)).toHaveLength(1);
    expect(await db.studySetPaper.count({ where: { userId: user.id } })).toBe(2);
    expect((await getUserSettings(user.id)).studyAll).toBe(false);
  });

  it("gives new cards from the added notes only, not from the rest of the library (the reported walk)", async () => {
    const user = await newUser({ newPerDay: 200 });
    const chosen = ["moco", "clip", "detr", "batchnorm-vs-layernorm"];
    for (const slug of chosen) await addPaperToStudySet(user.id, slug);
    const queue = await loadReviewQueue(user.id, new Date(), { limit: 500 });
    const slugs = new Set(
      (await db.card.findMany({ where: { id: { in: queue.cards.map((c) => c.cardId) } }, select: { paper: { select: { slug: true } } } })).map(
        (c) => c.paper.slug,
      ),
    );
    expect(queue.cards.length).toBeGreaterThan(0);
    expect([...slugs].sort()).toEqual([...chosen].sort());
    // Switching back brings the whole library back.
    await saveStudyAll(user.id, true);
    const all = await loadReviewQueue(user.id, new Date(), { limit: 500 });
    const allSlugs = new Set(
      (await db.card.findMany({ where: { id: { in: all.cards.map((c) => c.cardId) } }, select: { paper: { select: { slug: true } } } })).map(
        (c) => c.paper.slug,
      ),
    );
    expect(allSlugs.size).toBeGreaterThan(chosen.length);
  });

  it("keeps the set's choice when the last note is taken out, so the next addition does not switch again", async () => {
    const user = await newUser();
    await addPaperToStudySet(user.id, "moco");
    await removePaperFromStudySet(user.id, "moco");
    await expect(addPaperToStudySet(user.id, "clip")).resolves.toEqual({ switched: false, studyAll: false, setSize: 1 });
  });
});

describe("a note-scoped session", () => {
  it("names the note by its title, not its slug", async () => {
    await expect(noteName("batchnorm-vs-layernorm")).resolves.not.toBe("batchnorm-vs-layernorm");
    await expect(noteName("moco")).resolves.toBe("MoCo");
  });

  it("offers all of the note's new cards once today's limit is used elsewhere", async () => {
    const user = await newUser({ newPerDay: 0 });
    await addPaperToStudySet(user.id, "moco");
    const mocoNew = await db.card.count({ where: { paper: { slug: "moco" }, retiredAt: null } });
    const queue = await loadReviewQueue(user.id, new Date(), { scope: { paper: "moco" }, limit: 50 });
    expect(queue.cards).toEqual([]);
    expect(queue.newWaiting).toBe(mocoNew);
  });
});
