import "#server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/app/generated/prisma/client";
import { addDays, forgetCard, newCardState, startOfDay, studyDayOf } from "@/app/lib/domain/scheduling";
import { MAX_NOTE_SCOPE_CARDS, type CardControlInput } from "@/app/lib/schemas/cards";
import { db } from "../db";
import { BadRequestError, ConflictError, CorruptPreviousStateError, NotFoundError } from "../errors";
import {
  cardControlsQuery,
  cardsOfTheirNotesQuery,
  insertMissingStatesStatement,
  lockedCardControlsQuery,
  visibleCardCountQuery,
  writeControlsStatement,
  type ControlRow,
} from "../sql/card-controls";
import { storedStateOf } from "../sql/card-state";
import { lowerNewCardsBound } from "../sql/new-cards-bound";
import { rowsIn } from "../sql/typed-query";
import { previousJsonOf, stateFromPreviousJson } from "./review-rows";
import { getUserSettings } from "./settings";

type Tx = Prisma.TransactionClient;

/** A card's controls after a change, as the review page and the browser show them. */
export interface CardControls {
  cardId: string;
  /** The state's version now (an answer must name it). */
  version: number;
  suspended: boolean;
  buriedUntil: Date | null;
  flag: number;
  leech: boolean;
}

export interface CardControlResult {
  /** True when this clientId had already been applied: nothing was written this time. */
  duplicate: boolean;
  cards: CardControls[];
}

/** What a `CardAction` row keeps to undo its change exactly. */
interface PreviousControls {
  suspended: boolean;
  buriedUntil: string | null;
  flag: number;
  leech: boolean;
  state: ReturnType<typeof previousJsonOf>;
  /** The flag a "flag" action set: its undo is refused once the card carries another. */
  flagSet?: number;
}

const controlsOf = (row: Pick<ControlRow, "cardId" | "version" | "suspended" | "buriedUntil" | "flag" | "leech">): CardControls => ({
  cardId: row.cardId,
  version: row.version,
  suspended: row.suspended,
  buriedUntil: row.buriedUntil,
  flag: row.flag,
  leech: row.leech,
});

/**
 * The cards a user can see and control: live cards of live notes they can see (the corpus, and
 * their own notes: another user's note is as absent as a made-up id). A user's state is theirs
 * alone, so the scoping of the writes is the `userId` of every state written. Throws 404
 * naming none of them when one is missing.
 */
async function assertVisible(tx: Tx, userId: string, cardIds: string[]): Promise<void> {
  const rows = await rowsIn(tx, visibleCardCountQuery(userId, cardIds));
  if ((rows[0]?.n ?? 0) !== cardIds.length) throw new NotFoundError("This card does not exist.");
}

/**
 * Every live card of the notes of `cardIds` (already checked visible), for a note-scoped
 * control: Anki's "bury note" and "suspend note" take the note's new cards too.
 */
async function cardsOfTheirNotes(tx: Tx, userId: string, cardIds: string[]): Promise<string[]> {
  const rows = await rowsIn(tx, cardsOfTheirNotesQuery(userId, cardIds));
  if (rows.length > MAX_NOTE_SCOPE_CARDS) throw new BadRequestError(`At most ${MAX_NOTE_SCOPE_CARDS} cards at once: choose fewer notes.`);
  return rows.map((r) => r.id);
}

/** The start of the user's next study day (time zone and day-start hour): when a bury ends. */
async function nextStudyDayStart(userId: string, now: Date): Promise<Date> {
  const settings = await getUserSettings(userId);
  const today = studyDayOf(now, settings.timeZone, settings.dayStartHour);
  return startOfDay(addDays(today, 1), settings.timeZone, settings.dayStartHour);
}

/**
 * Applies one card control to the user's own state of each card (or, with scope "note", of every
 * card of their notes, undone together as one change): suspend/unsuspend, bury until
 * the user's next study day/unbury, flag, or reset to new ("forget", the review history kept).
 * All cards or none, in one transaction. Idempotent by `clientId` (a resent control is
 * acknowledged, not applied twice). A card never studied gets a new state row to hold its
 * controls. Every change but a flag moves the state's version on (an answer shown before it is
 * then refused with 409; a flag changes nothing an answer depends on).
 */
export async function applyCardControl(
  userId: string,
  input: Omit<CardControlInput, "scope"> & { scope?: CardControlInput["scope"] },
  now: Date,
): Promise<CardControlResult> {
  const buryUntil = input.action === "bury" ? await nextStudyDayStart(userId, now) : null;
  return db.$transaction(async (tx) => {
    const done = await tx.cardAction.findMany({ where: { userId, clientId: input.clientId }, select: { cardId: true } });
    if (done.length > 0) {
      const rows = await rowsIn(tx, cardControlsQuery(userId, done.map((d) => d.cardId)));
      return { duplicate: true, cards: rows.map(controlsOf) };
    }
    await assertVisible(tx, userId, input.cardIds);
    const cardIds = input.scope === "note" ? await cardsOfTheirNotes(tx, userId, input.cardIds) : input.cardIds;
    const fresh = newCardState(now);
    // A state row for each card never studied (a new card's controls live there too).
    await tx.$executeRaw(insertMissingStatesStatement(userId, cardIds, fresh.due, now));
    const locked = await rowsIn(tx, lockedCardControlsQuery(userId, cardIds));
    const cards: CardControls[] = [];
    const newAgain: string[] = [];
    for (const row of locked) {
      const before = storedStateOf(row);
      const bump = input.action === "flag" ? 0 : 1;
      const next: ControlRow = { ...row, version: row.version + bump };
      let state = before;
      switch (input.action) {
        case "suspend":
          next.suspended = true;
          break;
        case "unsuspend":
          next.suspended = false;
          break;
        case "bury":
          next.buriedUntil = buryUntil;
          break;
        case "unbury":
          next.buriedUntil = null;
          break;
        case "flag":
          next.flag = input.flag ?? 0;
          break;
        case "reset":
          state = before.state === "new" ? before : forgetCard(before, now);
          break;
      }
      if (state.state === "new" && input.action !== "suspend" && input.action !== "bury" && input.action !== "flag") {
        newAgain.push(row.cardId);
      }
      await tx.$executeRaw(writeControlsStatement(userId, row.cardId, next, state, now));
      const previous: PreviousControls = {
        suspended: row.suspended,
        buriedUntil: row.buriedUntil?.toISOString() ?? null,
        flag: row.flag,
        leech: row.leech,
        state: previousJsonOf(before),
        ...(input.action === "flag" ? { flagSet: next.flag } : {}),
      };
      await tx.cardAction.create({
        data: {
          id: randomUUID(),
          userId,
          clientId: input.clientId,
          cardId: row.cardId,
          action: input.action,
          previous: previous as unknown as Prisma.InputJsonValue,
          version: next.version,
          createdAt: now,
        },
      });
      cards.push(controlsOf(next));
    }
    await lowerNewCardsBound(tx, userId, { cardIds: newAgain });
    return { duplicate: false, cards };
  });
}

/** A `CardAction.previous` as written above; its `state` is checked by stateFromPreviousJson. */
const previousControlsSchema = z.object({
  suspended: z.boolean(),
  buriedUntil: z.iso.datetime().nullable(),
  flag: z.int(),
  leech: z.boolean(),
  state: z.unknown(),
  flagSet: z.int().optional(),
});

/** The stored JSON parsed, not cast: a row this code did not write is refused, not half-undone. */
function previousControlsOf(value: Prisma.JsonValue): PreviousControls {
  const parsed = previousControlsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptPreviousStateError(`a card action's previous is malformed (${issue?.path.join(".") || "not an object"})`);
  }
  return { ...parsed.data, state: previousJsonOf(stateFromPreviousJson(parsed.data.state)) };
}

/** Whether `clientId` names a card control of the user (else it may be an answer). */
export async function isCardControl(userId: string, clientId: string): Promise<boolean> {
  return (await db.cardAction.count({ where: { userId, clientId } })) > 0;
}

/**
 * Undoes the card control `clientId` on every card it changed: puts back what it changed
 * (the controls it set; the whole state for a reset) and forgets the action, in one
 * transaction. 404 for an unknown or already undone control; 409 when a card moved on since
 * (answered, or controlled again), as an answer's undo does.
 */
export async function undoCardControl(userId: string, clientId: string): Promise<CardControls[]> {
  return db.$transaction(async (tx) => {
    const actions = await tx.cardAction.findMany({ where: { userId, clientId }, orderBy: { cardId: "asc" } });
    if (actions.length === 0) throw new NotFoundError("There is no such change to undo.");
    const locked = await rowsIn(tx, lockedCardControlsQuery(userId, actions.map((a) => a.cardId)));
    const byCard = new Map(locked.map((row) => [row.cardId, row]));
    const cards: CardControls[] = [];
    const newAgain: string[] = [];
    for (const action of actions) {
      const row = byCard.get(action.cardId);
      const previous = previousControlsOf(action.previous);
      // A flag leaves the version as it was: it can be undone while the card still carries it.
      const movedOn = action.action === "flag" ? row?.flag !== previous.flagSet : row?.version !== action.version;
      if (!row || movedOn) throw new ConflictError("This card changed since, so that can no longer be undone.");
      const next: ControlRow = { ...row, version: row.version + (action.action === "flag" ? 0 : 1) };
      let state = storedStateOf(row);
      if (action.action === "suspend" || action.action === "unsuspend") next.suspended = previous.suspended;
      if (action.action === "bury" || action.action === "unbury") next.buriedUntil = previous.buriedUntil ? new Date(previous.buriedUntil) : null;
      if (action.action === "flag") next.flag = previous.flag;
      if (action.action === "reset") state = stateFromPreviousJson(previous.state);
      if (state.state === "new" && (action.action === "suspend" || action.action === "bury")) newAgain.push(row.cardId);
      await tx.$executeRaw(writeControlsStatement(userId, row.cardId, next, state, null));
      cards.push(controlsOf(next));
    }
    await tx.cardAction.deleteMany({ where: { userId, clientId } });
    await lowerNewCardsBound(tx, userId, { cardIds: newAgain });
    return cards;
  });
}
