import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import initSqlJs, { type Database, type SqlJsStatic } from "sql.js";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import { db } from "@/app/lib/server/db";
import { answerCard } from "@/app/lib/server/data/review";
import { exportApkg, importApkg } from "@/app/lib/server/data/user-data-apkg";
import { applyCardControl } from "@/app/lib/server/data/card-controls";
import { cardControlSchema } from "@/app/lib/schemas/cards";
import { BadRequestError } from "@/app/lib/server/errors";
import { getUserSettings, schedulerSettingsOf } from "@/app/lib/server/data/settings";
import { ankiGuid, planNotes } from "@/app/lib/domain/anki/notes";
import { MODEL_IDS } from "@/app/lib/domain/anki/collection";
import { readZip, writeZip } from "@/app/lib/domain/anki/zip";
import { daysBetween, replayInput, rescheduleFromLogs, stateToCode, studyDayOf } from "@/app/lib/domain/scheduling";

const DAY = 86_400_000;
const unique = () => `anki-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: unique(), settings: { create: { timeZone: "Europe/Paris" } } }, select: { id: true } });

let SQL: SqlJsStatic;
beforeAll(async () => {
  const wasm = await readFile(path.join(process.cwd(), "node_modules/sql.js/dist/sql-wasm.wasm"));
  SQL = await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
});

/** A live note with basic, reverse and cloze cards. */
async function mixedNote() {
  const papers = await db.paper.findMany({
    where: { retiredAt: null, AND: [{ cards: { some: { type: "cloze", retiredAt: null } } }, { cards: { some: { type: "reverse", retiredAt: null } } }, { cards: { some: { type: "basic", retiredAt: null } } }] },
    orderBy: { sortKey: "asc" },
    select: { slug: true, title: true, cards: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, key: true, type: true, front: true, back: true } } },
  });
  const paper = papers[0];
  if (!paper) throw new Error("the corpus has no note with basic, reverse and cloze cards");
  return paper;
}

/** Answers every card of the note through the real answer path, over about three weeks. */
async function studyNote(userId: string, cards: { id: string }[]) {
  const start = Date.now() - 21 * DAY;
  for (const [i, card] of cards.entries()) {
    let at = start + i * 3_600_000;
    let version = 0;
    for (let k = 0; k < 4 && at < Date.now() - 60_000; k++) {
      const rating = (k === 2 && i % 3 === 0 ? 1 : k === 0 ? 3 : 3 + (i % 2)) as 1 | 3 | 4;
      const result = await answerCard(sessionOf(userId), { clientId: randomUUID(), cardId: card.id, rating, version, answeredAt: at, durationMs: 1000 + i * 10 + k }, new Date(at));
      version = result.version;
      at = Math.max(result.due.getTime(), at + 60_000);
    }
  }
}

function openCollection(bytes: Uint8Array): Database {
  const zip = readZip(bytes);
  expect(zip.names).toEqual(["collection.anki2", "media"]);
  expect(Buffer.from(zip.read("media", 100)!).toString()).toBe("{}");
  return new SQL.Database(zip.read("collection.anki2", 1e9));
}

const rows = (d: Database, sql: string) => (d.exec(sql)[0]?.values ?? []) as (number | string)[][];

describe("the .apkg package", () => {
  it("holds Anki's schema-11 tables, the note types, one deck per note, the notes, the cards with their states and every review", async () => {
    const user = await newUser();
    const paper = await mixedNote();
    await studyNote(user.id, paper.cards);
    const now = new Date();
    const bytes = await exportApkg(user.id, [paper.slug], now, { origin: "https://paperdeck.example" });
    const col = openCollection(bytes);
    try {
      expect(rows(col, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").flat()).toEqual(["cards", "col", "graves", "notes", "revlog"]);
      const [crt, ver, confText, modelsText, decksText, dconfText] = rows(col, "SELECT crt, ver, conf, models, decks, dconf FROM col")[0]!;
      expect(ver).toBe(11);
      const conf = JSON.parse(String(confText)) as Record<string, unknown>;
      expect(conf.schedVer).toBe(2);
      const models = JSON.parse(String(modelsText)) as Record<string, { name: string; type: number; flds: { name: string }[]; tmpls: { qfmt: string }[] }>;
      expect(Object.values(models).map((m) => [m.name, m.type, m.flds.map((f) => f.name), m.tmpls.length])).toEqual([
        ["PaperDeck Basic", 0, ["Front", "Back"], 1],
        ["PaperDeck Basic (and reversed card)", 0, ["Front", "Back"], 2],
        ["PaperDeck Cloze", 1, ["Text", "Back Extra"], 1],
      ]);
      // Every key Anki's schema-11 readers require (rslib notetype/decks/deckconfig schema11.rs).
      for (const m of Object.values(models)) {
        for (const key of ["id", "name", "type", "mod", "usn", "sortf", "did", "tmpls", "flds", "css"]) expect(m).toHaveProperty(key);
        for (const f of m.flds) for (const key of ["name", "ord", "sticky", "rtl", "font", "size"]) expect(f).toHaveProperty(key);
        for (const t of m.tmpls) for (const key of ["name", "ord", "qfmt"]) expect(t).toHaveProperty(key);
      }
      const decks = Object.values(JSON.parse(String(decksText)) as Record<string, { name: string; conf: number }>);
      expect(decks.map((d) => d.name)).toEqual(["Default", "PaperDeck", `PaperDeck::${paper.title}`]);
      const dconf = JSON.parse(String(dconfText)) as Record<string, Record<string, unknown>>;
      for (const d of decks) expect(dconf[String(d.conf)]).toBeDefined();
      for (const c of Object.values(dconf)) for (const key of ["id", "mod", "name", "usn", "maxTaken", "autoplay", "timer", "new", "rev", "lapse"]) expect(c).toHaveProperty(key);

      const planned = planNotes(paper.slug, paper.cards);
      const notes = rows(col, "SELECT id, guid, mid, flds, tags FROM notes ORDER BY id");
      expect(notes.map((n) => n[1])).toEqual(planned.map((p) => p.guid));
      const cloze = planned.findIndex((p) => p.kind === "cloze");
      expect(notes[cloze]![2]).toBe(MODEL_IDS.cloze);
      const [text, extra] = String(notes[cloze]![3]).split("\u001f");
      expect(text).toMatch(/\{\{c1::[^}]+\}\}/);
      expect(text).not.toContain("==");
      expect(extra).toBe("");
      expect(notes[cloze]![4]).toContain(` paperdeck::${paper.slug} `);

      // Cards: one per live card of ours, with the user's state.
      const cards = rows(col, "SELECT c.id, n.guid, c.ord, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses, c.data FROM cards c JOIN notes n ON n.id = c.nid");
      expect(cards).toHaveLength(paper.cards.length);
      const ourCard = new Map<string, string>(planned.flatMap((p) => p.cards.map((c) => [`${p.guid}:${c.ord}`, c.cardId] as const)));
      const states = new Map((await db.cardState.findMany({ where: { userId: user.id } })).map((s) => [s.cardId, s]));
      const ankiToOurs = new Map<number, string>();
      for (const [id, guid, ord, type, queue, due, ivl, factor, reps, lapses, data] of cards) {
        const cardId = ourCard.get(`${String(guid)}:${String(ord)}`)!;
        ankiToOurs.set(Number(id), cardId);
        const state = states.get(cardId)!;
        expect([type, reps, lapses, factor]).toEqual([state.state, state.reps, state.lapses, 2500]);
        const memory = JSON.parse(String(data)) as { s: number; d: number; dr: number };
        expect(memory.s).toBeCloseTo(state.stability, 3);
        expect(memory.d).toBeCloseTo(state.difficulty, 2);
        if (state.state === 2) {
          expect(queue).toBe(2);
          expect(ivl).toBe(Math.max(1, state.scheduledDays));
          // Days from the collection's first day (crt) to the due day, both study days in Paris from 04:00.
          expect(due).toBe(daysBetween(studyDayOf(new Date(Number(crt) * 1000), "Europe/Paris", 4), studyDayOf(state.due, "Europe/Paris", 4)));
        } else {
          expect([1, 3]).toContain(queue);
        }
      }

      // The review history: one revlog row per log, same time, rating, duration and card.
      const logs = await db.reviewLog.findMany({ where: { userId: user.id }, orderBy: [{ reviewedAt: "asc" }, { createdAt: "asc" }] });
      const revlog = rows(col, "SELECT id, cid, usn, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id");
      expect(revlog).toHaveLength(logs.length);
      expect(revlog.map(([id, cid, usn, ease, , , , time, type]) => [id, ankiToOurs.get(Number(cid)), usn, ease, time, type])).toEqual(
        logs.map((l) => [l.reviewedAt.getTime(), l.cardId, -1, l.rating, l.durationMs, [0, 0, 1, 2][l.state]]),
      );
      // A first answer leaves a learning step: Anki logs it as negative seconds.
      const firsts = revlog.filter((r, i) => revlog.findIndex((o) => o[1] === r[1]) === i);
      for (const r of firsts) expect(r[5]).toBe(0);
      expect(firsts.some((r) => Number(r[4]) < 0)).toBe(true);
    } finally {
      col.close();
    }
  });

  it("gives every review a unique id even when two answers share a millisecond", async () => {
    const user = await newUser();
    const paper = await mixedNote();
    const at = Date.now() - DAY;
    for (const card of paper.cards.slice(0, 3)) {
      await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: card.id, rating: 3, version: 0, answeredAt: at, durationMs: 500 }, new Date(at));
    }
    const col = openCollection(await exportApkg(user.id, [paper.slug], new Date()));
    try {
      expect(rows(col, "SELECT id FROM revlog ORDER BY id").flat()).toEqual([at, at + 1, at + 2]);
    } finally {
      col.close();
    }
  });
});

describe("card controls in the .apkg package", () => {
  it("keeps them as Anki does: suspended in queue -1, buried in -3, the flag in flags, a leech's note tagged leech", async () => {
    const user = await newUser();
    const paper = await mixedNote();
    const [suspended, buried, flagged, leech, plain] = paper.cards;
    const now = new Date();
    const at = now.getTime() - 2 * DAY;
    for (const card of [suspended!, buried!, flagged!, leech!, plain!]) {
      await answerCard(sessionOf(user.id), { clientId: randomUUID(), cardId: card.id, rating: 3, version: 0, answeredAt: at, durationMs: 500 }, new Date(at));
    }
    const control = (cardIds: string[], action: "suspend" | "bury" | "flag", flag?: number) =>
      applyCardControl(user.id, cardControlSchema.parse({ clientId: randomUUID(), cardIds, action, flag }), now);
    await control([suspended!.id], "suspend");
    await control([buried!.id], "bury");
    await control([flagged!.id, suspended!.id], "flag", 2);
    await db.cardState.update({ where: { userId_cardId: { userId: user.id, cardId: leech!.id } }, data: { leech: true, lapses: 8 } });

    const col = openCollection(await exportApkg(user.id, [paper.slug], now));
    try {
      const guidOf = new Map(planNotes(paper.slug, paper.cards).flatMap((n) => n.cards.map((c) => [c.cardId, [n.guid, c.ord] as const])));
      const row = (cardId: string) => {
        const [guid, ord] = guidOf.get(cardId)!;
        return rows(col, `SELECT c.type, c.queue, c.flags, n.tags FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = '${guid}' AND c.ord = ${ord}`)[0]!;
      };
      const [sType, sQueue, sFlags] = row(suspended!.id);
      expect([sQueue, sFlags]).toEqual([-1, 2]);
      expect(Number(sType)).toBeGreaterThan(0);
      expect(row(buried!.id).slice(1, 3)).toEqual([-3, 0]);
      // A flag alone leaves the card in its queue.
      expect(row(flagged!.id)[2]).toBe(2);
      expect([-1, -2, -3]).not.toContain(Number(row(flagged!.id)[1]));
      expect(String(row(leech!.id)[3]).trim().split(" ")).toContain("leech");
      expect([-1, -3]).not.toContain(Number(row(plain!.id)[1]));
      expect(row(plain!.id)[2]).toBe(0);
      // Only the leech's note carries the tag.
      const leechGuid = guidOf.get(leech!.id)![0];
      const tagged = rows(col, "SELECT guid FROM notes WHERE tags LIKE '% leech %'").flat();
      expect(tagged).toEqual([leechGuid]);
    } finally {
      col.close();
    }
  });
});

describe("importing an .apkg's review history", () => {
  it("restores another account's history: the same logs, and states equal to a replay of them", async () => {
    const source = await newUser();
    const paper = await mixedNote();
    await studyNote(source.id, paper.cards);
    const bytes = await exportApkg(source.id, [paper.slug], new Date());

    const target = await newUser();
    const result = await importApkg(target.id, bytes, new Date());
    const sourceLogs = await db.reviewLog.findMany({ where: { userId: source.id }, orderBy: [{ cardId: "asc" }, { reviewedAt: "asc" }] });
    expect(result.notes).toEqual({ matched: planNotes(paper.slug, paper.cards).length, unmatched: 0 });
    expect(result.cards).toEqual({ matched: paper.cards.length, unmatched: 0 });
    expect(result.reviews).toEqual({ added: sourceLogs.length, alreadyThere: 0, skipped: 0 });
    expect(result.rescheduled).toBe(paper.cards.length);

    const targetLogs = await db.reviewLog.findMany({ where: { userId: target.id }, orderBy: [{ cardId: "asc" }, { reviewedAt: "asc" }] });
    expect(targetLogs.map((l) => [l.cardId, l.reviewedAt.getTime(), l.rating, l.state, l.durationMs, l.source])).toEqual(
      sourceLogs.map((l) => [l.cardId, l.reviewedAt.getTime(), l.rating, l.state, l.durationMs, "import"]),
    );

    const settings = schedulerSettingsOf(await getUserSettings(target.id));
    const targetStates = new Map((await db.cardState.findMany({ where: { userId: target.id } })).map((s) => [s.cardId, s]));
    const sourceStates = new Map((await db.cardState.findMany({ where: { userId: source.id } })).map((s) => [s.cardId, s]));
    expect(targetStates.size).toBe(paper.cards.length);
    for (const card of paper.cards) {
      const replayed = rescheduleFromLogs(targetLogs.filter((l) => l.cardId === card.id).map(replayInput), settings)!;
      const state = targetStates.get(card.id)!;
      expect({ ...replayed, state: stateToCode(replayed.state) }).toMatchObject({
        due: state.due, stability: state.stability, difficulty: state.difficulty, reps: state.reps, lapses: state.lapses, state: state.state, lastReview: state.lastReview,
      });
      // Same settings (the defaults): the same schedule as the account that answered.
      const original = sourceStates.get(card.id)!;
      expect([state.state, state.due.getTime(), state.reps, state.lapses]).toEqual([original.state, original.due.getTime(), original.reps, original.lapses]);
      expect(state.stability).toBeCloseTo(original.stability, 6);
    }

    // A second import adds nothing.
    const again = await importApkg(target.id, bytes, new Date());
    expect(again.reviews).toEqual({ added: 0, alreadyThere: sourceLogs.length, skipped: 0 });
  });

  it("skips and counts the notes that are not ours, and the rows that are not answers", async () => {
    const source = await newUser();
    const paper = await mixedNote();
    await studyNote(source.id, paper.cards.slice(0, 2));
    const zip = readZip(await exportApkg(source.id, [paper.slug], new Date()));
    const col = new SQL.Database(zip.read("collection.anki2", 1e9));
    const planned = planNotes(paper.slug, paper.cards);
    // An Anki note of the user's own, and a reset row before a review of ours.
    col.run("UPDATE notes SET guid = 'someone-elses' WHERE guid = ?", [planned[planned.length - 1]!.guid]);
    const firstReview = rows(col, "SELECT id, cid FROM revlog ORDER BY id LIMIT 1")[0]!;
    col.run("INSERT INTO revlog VALUES (?,?,-1,0,0,0,0,0,4)", [Number(firstReview[0]) - 5, firstReview[1]!]);
    const edited = writeZip([{ name: "collection.anki2", data: col.export() }, { name: "media", data: Buffer.from("{}") }], new Date());
    col.close();

    const target = await newUser();
    const result = await importApkg(target.id, edited, new Date());
    expect(result.notes.unmatched).toBe(1);
    expect(result.notes.matched).toBe(planned.length - 1);
    expect(result.cards.unmatched).toBe(planned[planned.length - 1]!.cards.length);
    expect(result.reviews.skipped).toBe(1);
    expect(result.reviews.added).toBe(await db.reviewLog.count({ where: { userId: source.id, cardId: { in: planned.slice(0, -1).flatMap((p) => p.cards.map((c) => c.cardId)) } } }));
    expect(ankiGuid(`${paper.slug}/${paper.cards[0]!.key}`)).toBe(planned[0]!.guid);
  });

  it("refuses a file that is not a package, and one in Anki's newest format, saying what to do", async () => {
    const user = await newUser();
    await expect(importApkg(user.id, Buffer.from("just some text"), new Date())).rejects.toBeInstanceOf(BadRequestError);
    const newest = writeZip([{ name: "meta", data: Buffer.from([0x08, 0x03]) }, { name: "collection.anki21b", data: Buffer.from("zstd") }], new Date());
    await expect(importApkg(user.id, newest, new Date())).rejects.toThrow(/Support older Anki versions/);
    const notSqlite = writeZip([{ name: "collection.anki2", data: Buffer.from("not a database at all, no") }], new Date());
    await expect(importApkg(user.id, notSqlite, new Date())).rejects.toThrow(/not an SQLite database/);
  });
});
