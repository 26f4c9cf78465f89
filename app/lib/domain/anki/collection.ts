/**
 * An Anki package (`.apkg`) of notes, cards and review history, and the review history read
 * back from one. The package is a ZIP holding `collection.anki2`, an SQLite database in Anki's
 * legacy schema 11 (the one `genanki` and Anki's "support older versions" exports write, which
 * Anki desktop 2.1 to 25.x imports: it upgrades the file to its current schema on import), and
 * `media`, the JSON map of media files (`{}`: cards carry no images).
 *
 * Field mappings (ours → Anki), also in docs/engineering.md:
 *
 * `col` (one row): `crt` = the start of the study day (user's time zone, `dayStartHour`) of the
 *   earliest review or due date, so every day number below is ≥ 0; `ver` 11; `conf` has
 *   `schedVer` 2, `rollover` = dayStartHour and `creationOffset` = the zone's offset at `crt`
 *   (minutes west), so Anki counts days as we do; `models`, `decks`, `dconf` as JSON maps.
 * models: "PaperDeck Basic" (Front, Back), "PaperDeck Basic (and reversed card)" (two templates),
 *   "PaperDeck Cloze" (Text, Back Extra; `{{cloze:Text}}`), with fixed ids so a second import
 *   reuses them. Named apart from Anki's stock types so an import never merges into those.
 * decks: "PaperDeck" and one "PaperDeck::<note title>" per note, all with the "PaperDeck"
 *   options preset (id fixed): the user's desired retention, steps, limits, maximum interval
 *   and fitted FSRS-6 parameters; and Anki's "Default" deck and preset (id 1), which Anki expects.
 * notes: `guid` = `ankiGuid(<slug>/<card id>)` (how an import finds our card again); `flds` the
 *   two HTML fields joined by U+001F; `tags` space-separated with a space on each side; `sfld`
 *   and `csum` (first 8 hex digits of the SHA-1 of the first field without HTML) as Anki computes them.
 * cards, from the user's CardState (none: a new card):
 *   - `type` = our state code (0 new, 1 learning, 2 review, 3 relearning: the same numbering);
 *   - `queue`: 0 new; 2 review; (re)learning: 1 with `due` in epoch seconds, or 3 ("day
 *     learning", `due` a day number) when due on a later study day;
 *   - `due`: new: position in the package (1, 2, …); review: the due study day, counted in days
 *     from `crt`'s day;
 *   - `ivl` = scheduledDays (at least 1 for review and relearning cards), 0 while learning;
 *   - `factor` 2500 (Anki's starting ease: the SM-2 ease Anki keeps beside FSRS) once out of
 *     new, 0 for new cards; `reps`, `lapses` as ours; `left` = (re)learning steps still to go;
 *   - `data` = `{"s": stability, "d": difficulty, "dr": desired retention, "lrt": last review
 *     (epoch s)}`: the FSRS memory state Anki 23.10+ reads;
 *   - controls as Anki keeps them: suspended → `queue` -1, buried (until a later study day) →
 *     `queue` -3 (Anki's "manually buried"; -2 is its scheduler's sibling burying), `type` kept;
 *     our flag → `flags` (the same numbers: 1 red, 2 orange, 3 green, 4 blue); a leech card →
 *     its note tagged `leech`, as Anki's leech action does.
 * revlog, one row per ReviewLog (oldest first): `id` = reviewedAt in ms (one ms later when
 *   another row already has that ms: ids are unique), `cid`, `usn` -1, `ease` = rating 1-4,
 *   `type` from the state before (new or learning → 0, review → 1, relearning → 2), `ivl` and
 *   `lastIvl` = the interval after and before the answer (days, or negative seconds while in
 *   (re)learning steps, as Anki logs them), `factor` = FSRS difficulty after the answer as Anki
 *   logs it with FSRS on ((D − 1) / 9 + 0.1) × 1000, `time` = durationMs. A card that was reset
 *   ("forget") before an answer gets Anki's reset row first (type 4, ease 0, factor 0).
 *
 * Read back (`readApkgReviews`): rows of a card are replayed oldest first; the first answer (or
 * the first after a reset row) had state "new", later ones the state their `type` names
 * (0 → learning, 1 → review, 2 → relearning, 3 (filtered) → review). Rows without an answer
 * (`ease` 0: resets, "set due date") and cramming rows (type 3 with factor 0, which Anki does
 * not schedule from) are skipped.
 */
import { createHash } from "node:crypto";
import type { Database, SqlJsStatic } from "sql.js";
import { daysBetween, startOfDay, studyDayOf, type StudyDay } from "../scheduling/study-day";
import type { AnkiNoteKind } from "./notes";
import { ANKI_PARENT_DECK } from "./notes";
import { readZip, writeZip, ZipFormatError } from "./zip";

/** Columns of a `cards` row (its INSERT's order) that the controls set. */
const CARD_QUEUE = 7;
const CARD_FLAGS = 16;
/** Anki's queues for a suspended card and a card buried by hand. */
export const QUEUE_SUSPENDED = -1;
export const QUEUE_USER_BURIED = -3;
/** The tag Anki gives a leech's note. */
export const LEECH_TAG = "leech";

export class ApkgFormatError extends Error {
  override name = "ApkgFormatError";
}

export interface ApkgNote {
  guid: string;
  kind: AnkiNoteKind;
  /** The two fields, as Anki HTML (see fields.ts). */
  fields: [string, string];
  tags: string[];
  /** Our card behind each Anki card of the note, by template ordinal. */
  cards: { ord: number; cardId: string }[];
}

export interface ApkgDeck {
  /** Full deck name, `PaperDeck::<title>`. */
  name: string;
  /** Deck description (HTML). */
  description: string;
  notes: ApkgNote[];
}

/** A CardState row's fields (state as its code). */
export interface ApkgCardState {
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
  /** Card controls (absent: none). */
  suspended?: boolean;
  buriedUntil?: Date | null;
  flag?: number;
  leech?: boolean;
}

/** A ReviewLog row's fields: the card's state before the answer, and the answer. */
export interface ApkgLog {
  rating: number;
  state: number;
  due: Date;
  difficulty: number;
  scheduledDays: number;
  reviewedAt: Date;
  durationMs: number;
}

export interface ApkgPreset {
  desiredRetention: number;
  /** Steps in minutes. */
  learningSteps: number[];
  relearningSteps: number[];
  maximumInterval: number;
  newPerDay: number;
  reviewsPerDay: number;
  /** Fitted FSRS-6 weights (21 numbers), or [] for Anki's defaults. */
  parameters: number[];
}

export interface ApkgInput {
  now: Date;
  timeZone: string;
  dayStartHour: number;
  preset: ApkgPreset;
  decks: ApkgDeck[];
  /** The user's states, by our card id (a card without one is new). */
  states: ReadonlyMap<string, ApkgCardState>;
  /** The user's logs, by our card id, oldest first. */
  logs: ReadonlyMap<string, readonly ApkgLog[]>;
}

export const COLLECTION_FILE = "collection.anki2";

export const MODEL_IDS: Record<AnkiNoteKind, number> = {
  basic: 1_733_000_000_101,
  reversed: 1_733_000_000_102,
  cloze: 1_733_000_000_103,
};
const PRESET_ID = 1_733_000_000_201;
const PARENT_DECK_ID = 1_733_000_001_000;
const DEFAULT_ID = 1;

const DAY_MS = 86_400_000;
const NEW = 0;
const LEARNING = 1;
const REVIEW = 2;
const RELEARNING = 3;

/** Anki's schema 11 (rslib/src/storage/schema11.sql), without the `col` row. */
const SCHEMA = `
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
  dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
  tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
  flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
  lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

const CSS = `.card {
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 20px;
  line-height: 1.5;
  text-align: left;
  max-width: 40em;
  margin: 0 auto;
  color: black;
  background-color: white;
}
.nightMode.card, .night_mode .card { color: #e2e8f0; background-color: #0f172a; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.9em; }
sup { font-size: 0.6em; color: #64748b; }
`;
const CLOZE_CSS = `${CSS}.cloze { font-weight: bold; color: #4f46e5; }
.nightMode .cloze, .night_mode .cloze { color: #a5b4fc; }
`;

const LATEX_PRE =
  "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n";
const LATEX_POST = "\\end{document}";

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: "Arial", size: 20, description: "", plainText: false, collapsed: false, excludeFromSearch: false, media: [] };
}

function template(name: string, ord: number, qfmt: string, afmt: string) {
  return { name, ord, qfmt, afmt, bqfmt: "", bafmt: "", did: null, bfont: "", bsize: 0 };
}

const ANSWER_RULE = "{{FrontSide}}\n\n<hr id=answer>\n\n";

/** The three note types, as schema 11 stores them (every key Anki's NotetypeSchema11 requires). */
function models(mod: number, deckId: number) {
  const common = { mod, usn: -1, sortf: 0, did: deckId, tags: [], vers: [], latexPre: LATEX_PRE, latexPost: LATEX_POST, latexsvg: false };
  return {
    [MODEL_IDS.basic]: {
      ...common,
      id: MODEL_IDS.basic,
      name: "PaperDeck Basic",
      type: 0,
      css: CSS,
      flds: [field("Front", 0), field("Back", 1)],
      tmpls: [template("Card 1", 0, "{{Front}}", `${ANSWER_RULE}{{Back}}`)],
      req: [[0, "any", [0]]],
    },
    [MODEL_IDS.reversed]: {
      ...common,
      id: MODEL_IDS.reversed,
      name: "PaperDeck Basic (and reversed card)",
      type: 0,
      css: CSS,
      flds: [field("Front", 0), field("Back", 1)],
      tmpls: [template("Card 1", 0, "{{Front}}", `${ANSWER_RULE}{{Back}}`), template("Card 2", 1, "{{Back}}", `${ANSWER_RULE}{{Front}}`)],
      req: [
        [0, "any", [0]],
        [1, "any", [1]],
      ],
    },
    [MODEL_IDS.cloze]: {
      ...common,
      id: MODEL_IDS.cloze,
      name: "PaperDeck Cloze",
      type: 1,
      css: CLOZE_CSS,
      flds: [field("Text", 0), field("Back Extra", 1)],
      tmpls: [template("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")],
      req: [[0, "any", [0]]],
    },
  };
}

/** A deck as schema 11 stores it (every key Anki's NormalDeckSchema11 requires). */
function deck(id: number, name: string, description: string, conf: number, mod: number) {
  const today = [0, 0];
  return {
    id,
    mod,
    name,
    usn: -1,
    lrnToday: today,
    revToday: today,
    newToday: today,
    timeToday: today,
    collapsed: false,
    browserCollapsed: false,
    desc: description,
    dyn: 0,
    conf,
    extendNew: 0,
    extendRev: 0,
  };
}

/** An options preset as schema 11 stores it (every key Anki's DeckConfSchema11 requires). */
function preset(id: number, name: string, p: ApkgPreset, mod: number) {
  return {
    id,
    mod,
    name,
    usn: -1,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: p.learningSteps, initialFactor: 2500, ints: [1, 4, 0], order: 1, perDay: p.newPerDay },
    rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: p.maximumInterval, perDay: p.reviewsPerDay, hardFactor: 1.2 },
    lapse: { delays: p.relearningSteps, leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
    desiredRetention: p.desiredRetention,
    fsrsParams6: p.parameters,
  };
}

const ANKI_DEFAULT_PRESET: ApkgPreset = {
  desiredRetention: 0.9,
  learningSteps: [1, 10],
  relearningSteps: [10],
  maximumInterval: 36500,
  newPerDay: 20,
  reviewsPerDay: 200,
  parameters: [],
};

/** Text of an HTML field as Anki sorts and checksums it (tags dropped, common entities read). */
export function fieldText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_all, ref: string) => {
      const lower = ref.toLowerCase();
      if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10));
      return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " }[lower] ?? "";
    })
    .trim();
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the first field's text. */
export function fieldChecksum(html: string): number {
  return parseInt(createHash("sha1").update(fieldText(html)).digest("hex").slice(0, 8), 16);
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * The interval Anki logs for a card state: whole days for a review card, negative seconds from
 * `at` to the due time for a card in (re)learning steps (days again from a day away), 0 for new.
 */
function loggedInterval(state: { state: number; due: Date; scheduledDays: number }, at: Date): number {
  if (state.state === REVIEW) return Math.max(1, state.scheduledDays);
  if (state.state === LEARNING || state.state === RELEARNING) {
    const secs = Math.max(1, Math.round((state.due.getTime() - at.getTime()) / 1000));
    return secs < 86_400 ? -secs : Math.round(secs / 86_400);
  }
  return 0;
}

/** FSRS difficulty (1..10) as Anki's revlog `factor` with FSRS on: ((D − 1) / 9 + 0.1) × 1000. */
function difficultyFactor(difficulty: number): number {
  return difficulty >= 1 ? Math.round(((difficulty - 1) / 9 + 0.1) * 1000) : 0;
}

const REVLOG_TYPE = [0, 0, 1, 2] as const;

/**
 * Runs `work` on each item in order. The server passes one that lets the event loop through
 * between time slices (sql.js takes ~20 µs a row: 100,000 reviews would hold the process ~2 s).
 */
export type EachItem = <T>(items: readonly T[], work: (item: T, index: number) => void) => Promise<void>;

const allAtOnce: EachItem = (items, work) => {
  items.forEach(work);
  return Promise.resolve();
};

/** Builds the `.apkg` bytes. `SQL` is an initialised sql.js. */
export async function buildApkg(SQL: SqlJsStatic, input: ApkgInput, each: EachItem = allAtOnce): Promise<Uint8Array<ArrayBuffer>> {
  const { now, timeZone, dayStartHour } = input;
  let earliest = now.getTime();
  for (const logs of input.logs.values()) for (const log of logs) earliest = Math.min(earliest, log.reviewedAt.getTime());
  for (const state of input.states.values()) if (state.state !== NEW) earliest = Math.min(earliest, state.due.getTime());
  const crtDay: StudyDay = studyDayOf(new Date(earliest), timeZone, dayStartHour);
  const crt = startOfDay(crtDay, timeZone, dayStartHour);
  const dayNumber = (at: Date) => daysBetween(crtDay, studyDayOf(at, timeZone, dayStartHour));
  const today = dayNumber(now);
  // Minutes west of UTC at crt (Anki's creationOffset): the wall clock there reads dayStartHour:00.
  const creationOffset = Math.round((crt.getTime() - (Date.parse(`${crtDay}T00:00:00Z`) + dayStartHour * 3_600_000)) / 60_000);
  const modSecs = seconds(now);

  const db = new SQL.Database();
  try {
    db.exec(SCHEMA);
    // One transaction: row by row in autocommit, 19,000 reviews took ~1.3 s instead of ~0.1 s.
    db.exec("BEGIN");
    const noteCount = input.decks.reduce((n, d) => n + d.notes.length, 0);
    const cardCount = input.decks.reduce((n, d) => n + d.notes.reduce((m, note) => m + note.cards.length, 0), 0);
    // Ids are creation times in ms, in the past (Anki refuses ids later than tomorrow).
    let nextNoteId = now.getTime() - DAY_MS - noteCount;
    let nextCardId = now.getTime() - DAY_MS - cardCount;
    let position = 0;

    const decks: Record<string, unknown> = {
      [DEFAULT_ID]: deck(DEFAULT_ID, "Default", "", DEFAULT_ID, modSecs),
      [PARENT_DECK_ID]: deck(PARENT_DECK_ID, ANKI_PARENT_DECK, "Cards from PaperDeck notes.", PRESET_ID, modSecs),
    };
    const insertNote = db.prepare("INSERT INTO notes VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    const insertCard = db.prepare("INSERT INTO cards VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    const revlog: { id: number; row: (number | string)[] }[] = [];
    try {
      input.decks.forEach((d, i) => {
        const deckId = PARENT_DECK_ID + 1 + i;
        decks[deckId] = deck(deckId, d.name, d.description, PRESET_ID, modSecs);
      });
      const notes = input.decks.flatMap((d, i) => d.notes.map((note) => ({ note, deckId: PARENT_DECK_ID + 1 + i })));
      await each(notes, ({ note, deckId }) => {
        const noteId = nextNoteId++;
        insertNote.run([
          noteId,
          note.guid,
          MODEL_IDS[note.kind],
          modSecs,
          -1,
          noteTags(note).length ? ` ${noteTags(note).join(" ")} ` : "",
          note.fields.join("\u001f"),
          fieldText(note.fields[0]),
          fieldChecksum(note.fields[0]),
          0,
          "",
        ]);
        for (const { ord, cardId } of note.cards) {
          const ankiCardId = nextCardId++;
          const state = input.states.get(cardId);
          insertCard.run(cardRow(ankiCardId, noteId, deckId, ord, state, ++position));
          revlog.push(...revlogRows(ankiCardId, input.logs.get(cardId) ?? [], state));
        }
      });
    } finally {
      insertNote.free();
      insertCard.free();
    }

    // Unique ids, in time order (a card's rows keep their order).
    revlog.sort((a, b) => a.id - b.id);
    const insertReview = db.prepare("INSERT INTO revlog VALUES (?,?,?,?,?,?,?,?,?)");
    try {
      let last = -Infinity;
      await each(revlog, ({ id, row }) => {
        last = Math.max(id, last + 1);
        insertReview.run([last, ...row]);
      });
    } finally {
      insertReview.free();
    }

    const conf = {
      activeDecks: [DEFAULT_ID],
      curDeck: DEFAULT_ID,
      newSpread: 0,
      collapseTime: 1200,
      timeLim: 0,
      estTimes: true,
      dueCounts: true,
      curModel: MODEL_IDS.basic,
      nextPos: position + 1,
      sortType: "noteFld",
      sortBackwards: false,
      addToCur: true,
      schedVer: 2,
      rollover: dayStartHour,
      creationOffset,
    };
    const dconf = {
      [DEFAULT_ID]: preset(DEFAULT_ID, "Default", ANKI_DEFAULT_PRESET, 0),
      [PRESET_ID]: preset(PRESET_ID, "PaperDeck", input.preset, modSecs),
    };
    db.run("INSERT INTO col VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", [
      1,
      seconds(crt),
      now.getTime(),
      now.getTime(),
      11,
      0,
      0,
      0,
      JSON.stringify(conf),
      JSON.stringify(models(modSecs, PARENT_DECK_ID)),
      JSON.stringify(decks),
      JSON.stringify(dconf),
      "{}",
    ]);
    db.exec("COMMIT");
    const collection = db.export();
    return writeZip(
      [
        { name: COLLECTION_FILE, data: collection },
        { name: "media", data: Buffer.from("{}") },
      ],
      now,
    );
  } finally {
    db.close();
  }

  /** The note's tags, and Anki's `leech` when one of its cards is a leech. */
  function noteTags(note: ApkgNote): string[] {
    const leech = note.cards.some(({ cardId }) => input.states.get(cardId)?.leech);
    return leech && !note.tags.includes(LEECH_TAG) ? [...note.tags, LEECH_TAG] : note.tags;
  }

  /** The card's row with its controls: the queue of a suspended or buried card, its flag. */
  function cardRow(id: number, noteId: number, deckId: number, ord: number, state: ApkgCardState | undefined, pos: number): (number | string)[] {
    const row = scheduledCardRow(id, noteId, deckId, ord, state, pos);
    if (!state) return row;
    if (state.suspended) row[CARD_QUEUE] = QUEUE_SUSPENDED;
    else if (state.buriedUntil && state.buriedUntil.getTime() > input.now.getTime()) row[CARD_QUEUE] = QUEUE_USER_BURIED;
    if (state.flag) row[CARD_FLAGS] = state.flag & 0b111;
    return row;
  }

  function scheduledCardRow(id: number, noteId: number, deckId: number, ord: number, state: ApkgCardState | undefined, pos: number): (number | string)[] {
    const common = [id, noteId, deckId, ord, modSecs, -1];
    const tail = (left: number, data: string) => [left, 0, 0, 0, data];
    if (!state || state.state === NEW) return [...common, 0, 0, pos, 0, 0, state?.reps ?? 0, state?.lapses ?? 0, ...tail(0, "{}")];
    const memory: Record<string, number> = {};
    if (state.stability > 0 && state.difficulty > 0) {
      memory.s = round(state.stability, 4);
      memory.d = round(state.difficulty, 3);
      memory.dr = round(input.preset.desiredRetention, 2);
      if (state.lastReview) memory.lrt = seconds(state.lastReview);
    }
    const data = JSON.stringify(memory);
    if (state.state === REVIEW) {
      return [...common, REVIEW, 2, dayNumber(state.due), Math.max(1, state.scheduledDays), 2500, state.reps, state.lapses, ...tail(0, data)];
    }
    const steps = state.state === LEARNING ? input.preset.learningSteps.length : input.preset.relearningSteps.length;
    const left = Math.max(1, steps - state.learningSteps);
    const dueDay = dayNumber(state.due);
    const [queue, due] = dueDay > today ? [3, dueDay] : [1, seconds(state.due)];
    const ivl = state.state === RELEARNING ? Math.max(1, state.scheduledDays) : 0;
    return [...common, state.state, queue, due, ivl, 2500, state.reps, state.lapses, ...tail(left, data)];
  }
}

/** A card's revlog rows (without their final unique id), oldest first. */
function revlogRows(cid: number, logs: readonly ApkgLog[], current: ApkgCardState | undefined): { id: number; row: number[] }[] {
  const rows: { id: number; row: number[] }[] = [];
  let lastIvl = 0;
  logs.forEach((log, i) => {
    const at = log.reviewedAt;
    if (log.state === NEW && i > 0) {
      // Reset ("forget") before this answer: Anki's reset row (type 4 manual, ease 0, factor 0).
      rows.push({ id: at.getTime() - 1, row: [cid, -1, 0, 0, lastIvl, 0, 0, 4] });
      lastIvl = 0;
    }
    const after = logs[i + 1] ?? current;
    const ivl = after ? loggedInterval(after, at) : 0;
    const factor = difficultyFactor(after?.difficulty ?? 0);
    rows.push({ id: at.getTime(), row: [cid, -1, log.rating, ivl, lastIvl, factor, Math.max(0, Math.round(log.durationMs)), REVLOG_TYPE[log.state] ?? 1] });
    lastIvl = ivl;
  });
  return rows;
}

/** One answer read from a package: what the optimizer CSV holds (see review-csv.ts). */
export interface ApkgReview {
  /** Our card. */
  cardId: string;
  reviewTime: number;
  rating: number;
  /** State before the answer (0 new, 1 learning, 2 review, 3 relearning). */
  state: number;
  durationMs: number;
}

export interface ApkgReviews {
  reviews: ApkgReview[];
  notes: { matched: number; unmatched: number };
  cards: { matched: number; unmatched: number };
  /** Rows that are not answers (resets, "set due date", cramming). */
  skippedRows: number;
}

/** Which package file holds the collection, as Anki decides it (rslib import_export/package/meta.rs). */
function collectionFile(names: readonly string[], meta: Uint8Array | null): string {
  // `meta` is a protobuf message whose field 1 is the version: 1 legacy (.anki2), 2 legacy (.anki21), 3 latest (.anki21b).
  const version = meta && meta.length >= 2 && meta[0] === 0x08 ? meta[1] : null;
  if (version === 3 || (version === null && meta !== null)) {
    throw new ApkgFormatError(
      "This package is in the format of Anki 2.1.50 and later, which cannot be read here. In Anki's export window, tick \"Support older Anki versions\" and export again.",
    );
  }
  if (version === 2 || (version === null && names.includes("collection.anki21"))) return "collection.anki21";
  return COLLECTION_FILE;
}

/**
 * The review history of a package's cards that `cardFor(guid, ord)` names (our card id, or
 * null for a card that is not ours), with counts of the notes and cards matched and not.
 * Throws ApkgFormatError when the file is not a package this can read.
 */
export function readApkgReviews(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  cardFor: (guid: string, ord: number) => string | null,
  limits: { maxCollectionBytes: number },
): ApkgReviews {
  let collection: Uint8Array | null;
  try {
    const zip = readZip(bytes);
    const file = collectionFile(zip.names, zip.read("meta", 1024));
    collection = zip.read(file, limits.maxCollectionBytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new ApkgFormatError(`This is not an Anki package (.apkg): ${error.message}.`);
    throw error;
  }
  if (!collection) throw new ApkgFormatError("This is not an Anki package (.apkg): it holds no Anki collection.");
  if (Buffer.from(collection.subarray(0, 16)).toString("latin1") !== "SQLite format 3\u0000") {
    throw new ApkgFormatError("This is not an Anki package (.apkg): its collection is not an SQLite database.");
  }
  let db: Database;
  try {
    db = new SQL.Database(collection);
  } catch {
    throw new ApkgFormatError("This is not an Anki package (.apkg): its collection could not be opened.");
  }
  try {
    return readReviews(db, cardFor);
  } catch (error) {
    if (error instanceof ApkgFormatError) throw error;
    throw new ApkgFormatError(`This Anki package could not be read: ${error instanceof Error ? error.message : String(error)}.`);
  } finally {
    db.close();
  }
}

function readReviews(db: Database, cardFor: (guid: string, ord: number) => string | null): ApkgReviews {
  const notes = { matched: 0, unmatched: 0 };
  const cards = { matched: 0, unmatched: 0 };
  const guids = new Map<number, string>();
  const noteStatement = db.prepare("SELECT id, guid FROM notes");
  try {
    while (noteStatement.step()) {
      const [id, guid] = noteStatement.get();
      guids.set(Number(id), String(guid));
    }
  } finally {
    noteStatement.free();
  }
  const matchedNotes = new Set<number>();
  const ours = new Map<number, string>();
  const cardStatement = db.prepare("SELECT id, nid, ord FROM cards");
  try {
    while (cardStatement.step()) {
      const [id, nid, ord] = cardStatement.get().map(Number) as [number, number, number];
      const guid = guids.get(nid);
      const cardId = guid === undefined ? null : cardFor(guid, ord);
      if (cardId === null) cards.unmatched += 1;
      else {
        cards.matched += 1;
        ours.set(id, cardId);
        matchedNotes.add(nid);
      }
    }
  } finally {
    cardStatement.free();
  }
  notes.matched = matchedNotes.size;
  notes.unmatched = guids.size - matchedNotes.size;

  const reviews: ApkgReview[] = [];
  let skippedRows = 0;
  let currentCid = NaN;
  let answered = false;
  const revlogStatement = db.prepare("SELECT id, cid, ease, type, factor, time FROM revlog ORDER BY cid, id");
  try {
    while (revlogStatement.step()) {
      const [id, cid, ease, type, factor, time] = revlogStatement.get().map(Number) as [number, number, number, number, number, number];
      const cardId = ours.get(cid);
      if (cardId === undefined) continue;
      if (cid !== currentCid) {
        currentCid = cid;
        answered = false;
      }
      if (ease < 1 || ease > 4 || (type === 3 && factor === 0)) {
        // Not an answer. A reset row (manual, factor 0) makes the next answer a new card's.
        if (type === 4 && factor === 0) answered = false;
        skippedRows += 1;
        continue;
      }
      const state = !answered ? NEW : type === 0 ? LEARNING : type === 2 ? RELEARNING : REVIEW;
      answered = true;
      reviews.push({ cardId, reviewTime: id, rating: ease, state, durationMs: Math.max(0, time) });
    }
  } finally {
    revlogStatement.free();
  }
  return { reviews, notes, cards, skippedRows };
}
