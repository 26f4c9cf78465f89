import "#server-only";
import {
  addDays,
  planBreak,
  startOfDay,
  studyDayOf,
  type BreakKind,
} from "@/app/lib/domain/scheduling";
import { dueForecast, forecastSpread, type ForecastDay } from "@/app/lib/domain/stats";
import { forgetDueCounts } from "./due-count-cache";
import { applyBreakQuery, breakReviewCardsQuery } from "../sql/after-break";
import { storedStateOf } from "../sql/card-state";
import { rowsOf } from "../sql/typed-query";
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

async function planFor(userId: string, request: BreakRequest, now: Date) {
  const row = await getUserSettings(userId);
  const settings = schedulerSettingsOf(row);
  const today = studyDayOf(now, row.timeZone, row.dayStartHour);
  const nextDayStart = startOfDay(addDays(today, 1), row.timeZone, row.dayStartHour);
  const states = await rowsOf(breakReviewCardsQuery(userId));
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
  const rows = await rowsOf(applyBreakQuery(userId, request.kind, moves, now));
  // The load balancer's counts of this user's days are out of date now.
  forgetDueCounts(userId);
  return { moved: rows[0]?.n ?? 0 };
}
