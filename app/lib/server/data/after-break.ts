import "#server-only";
import { visiblePaperSql } from "./visibility";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/app/generated/prisma/client";
import {
  addDays,
  planBreak,
  startOfDay,
  studyDayOf,
  type BreakKind,
  type BreakMove,
} from "@/app/lib/domain/scheduling";
import { dueForecast, forecastSpread, type ForecastDay } from "@/app/lib/domain/stats";
import { rawRows } from "../db";
import { forgetDueCounts } from "./due-count-cache";
import { cardStateColumns, storedStateOf, type CardStateRow } from "../sql/card-state";
import { getUserSettings, schedulerSettingsOf } from "./settings";

const FORECAST_DAYS = 30;

export interface BreakRequest {
  kind: BreakKind;
  limit: number;
  /** Postpone only: how low R may fall (default: the desired retention). */
  floor?: number | undefined;
}

export interface BreakPreview {
  kind: BreakKind;
  /** Cards that would move (≤ limit). */
  moves: number;
  /** Cards the rule allows to move at all (before the limit). */
  eligible: number;
  /** Mean recall probability now of the cards that would move. */
  meanRetrievability: number | null;
  forecastBefore: ForecastDay[];
  forecastAfter: ForecastDay[];
  spreadBefore: number | null;
  spreadAfter: number | null;
}

type Row = CardStateRow & { cardId: string; version: number };

/** The user's live review cards (a retired, suspended or hidden card is not studied, so it is not moved). */
async function reviewCards(userId: string): Promise<Row[]> {
  return rawRows<Row>(Prisma.sql`
    SELECT s."cardId", s.version, ${cardStateColumns("s")}
      FROM "CardState" s JOIN "Card" c ON c.id = s."cardId" JOIN "Paper" p ON p.id = c."paperId"
     WHERE s."userId" = ${userId} AND s.state <> 0 AND c."retiredAt" IS NULL AND p."retiredAt" IS NULL
       AND NOT s.suspended AND ${visiblePaperSql(userId)}`);
}

async function planFor(userId: string, request: BreakRequest, now: Date) {
  const row = await getUserSettings(userId);
  const settings = schedulerSettingsOf(row);
  const today = studyDayOf(now, row.timeZone, row.dayStartHour);
  const nextDayStart = startOfDay(addDays(today, 1), row.timeZone, row.dayStartHour);
  const states = await reviewCards(userId);
  const cards = states.map((s) => ({ cardId: s.cardId, version: s.version, state: storedStateOf(s) }));
  const base = { now, nextDayStart, floor: request.floor };
  const moves = planBreak(request.kind, cards, settings, { ...base, limit: request.limit });
  const eligible = planBreak(request.kind, cards, settings, { ...base, limit: cards.length }).length;
  return { moves, eligible, states, zone: row };
}

/** How many cards "I was away" / "I have time" would move, and the 30-day forecast before and after. */
export async function previewBreak(userId: string, request: BreakRequest, now: Date): Promise<BreakPreview> {
  const { moves, eligible, states, zone } = await planFor(userId, request, now);
  const moved = new Map(moves.map((m) => [m.cardId, m.due]));
  const forecast = (dues: Date[]) => dueForecast(dues, now, FORECAST_DAYS, zone.timeZone, zone.dayStartHour);
  const forecastBefore = forecast(states.map((s) => s.due));
  const forecastAfter = forecast(states.map((s) => moved.get(s.cardId) ?? s.due));
  return {
    kind: request.kind,
    moves: moves.length,
    eligible,
    meanRetrievability: moves.length > 0 ? moves.reduce((sum, m) => sum + m.retrievability, 0) / moves.length : null,
    forecastBefore,
    forecastAfter,
    spreadBefore: forecastSpread(forecastBefore),
    spreadAfter: forecastSpread(forecastAfter),
  };
}

/**
 * Moves the cards of the plan, in one statement: each card state whose version is still the one
 * planned from gets its new due date and interval (and a new version, so an open review page's
 * stale answer is refused), and one RescheduleLog row, which the replay check reads. A card
 * answered in between is left alone. Returns how many moved.
 */
export async function applyBreak(userId: string, request: BreakRequest, now: Date): Promise<{ moved: number }> {
  const { moves } = await planFor(userId, request, now);
  if (moves.length === 0) return { moved: 0 };
  const column = <T>(pick: (m: BreakMove) => T) => moves.map(pick);
  const rows = await rawRows<{ n: number }>(Prisma.sql`
    WITH m AS (
      SELECT * FROM unnest(${column((m) => m.cardId)}::text[], ${column((m) => m.version)}::int[],
                           ${column((m) => m.due.toISOString())}::timestamp[], ${column((m) => m.scheduledDays)}::int[],
                           ${column((m) => m.fromDue.toISOString())}::timestamp[], ${column((m) => m.fromScheduledDays)}::int[],
                           ${column(() => randomUUID())}::text[])
               AS m("cardId", version, due, days, "fromDue", "fromDays", id)
    ), up AS (
      UPDATE "CardState" s SET due = m.due, "scheduledDays" = m.days, version = s.version + 1, "updatedAt" = ${now}
        FROM m WHERE s."userId" = ${userId} AND s."cardId" = m."cardId" AND s.version = m.version
      RETURNING s."cardId"
    ), logged AS (
      INSERT INTO "RescheduleLog" (id, "userId", "cardId", kind, at, "dueBefore", "dueAfter", "scheduledDaysBefore", "scheduledDaysAfter", "createdAt")
      SELECT m.id, ${userId}, m."cardId", ${request.kind}, ${now}, m."fromDue", m.due, m."fromDays", m.days, ${now}
        FROM m JOIN up ON up."cardId" = m."cardId"
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM logged`);
  // The load balancer's counts of this user's days are out of date now.
  forgetDueCounts(userId);
  return { moved: rows[0]?.n ?? 0 };
}
