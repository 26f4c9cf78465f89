import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import { db } from "@/app/lib/server/db";
import { createOwnNote, deleteOwnNote, getOwnNoteSource, listOwnNotes, restoreOwnNote, updateOwnNote } from "@/app/lib/server/data/own-notes";
import { listLibrary } from "@/app/lib/server/data/papers";
import { answerCard } from "@/app/lib/server/data/review";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { deleteAccountAndData } from "@/app/lib/server/data/user-data";
import { ConflictError, NotFoundError } from "@/app/lib/server/errors";
import { sessionOf } from "../helpers/fresh-database";
import { ownNoteText } from "./own-note-fixture";
import { retireAllOwnNotes } from "./retire-own-notes";

afterAll(retireAllOwnNotes);

const email = () => `own-edit-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: {} } }, select: { id: true } });
const cardsOf = (paperId: string) =>
  db.card.findMany({ where: { paperId }, orderBy: { key: "asc" }, select: { id: true, key: true, back: true, retiredAt: true } });

describe("writing one's own notes", () => {
  it("keeps an edited card's id and reviews, and retires a removed card with its history", async () => {
    const user = await newUser();
    const saved = await createOwnNote(user.id, ownNoteText("quolm", { extraCard: true }), new Date());
    const before = await cardsOf(saved.id);
    const card = before.find((c) => c.key === "what-is-it")!;
    const second = before.find((c) => c.key === "second")!;
    await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: second.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 500 }, new Date());

    const edited = await updateOwnNote(user.id, saved.id, ownNoteText("quolm", { back: "An edited answer." }), new Date(), saved.savedAt);
    expect(edited).toMatchObject({ status: "valid", errors: [] });
    const after = await cardsOf(saved.id);
    expect(after.find((c) => c.key === "what-is-it")).toMatchObject({ id: card.id, back: "An edited answer.", retiredAt: null });
    const retired = after.find((c) => c.key === "second");
    expect(retired?.id).toBe(second.id);
    expect(retired?.retiredAt).not.toBeNull();
    expect(await db.reviewLog.count({ where: { userId: user.id, cardId: second.id } })).toBe(1);
  });

  it("renders an own card in the review queue through the sanitiser, as its note page does (no image from a tracker)", async () => {
    const user = await newUser();
    const back = "An answer with ![pixel](https://tracker.example/p.png) and $x^2$.";
    const saved = await createOwnNote(user.id, ownNoteText("sanpix", { back }), new Date());
    const queue = await loadReviewQueue(user.id, new Date(), { scope: { paper: saved.slug } });
    const card = queue.cards.find((c) => c.backHtml.includes("An answer with"));
    expect(card?.backHtml).toContain("katex");
    expect(card?.backHtml).not.toContain("<img");
    expect(card?.backHtml).not.toContain("tracker.example");
  });

  it("saves a note with errors as a draft, lists every error with its line, and keeps studying the last valid version", async () => {
    const user = await newUser();
    const saved = await createOwnNote(user.id, ownNoteText("brindle"), new Date());
    const broken = ownNoteText("brindle", { back: "New back" }).replace("area: concepts", "area: nowhere").replace("type: single", "type: lottery");
    const draft = await updateOwnNote(user.id, saved.id, broken, new Date());
    expect(draft.status).toBe("draft");
    expect(draft.errors.length).toBeGreaterThanOrEqual(2);
    expect(draft.errors.every((e) => e.line > 0)).toBe(true);
    expect(draft.errors.map((e) => e.line)).toEqual([...draft.errors.map((e) => e.line)].sort((a, b) => a - b));
    expect((await getOwnNoteSource(user.id, saved.id))?.source).toBe(broken);
    const card = (await cardsOf(saved.id)).find((c) => c.key === "what-is-it");
    expect(card).toMatchObject({ back: "A trick called brindle.", retiredAt: null });
    expect((await listLibrary({ owner: "mine" }, user.id)).map((e) => e.id)).toEqual([saved.id]);
  });

  it("keeps a note that was never valid out of the library and the queue", async () => {
    const user = await newUser();
    const saved = await createOwnNote(user.id, "---\ntitle: half written\n---\n\nSome text", new Date());
    expect(saved.status).toBe("draft");
    expect(saved.errors.length).toBeGreaterThan(0);
    expect(await listLibrary({ owner: "mine" }, user.id)).toEqual([]);
    const queue = await loadReviewQueue(user.id, new Date(), { scope: { paper: saved.slug } });
    expect(queue.cards).toEqual([]);
    expect((await listOwnNotes(user.id, new Date())).notes).toMatchObject([{ id: saved.id, status: "draft", live: false }]);
  });

  it("refuses to overwrite a newer save from another tab", async () => {
    const user = await newUser();
    const saved = await createOwnNote(user.id, ownNoteText("tabby"), new Date());
    await updateOwnNote(user.id, saved.id, ownNoteText("tabby", { back: "first tab" }), new Date(Date.now() + 1000), saved.savedAt);
    await expect(updateOwnNote(user.id, saved.id, ownNoteText("tabby", { back: "second tab" }), new Date(), saved.savedAt)).rejects.toBeInstanceOf(ConflictError);
  });

  it("deletes a note softly, drops its cards from the queue, and restores them within 30 days", async () => {
    const user = await newUser();
    const saved = await createOwnNote(user.id, ownNoteText("vellum"), new Date());
    const cards = await cardsOf(saved.id);
    await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: cards[0]!.id, rating: 1, version: 0, answeredAt: Date.now(), durationMs: 500 }, new Date());
    const now = new Date();
    await deleteOwnNote(user.id, saved.id, now);
    const queue = await loadReviewQueue(user.id, new Date(now.getTime() + 3_600_000), { limit: 500 });
    expect(queue.cards.some((c) => cards.some((x) => x.id === c.cardId))).toBe(false);
    expect(await listLibrary({ owner: "mine" }, user.id)).toEqual([]);
    expect((await listOwnNotes(user.id, now)).deleted.map((n) => n.id)).toEqual([saved.id]);

    await restoreOwnNote(user.id, saved.id, new Date(now.getTime() + 29 * 86_400_000));
    expect(await db.card.count({ where: { paperId: saved.id, retiredAt: null } })).toBe(cards.length);
    expect((await listLibrary({ owner: "mine" }, user.id)).map((e) => e.id)).toEqual([saved.id]);
  });

  it("forgets a deleted note after 30 days, with its history, and cannot restore it", async () => {
    const user = await newUser();
    const saved = await createOwnNote(user.id, ownNoteText("gossamer"), new Date());
    const [card] = await cardsOf(saved.id);
    await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: card!.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 500 }, new Date());
    const deletedAt = new Date();
    await deleteOwnNote(user.id, saved.id, deletedAt);
    const later = new Date(deletedAt.getTime() + 31 * 86_400_000);
    await expect(restoreOwnNote(user.id, saved.id, later)).rejects.toBeInstanceOf(NotFoundError);
    await listOwnNotes(user.id, later);
    expect(await db.paper.count({ where: { id: saved.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a note over 200 KB with a message that says the size, and a 201st note", async () => {
    const user = await newUser();
    const huge = ownNoteText("bulk") + "\nword ".repeat(45_000);
    const saved = await createOwnNote(user.id, huge, new Date());
    expect(saved.status).toBe("draft");
    expect(saved.errors[0]?.message).toMatch(/at most 200 KB/);
    await db.paper.createMany({
      data: Array.from({ length: OWN_NOTE_LIMITS.maxNotes - 1 }, (_, i) => ({
        slug: `my-limit-${user.id}-${i}`, ownerId: user.id, title: "t", short: "t", kind: "concept", area: "concepts", summary: "", body: "", rendered: {}, contentHash: "", retiredAt: new Date(),
      })),
    });
    await expect(createOwnNote(user.id, ownNoteText("onemore"), new Date())).rejects.toThrow(/200 notes/);
  });

  it("deletes the account with its notes and their history", async () => {
    const user = await newUser();
    const saved = await createOwnNote(user.id, ownNoteText("farewell"), new Date());
    const [card] = await cardsOf(saved.id);
    await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: card!.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 500 }, new Date());
    expect(await deleteAccountAndData(user.id)).toBe(true);
    expect(await db.paper.count({ where: { id: saved.id } })).toBe(0);
    expect(await db.card.count({ where: { paperId: saved.id } })).toBe(0);
  });
});
