import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { createOwnNote, updateOwnNote } from "@/app/lib/server/data/own-notes";
import { ownNoteText } from "./own-note-fixture";
import { retireAllOwnNotes } from "./retire-own-notes";

afterAll(retireAllOwnNotes);

const email = () => `own-order-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: {} } }, select: { id: true } });
const sortKeys = async (userId: string) =>
  new Map((await db.paper.findMany({ where: { ownerId: userId }, select: { slug: true, sortKey: true } })).map((p) => [p.slug, p.sortKey]));

describe("the order of one's own notes across saves", () => {
  it("keeps a note's place when a save leaves its prerequisites alone, and moves it after one it now needs", async () => {
    const user = await newUser();
    const a = await createOwnNote(user.id, ownNoteText("orderalpha"), new Date());
    const b = await createOwnNote(user.id, ownNoteText("orderbeta"), new Date());
    const before = await sortKeys(user.id);

    // A body edit (the common save) keeps every key.
    await updateOwnNote(user.id, b.id, ownNoteText("orderbeta", { back: "Edited." }), new Date());
    expect(await sortKeys(user.id)).toEqual(before);

    // Naming a prerequisite among the user's notes moves the note after it.
    await updateOwnNote(user.id, a.id, ownNoteText("orderalpha", { prerequisites: [b.slug] }), new Date());
    const after = await sortKeys(user.id);
    expect(after.get(a.slug)!).toBeGreaterThan(after.get(b.slug)!);

    // And dropping it again moves it back among the notes without one.
    await updateOwnNote(user.id, a.id, ownNoteText("orderalpha"), new Date());
    expect(await sortKeys(user.id)).toEqual(before);
  });
});
