import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { writeZip } from "@/app/lib/domain/anki/zip";
import { db } from "@/app/lib/server/db";
import { exportOwnNoteFiles, importOwnNoteFiles, readUpload } from "@/app/lib/server/data/own-note-files";
import { deleteOwnNote } from "@/app/lib/server/data/own-notes";
import { answerCard } from "@/app/lib/server/data/review";
import { sessionOf } from "../helpers/fresh-database";
import { ownNoteText } from "./own-note-fixture";
import { retireAllOwnNotes } from "./retire-own-notes";

afterAll(retireAllOwnNotes);

const email = () => `own-reimport-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: { studyAll: true } } }, select: { id: true } });
const bytes = (text: string) => new TextEncoder().encode(text);

async function importFiles(userId: string, files: Record<string, string>) {
  const names = Object.keys(files);
  const upload =
    names.length === 1
      ? readUpload(bytes(files[names[0]!]!), names[0]!)
      : readUpload(writeZip(Object.entries(files).map(([name, text]) => ({ name, data: bytes(text) })), new Date()), "notes.zip");
  if (!upload.ok) throw new Error(JSON.stringify(upload.errors));
  const result = await importOwnNoteFiles(userId, upload.files, new Date());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.imported;
}

const liveNotes = (userId: string) => db.paper.findMany({ where: { ownerId: userId, deletedAt: null }, select: { id: true, slug: true } });
const cardsOf = (paperId: string) =>
  db.card.findMany({ where: { paperId }, orderBy: { key: "asc" }, select: { id: true, key: true, back: true, retiredAt: true } });

describe("importing the same markdown file twice", () => {
  it("updates the note the first import made: one note, same card ids, reviews kept", async () => {
    const user = await newUser();
    const [first] = await importFiles(user.id, { "glimmer.md": ownNoteText("glimmer") });
    expect(first).toMatchObject({ file: "glimmer.md", updated: false });
    const card = (await cardsOf(first!.id)).find((c) => c.key === "what-is-it");
    await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: card!.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 400 }, new Date());

    const [second] = await importFiles(user.id, { "glimmer.md": ownNoteText("glimmer", { back: "A better answer.", extraCard: true }) });
    expect(second).toMatchObject({ id: first!.id, slug: first!.slug, updated: true });
    expect(await liveNotes(user.id)).toEqual([{ id: first!.id, slug: first!.slug }]);
    const cards = await cardsOf(first!.id);
    expect(cards.find((c) => c.id === card!.id)).toMatchObject({ back: "A better answer.", retiredAt: null });
    expect(cards.filter((c) => c.retiredAt === null)).toHaveLength(cards.length);
    expect(await db.reviewLog.count({ where: { cardId: card!.id, userId: user.id } })).toBe(1);

    // A card the file no longer has is retired with its history, as an edit does.
    await importFiles(user.id, { "glimmer.md": ownNoteText("glimmer") });
    expect((await cardsOf(first!.id)).filter((c) => c.retiredAt !== null)).toHaveLength(1);
    expect(await db.reviewLog.count({ where: { cardId: card!.id, userId: user.id } })).toBe(1);
  });

  it("updates a note from its exported file (my-….md), and renames prerequisites to the notes it updates", async () => {
    const user = await newUser();
    const imported = await importFiles(user.id, { "base-idea.md": ownNoteText("basidea"), "next-idea.md": ownNoteText("nextidea", { prerequisites: ["base-idea"] }) });
    const base = imported.find((n) => n.file === "base-idea.md")!;
    const again = await importFiles(user.id, { "base-idea.md": ownNoteText("basidea", { back: "Again." }), "next-idea.md": ownNoteText("nextidea", { prerequisites: ["base-idea"] }) });
    expect(again.every((n) => n.updated)).toBe(true);
    expect(await liveNotes(user.id)).toHaveLength(2);
    const next = (await exportOwnNoteFiles(user.id)).find((f) => f.text.includes("nextidea"))!;
    expect(next.text).toContain(`prerequisites: [${base.slug}]`);

    const [exported] = await exportOwnNoteFiles(user.id, base.id);
    const [back] = await importFiles(user.id, { [exported!.name]: exported!.text.replace("Again.", "From the export.") });
    expect(back).toMatchObject({ id: base.id, updated: true });
    expect(await liveNotes(user.id)).toHaveLength(2);
  });

  it("makes a new note when the earlier one was deleted, and never touches another user's note", async () => {
    const user = await newUser();
    const other = await newUser();
    const [mine] = await importFiles(user.id, { "trellis.md": ownNoteText("trellis") });
    const [theirs] = await importFiles(other.id, { "trellis.md": ownNoteText("trellis") });
    expect(theirs!.id).not.toBe(mine!.id);
    expect(theirs!.updated).toBe(false);
    // Another user's exported slug is no note of this user's: a new note, not an update of theirs.
    const [viaSlug] = await importFiles(user.id, { [`${theirs!.slug}.md`]: ownNoteText("trellis", { back: "Hijack?" }) });
    expect(viaSlug!.updated).toBe(false);
    expect(viaSlug!.id).not.toBe(theirs!.id);
    expect((await cardsOf(theirs!.id)).some((c) => c.back.includes("Hijack"))).toBe(false);

    await deleteOwnNote(user.id, mine!.id, new Date());
    const [fresh] = await importFiles(user.id, { "trellis.md": ownNoteText("trellis") });
    expect(fresh).toMatchObject({ updated: false });
    expect(fresh!.id).not.toBe(mine!.id);
  });
});
