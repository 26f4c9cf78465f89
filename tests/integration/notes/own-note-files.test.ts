import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readZip, writeZip } from "@/app/lib/domain/anki/zip";
import { loadCorpus } from "@/app/lib/domain/content/load-corpus";
import { IMPORT_LIMITS } from "@/app/lib/domain/content/own-note-import";
import { OWN_NOTE_LIMITS } from "@/app/lib/domain/content/own-note";
import { db } from "@/app/lib/server/db";
import { copyCorpusNote } from "@/app/lib/server/data/own-note-copy";
import { exportOwnNoteFiles, exportOwnNotesZip, importOwnNoteFiles, readUpload } from "@/app/lib/server/data/own-note-files";
import { createOwnNote, getOwnNoteSource } from "@/app/lib/server/data/own-notes";
import { readContentFiles } from "@/scripts/lib/content-files";
import { ownNoteText } from "./own-note-fixture";
import { retireAllOwnNotes } from "./retire-own-notes";
import { fillNoteRoom } from "./fill-note-room";

afterAll(retireAllOwnNotes);

const email = () => `own-files-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const newUser = () => db.user.create({ data: { email: email(), settings: { create: {} } }, select: { id: true } });
const bytes = (text: string) => new TextEncoder().encode(text);
const zipOf = (files: Record<string, string>) => writeZip(Object.entries(files).map(([name, text]) => ({ name, data: bytes(text) })), new Date());
/** expect.stringContaining, typed as the string it stands for inside toMatchObject. */
const contains = (text: string): string => expect.stringContaining(text) as string;
const ownCount = (userId: string) => db.paper.count({ where: { ownerId: userId } });

describe("exporting one's own notes in the content format", () => {
  it("writes files that pass the corpus checker when dropped into content/ (English edition)", async () => {
    const user = await newUser();
    const first = await createOwnNote(user.id, ownNoteText("zorbit"), new Date());
    await createOwnNote(user.id, ownNoteText("quillon", { prerequisites: [first.slug, "clip"] }), new Date());
    await copyCorpusNote(user.id, "bert", (t) => `${t} (my copy)`, new Date());

    const zip = readZip(await exportOwnNotesZip(user.id, new Date()));
    expect(zip.names).toHaveLength(3);
    const dir = await mkdtemp(path.join(tmpdir(), "paperdeck-content-"));
    try {
      // The corpus's English notes (content/zh/ is left out: a contribution also needs its Chinese edition).
      for (const file of await readContentFiles()) await cp(file.path, path.join(dir, path.basename(file.path)));
      for (const name of zip.names) await writeFile(path.join(dir, name), zip.read(name, OWN_NOTE_LIMITS.maxBytes)!);
      const corpus = loadCorpus(await readContentFiles(dir));
      expect(corpus.errors).toEqual([]);
      expect(corpus.notes.map((n) => n.slug)).toEqual(expect.arrayContaining(zip.names.map((n) => n.slice(0, -3))));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exports one note by id, and nobody else's", async () => {
    const user = await newUser();
    const other = await newUser();
    const note = await createOwnNote(user.id, ownNoteText("plimsy"), new Date());
    expect(await exportOwnNoteFiles(user.id, note.id)).toEqual([{ name: `${note.slug}.md`, text: ownNoteText("plimsy") }]);
    await expect(exportOwnNoteFiles(other.id, note.id)).rejects.toThrow("no such note");
    expect(await exportOwnNoteFiles(other.id)).toEqual([]);
  });
});

describe("importing markdown files as one's own notes", () => {
  it("round-trips an export: a .zip of notes that name each other comes back as new notes, prerequisites renamed", async () => {
    const author = await newUser();
    const a = await createOwnNote(author.id, ownNoteText("vendle"), new Date());
    await createOwnNote(author.id, ownNoteText("trosk", { prerequisites: [a.slug] }), new Date());
    const zip = await exportOwnNotesZip(author.id, new Date());

    const reader = await newUser();
    const upload = readUpload(zip, "notes.zip");
    expect(upload.ok).toBe(true);
    if (!upload.ok) return;
    const result = await importOwnNoteFiles(reader.id, upload.files, new Date());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.imported).toHaveLength(2);
    const bySource = new Map(result.imported.map((n) => [n.file, n]));
    const newA = bySource.get(`${a.slug}.md`)!;
    const trosk = result.imported.find((n) => n !== newA)!;
    expect(newA.slug).not.toBe(a.slug);
    const troskSource = (await getOwnNoteSource(reader.id, trosk.id))!.source;
    expect(troskSource).toContain(`prerequisites: [${newA.slug}]`);
    const rows = await db.paper.findMany({ where: { ownerId: reader.id }, select: { status: true, retiredAt: true, prerequisites: true, slug: true } });
    expect(rows.every((r) => r.status === "valid" && r.retiredAt === null)).toBe(true);
    expect(rows.find((r) => r.slug === trosk.slug)?.prerequisites).toEqual([newA.slug]);
    expect(await db.card.count({ where: { paper: { ownerId: reader.id }, retiredAt: null } })).toBeGreaterThanOrEqual(2);
  });

  it("imports one .md file by its name", async () => {
    const user = await newUser();
    const upload = readUpload(bytes(ownNoteText("glimmet")), "glimmet-notes.md");
    expect(upload.ok).toBe(true);
    if (!upload.ok) return;
    const result = await importOwnNoteFiles(user.id, upload.files, new Date());
    expect(result).toMatchObject({ ok: true, imported: [{ file: "glimmet-notes.md" }] });
  });

  it("imports nothing when one file has errors, and names every file and line", async () => {
    const user = await newUser();
    const broken = ownNoteText("brask").replace("type: single", "type: lottery");
    const upload = readUpload(zipOf({ "good.md": ownNoteText("fennick"), "notes/broken.md": broken, "missing-prereq.md": ownNoteText("hobb", { prerequisites: ["no-such-note"] }) }), "up.zip");
    expect(upload.ok).toBe(true);
    if (!upload.ok) return;
    const result = await importOwnNoteFiles(user.id, upload.files, new Date());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const typeLine = broken.split("\n").findIndex((l) => l.includes("type: lottery")) + 1;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "notes/broken.md", line: typeLine }),
        expect.objectContaining({ file: "missing-prereq.md", message: contains("no-such-note") }),
      ]),
    );
    expect(result.errors.some((e) => e.file === "good.md")).toBe(false);
    expect(await ownCount(user.id)).toBe(0);
  });

  it("refuses path traversal names, files that are not notes, and a prerequisite cycle inside the upload", async () => {
    for (const name of ["../evil.md", "/etc/evil.md", "a/../../evil.md", "c:/evil.md", "a\\evil.md"]) {
      const upload = readUpload(zipOf({ [name]: ownNoteText("pathy") }), "up.zip");
      expect(upload, name).toMatchObject({ ok: false, errors: [{ file: name, message: contains("outside") }] });
    }
    expect(readUpload(zipOf({ "script.js": "alert(1)" }), "up.zip")).toMatchObject({ ok: false, errors: [{ file: "script.js" }] });
    expect(readUpload(bytes("x"), "Notes About X.md")).toMatchObject({ ok: false, errors: [{ message: contains("slug") }] });
    expect(readUpload(new Uint8Array([0xff, 0xfe, 0x00]), "bad.md")).toMatchObject({ ok: false, errors: [{ message: contains("UTF-8") }] });
    // Folders, macOS metadata and dotfiles are not notes: skipped, not refused.
    expect(readUpload(zipOf({ "notes/": "", "__MACOSX/._a.md": "x", ".DS_Store": "x", "notes/a.md": ownNoteText("skippy") }), "up.zip")).toMatchObject({ ok: true, files: [{ name: "notes/a.md" }] });

    const user = await newUser();
    const upload = readUpload(zipOf({ "loop-a.md": ownNoteText("loopa", { prerequisites: ["loop-b"] }), "loop-b.md": ownNoteText("loopb", { prerequisites: ["loop-a"] }) }), "up.zip");
    if (!upload.ok) throw new Error("expected a readable upload");
    const result = await importOwnNoteFiles(user.id, upload.files, new Date());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.some((e) => e.message.includes("wait for each other"))).toBe(true);
    expect(await ownCount(user.id)).toBe(0);
  });

  it("refuses a zip bomb, a huge entry count and an upload over the account's room", async () => {
    // 50 MB of zeros deflates to ~50 KB: refused at one note's size, never inflated whole.
    const bomb = writeZip([{ name: "bomb.md", data: new Uint8Array(50 * 1024 * 1024) }], new Date());
    expect(bomb.length).toBeLessThan(IMPORT_LIMITS.maxUploadBytes);
    expect(readUpload(bomb, "bomb.zip")).toMatchObject({ ok: false, errors: [{ file: "bomb.md", message: contains("larger than 200 KB") }] });

    const many = writeZip(Array.from({ length: IMPORT_LIMITS.maxZipEntries + 1 }, (_, i) => ({ name: `n-${i}.md`, data: bytes("x") })), new Date());
    expect(readUpload(many, "many.zip")).toMatchObject({ ok: false, errors: [{ message: contains(`at most ${IMPORT_LIMITS.maxZipEntries}`) }] });

    const user = await newUser();
    await fillNoteRoom(user.id, OWN_NOTE_LIMITS.maxNotes - 1, `my-importroom-${user.id}`);
    const upload = readUpload(zipOf({ "one.md": ownNoteText("roomya"), "two.md": ownNoteText("roomyb") }), "up.zip");
    if (!upload.ok) throw new Error("expected a readable upload");
    const result = await importOwnNoteFiles(user.id, upload.files, new Date());
    expect(result).toMatchObject({ ok: false, errors: [{ message: contains("room for 1 more") }] });
    expect(await db.paper.count({ where: { ownerId: user.id, status: "valid" } })).toBe(0);
  });
});
