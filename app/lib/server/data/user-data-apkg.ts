import "#server-only";
import { Prisma } from "@/app/generated/prisma/client";
import { ApkgFormatError, buildApkg, readApkgReviews, type ApkgCardState, type ApkgDeck, type ApkgLog } from "@/app/lib/domain/anki/collection";
import { ankiHtml, type AnkiHtmlOptions } from "@/app/lib/domain/anki/fields";
import { ankiDeckName, ankiTags, planNotes } from "@/app/lib/domain/anki/notes";
import { stepToMinutes } from "@/app/lib/domain/scheduling";
import { CSV_COLUMNS, csvRowSchema } from "@/app/lib/schemas/review";
import { sqlJs } from "../anki/sql-js";
import { db, rawRows } from "../db";
import { BadRequestError } from "../errors";
import { importReviewLogCsv } from "./review-csv";
import { getUserSettings, schedulerSettingsOf } from "./settings";
import { forEachSliced } from "../time-slices";
import { ankiFields, notesForAnki } from "./user-data-anki";
import { visiblePapers } from "./visibility";

/**
 * The `.apkg` package of the chosen notes with the user's card states and review history, and
 * the import of a package's history for the cards that exist here. The format and every field
 * mapping are described in app/lib/domain/anki/collection.ts and docs/engineering.md.
 */

/** A package is at most this large once its collection is unzipped. */
const MAX_COLLECTION_BYTES = 256 * 1024 * 1024;

/** The package of `slugs` for the user (library order; a slug that names no live note is skipped). */
export async function exportApkg(userId: string, slugs: readonly string[], now: Date, options: AnkiHtmlOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const papers = await notesForAnki(slugs, userId);
  const cardIds = papers.flatMap((p) => p.cards.map((c) => c.id));
  const [settingsRow, states, logs, SQL] = await Promise.all([getUserSettings(userId), readStates(userId, cardIds), readLogs(userId, cardIds), sqlJs()]);
  const settings = schedulerSettingsOf(settingsRow);
  const minutes = (steps: readonly string[]) => steps.map(stepToMinutes);
  const decks: ApkgDeck[] = papers.map((paper) => {
    const link = options.origin ? ` <a href="${new URL(`/papers/${encodeURIComponent(paper.slug)}`, options.origin).toString()}">Read the note</a>` : "";
    return { name: ankiDeckName(paper.title), description: `Cards of the PaperDeck note “${ankiHtml(paper.title)}”.${link}`, notes: [] };
  });
  // Rendering the fields is the CPU of an export (~1.5 ms a field): in time slices.
  const planned = papers.flatMap((paper, i) => planNotes(paper.slug, paper.cards).map((note) => ({ note, deck: decks[i]!, tags: ankiTags(paper) })));
  await forEachSliced(planned, ({ note, deck, tags }) => {
    deck.notes.push({ guid: note.guid, kind: note.kind, fields: ankiFields(note, options), tags, cards: note.cards });
  });
  return buildApkg(SQL, {
    now,
    timeZone: settingsRow.timeZone,
    dayStartHour: settingsRow.dayStartHour,
    preset: {
      desiredRetention: settings.desiredRetention,
      learningSteps: minutes(settings.learningSteps),
      relearningSteps: minutes(settings.relearningSteps),
      maximumInterval: settings.maximumInterval,
      newPerDay: settingsRow.newPerDay,
      reviewsPerDay: settingsRow.reviewsPerDay,
      parameters: [...(settings.parameters ?? [])],
    },
    decks,
    states,
    logs,
  }, forEachSliced);
}

async function readStates(userId: string, cardIds: readonly string[]): Promise<Map<string, ApkgCardState>> {
  const rows = await db.cardState.findMany({
    where: { userId, cardId: { in: [...cardIds] } },
    select: {
      cardId: true, state: true, due: true, stability: true, difficulty: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, lastReview: true,
      suspended: true, buriedUntil: true, flag: true, leech: true,
    },
  });
  return new Map(rows.map(({ cardId, ...state }) => [cardId, state]));
}

/** The user's logs of `cardIds`, by card, oldest first (plain pg: a long log through Prisma costs ~10× the CPU). */
async function readLogs(userId: string, cardIds: readonly string[]): Promise<Map<string, ApkgLog[]>> {
  if (cardIds.length === 0) return new Map();
  const rows = await rawRows<ApkgLog & { cardId: string }>(Prisma.sql`
    SELECT "cardId", rating, state, due, difficulty, "scheduledDays", "reviewedAt", "durationMs" FROM "ReviewLog"
     WHERE "userId" = ${userId} AND "cardId" = ANY(${[...cardIds]}::text[])
     ORDER BY "cardId", "reviewedAt", "createdAt"`);
  const byCard = new Map<string, ApkgLog[]>();
  for (const { cardId, ...log } of rows) {
    const list = byCard.get(cardId);
    if (list) list.push(log);
    else byCard.set(cardId, [log]);
  }
  return byCard;
}

export interface ApkgImportResult {
  /** Anki notes whose guid names one of our cards, and the others (skipped). */
  notes: { matched: number; unmatched: number };
  cards: { matched: number; unmatched: number };
  reviews: {
    added: number;
    /** Answers already in the log (same card and time): importing twice adds nothing. */
    alreadyThere: number;
    /** Rows that are not answers (resets, "set due date", cramming) or out of range. */
    skipped: number;
  };
  /** Cards whose state was recomputed from their history. */
  rescheduled: number;
}

/**
 * Adds the review history of an `.apkg` (exported here, or from Anki) to the user's log, for
 * the notes of the package that are ours: an Anki note is matched by its guid, which our
 * export derives from the card key (`ankiGuid`), and an Anki card by its template ordinal.
 * Other notes are skipped and counted. The answers go through the optimizer CSV import
 * (`importReviewLogCsv`): deduplicated by card and time, the touched cards' states replayed
 * from their whole history, all in one transaction. A file that is not a readable package is
 * a BadRequestError.
 */
export async function importApkg(userId: string, bytes: Uint8Array, now: Date): Promise<ApkgImportResult> {
  const [SQL, papers] = await Promise.all([
    sqlJs(),
    db.paper.findMany({
      where: { retiredAt: null, ...visiblePapers(userId) },
      select: {
        slug: true,
        cards: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { id: true, key: true, type: true, front: true, back: true } },
      },
    }),
  ]);
  const byGuid = new Map<string, Map<number, string>>();
  for (const paper of papers) {
    for (const note of planNotes(paper.slug, paper.cards)) byGuid.set(note.guid, new Map(note.cards.map((c) => [c.ord, c.cardId])));
  }
  let read;
  try {
    read = readApkgReviews(SQL, bytes, (guid, ord) => byGuid.get(guid)?.get(ord) ?? null, { maxCollectionBytes: MAX_COLLECTION_BYTES });
  } catch (error) {
    if (error instanceof ApkgFormatError) throw new BadRequestError(error.message);
    throw error;
  }
  const lines: string[] = [];
  let outOfRange = 0;
  for (const r of read.reviews) {
    const row = { card_id: r.cardId, review_time: r.reviewTime, review_rating: r.rating, review_state: r.state, review_duration: Math.min(r.durationMs, 86_400_000) };
    if (csvRowSchema.safeParse(row).success) lines.push(CSV_COLUMNS.map((c) => row[c]).join(","));
    else outOfRange += 1;
  }
  const base = { notes: read.notes, cards: read.cards };
  const skipped = read.skippedRows + outOfRange;
  if (lines.length === 0) return { ...base, reviews: { added: 0, alreadyThere: 0, skipped }, rescheduled: 0 };
  const result = await importReviewLogCsv(userId, `${CSV_COLUMNS.join(",")}\n${lines.join("\n")}\n`, now);
  if (result.errors.length > 0) throw new BadRequestError(`The package's history could not be imported: ${result.errors[0]?.message ?? "invalid rows"}.`);
  return { ...base, reviews: { added: result.added, alreadyThere: result.alreadyThere, skipped }, rescheduled: result.rescheduled };
}
