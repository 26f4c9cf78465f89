import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/app/lib/domain/random";
import { db } from "@/app/lib/server/db";
import { applyBreak, previewBreak } from "@/app/lib/server/data/after-break";
import { answerCard, undoAnswer } from "@/app/lib/server/data/review";
import { ConflictError } from "@/app/lib/server/errors";
import { checkReplay } from "@/scripts/suites/lib/invariants";
import { sessionOf } from "./helpers/fresh-database";

const unique = () => `break-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
const DAY = 86_400_000;
const START = Date.UTC(2026, 4, 4, 12);

/** A user who studied 40 cards through the answer path for 30 days, then stopped; their last answer's client ids by card. */
async function studiedUser() {
  const user = await db.user.create({
    data: { email: unique(), settings: { create: { timeZone: "UTC", dayStartHour: 4, learningSteps: [], relearningSteps: [] } } },
    select: { id: true },
  });
  const random = mulberry32(9);
  const cards = (await db.card.findMany({ where: { retiredAt: null }, orderBy: { id: "asc" }, take: 40, select: { id: true } })).map((c) => c.id);
  const state = new Map(cards.map((id) => [id, { version: 0, due: 0, clientId: "" }]));
  for (let day = 0; day < 30; day += 1) {
    let at = START + day * DAY;
    for (const cardId of cards) {
      const card = state.get(cardId)!;
      if (card.due > START + day * DAY + 16 * 3_600_000) continue;
      at += 60_000;
      const clientId = randomUUID();
      const rating = random() < 0.1 ? 1 : 3;
      const result = await answerCard(sessionOf(user.id), { clientId, cardId, rating, version: card.version, answeredAt: at, durationMs: 2000 }, new Date(at));
      state.set(cardId, { version: result.version, due: result.due.getTime(), clientId });
    }
  }
  return { userId: user.id, last: state };
}

async function replayCheck(userId: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await checkReplay(client, [userId]);
  } finally {
    await client.end();
  }
}

describe("after a break", () => {
  it("postpones due cards still above the floor, as previewed, logged so a replay agrees, and refuses to undo under a move", async () => {
    const { userId, last } = await studiedUser();
    const now = new Date(START + 45 * DAY);
    const request = { kind: "postpone" as const, limit: 1000, floor: 0.8 };
    const preview = await previewBreak(userId, request, now);
    expect(preview.moves).toBeGreaterThan(3);
    expect(preview.eligible).toBe(preview.moves);
    expect(preview.meanRetrievability).toBeGreaterThan(0.8);
    expect(preview.forecastAfter[0]!.count).toBe(preview.forecastBefore[0]!.count - preview.moves);

    const limited = await previewBreak(userId, { ...request, limit: 2 }, now);
    expect(limited).toMatchObject({ moves: 2, eligible: preview.moves });

    const { moved } = await applyBreak(userId, request, now);
    expect(moved).toBe(preview.moves);
    expect(await db.rescheduleLog.count({ where: { userId, kind: "postpone" } })).toBe(moved);
    const tomorrow = new Date(START + 46 * DAY - 8 * 3_600_000); // 04:00 UTC of the next study day
    const movedRows = await db.rescheduleLog.findMany({ where: { userId }, select: { cardId: true, dueAfter: true } });
    for (const row of movedRows) expect(row.dueAfter.getTime()).toBeGreaterThanOrEqual(tomorrow.getTime());
    // Nothing left above the floor today.
    expect((await previewBreak(userId, request, now)).moves).toBe(0);

    const report = await replayCheck(userId);
    expect(report.violations).toEqual([]);
    expect(report.rescheduled).toBe(moved);

    const cardId = movedRows[0]!.cardId;
    await expect(undoAnswer(userId, last.get(cardId)!.clientId)).rejects.toThrow(ConflictError);
  });

  it("advances the cards whose recall fell furthest, making them due now", async () => {
    const { userId } = await studiedUser();
    const now = new Date(START + 31 * DAY);
    const request = { kind: "advance" as const, limit: 5 };
    const preview = await previewBreak(userId, request, now);
    expect(preview.moves).toBe(5);
    expect(preview.forecastAfter[0]!.count).toBe(preview.forecastBefore[0]!.count + 5);
    expect((await applyBreak(userId, request, now)).moved).toBe(5);
    const moved = await db.cardState.findMany({ where: { userId, due: now }, select: { cardId: true } });
    expect(moved).toHaveLength(5);
    const report = await replayCheck(userId);
    expect(report.violations).toEqual([]);
    expect(report.rescheduled).toBe(5);
  });
});
