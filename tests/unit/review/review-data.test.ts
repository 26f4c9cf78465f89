import { describe, expect, it } from "vitest";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  applyGrade,
  newCardState,
  orderQueue,
  type StoredCardState,
} from "@/app/lib/domain/scheduling";
import { CsvHeaderError, answerSchema } from "@/app/lib/schemas/review";
import { parseReviewCsv } from "@/app/lib/server/data/review-csv-parse";
import { settingsSchema } from "@/app/lib/schemas/settings";
import { answerTime, previousJsonOf, stateFromPreviousJson } from "@/app/lib/server/data/review-rows";

const T0 = new Date("2030-03-01T09:00:00Z");
const DAY = 86_400_000;

describe("the time an answer is recorded at", () => {
  it("is when the browser says it was given, for an answer kept offline", () => {
    expect(answerTime(T0.getTime() - 3_600_000, T0, null).getTime()).toBe(T0.getTime() - 3_600_000);
  });
  it("is never in the future nor before the card's last review", () => {
    expect(answerTime(T0.getTime() + 60_000, T0, null)).toEqual(T0);
    const last = new Date(T0.getTime() - 60_000);
    expect(answerTime(T0.getTime() - 120_000, T0, last)).toEqual(last);
  });
  it("is the time it is saved for an answer older than 30 days", () => {
    expect(answerTime(T0.getTime() - 31 * DAY, T0, null)).toEqual(T0);
  });
});

describe("the state saved with each log for undo", () => {
  it("reads back exactly what was written, through JSON", () => {
    const state = applyGrade(newCardState(T0), 3, DEFAULT_SCHEDULER_SETTINGS, T0).next;
    expect(stateFromPreviousJson(JSON.parse(JSON.stringify(previousJsonOf(state))))).toEqual(state);
    expect(stateFromPreviousJson(previousJsonOf(newCardState(T0)))).toEqual(newCardState(T0));
  });
  it("refuses a log whose saved state is damaged", () => {
    expect(() => stateFromPreviousJson({})).toThrow(/previous.due/);
  });
});

describe("review cards due later today", () => {
  it("are shown in the morning when the study day ends later", () => {
    const review: StoredCardState = {
      ...applyGrade(newCardState(new Date(T0.getTime() - 10 * DAY)), 4, DEFAULT_SCHEDULER_SETTINGS, new Date(T0.getTime() - 10 * DAY)).next,
    };
    const dueAfternoon = { state: { ...review, due: new Date(T0.getTime() + 6 * 3_600_000) } };
    const limits = { newLeft: 10, reviewsLeft: 10 };
    expect(orderQueue({ learning: [], due: [dueAfternoon], fresh: [] }, T0, DEFAULT_SCHEDULER_SETTINGS, limits)).toEqual([]);
    const tomorrow = new Date(T0.getTime() + 19 * 3_600_000);
    expect(
      orderQueue({ learning: [], due: [dueAfternoon], fresh: [] }, T0, DEFAULT_SCHEDULER_SETTINGS, { ...limits, reviewsDueBefore: tomorrow }),
    ).toEqual([dueAfternoon]);
  });
});

describe("the answer a browser sends", () => {
  it("accepts a well-formed answer and refuses a rating or id out of shape", () => {
    const good = { clientId: "0d5c2b1e-7c1f-4b7e-9f0e-3f7d1d2a9b10", cardId: "c1", rating: 3, version: 0, answeredAt: T0.getTime() };
    expect(answerSchema.parse(good)).toMatchObject({ durationMs: 0 });
    expect(answerSchema.safeParse({ ...good, rating: 5 }).success).toBe(false);
    expect(answerSchema.safeParse({ ...good, clientId: "x" }).success).toBe(false);
    expect(answerSchema.safeParse({ ...good, clientId: "a b c d e f g h" }).success).toBe(false);
    expect(answerSchema.safeParse({ ...good, version: -1 }).success).toBe(false);
  });

  it("refuses a card id with a NUL, a version above int4 and a time outside 1970–2200 (each reached PostgreSQL and gave a 500)", () => {
    const good = { clientId: "0d5c2b1e-7c1f-4b7e-9f0e-3f7d1d2a9b10", cardId: "c1", rating: 3, version: 0, answeredAt: T0.getTime() };
    expect(answerSchema.safeParse({ ...good, cardId: "\u0000" }).success).toBe(false);
    expect(answerSchema.safeParse({ ...good, cardId: "c\ud800" }).success).toBe(false);
    expect(answerSchema.safeParse({ ...good, version: 3e9 }).success).toBe(false);
    expect(answerSchema.safeParse({ ...good, answeredAt: 8.64e15 + 1 }).success).toBe(false);
  });
});

describe("the optimizer's CSV", () => {
  it("reads the five columns in any order and lists the lines that fail with their numbers", async () => {
    const csv = [
      "review_time,card_id,review_rating,review_state,review_duration",
      "1700000000000,c1,3,0,1200",
      "1700000000000,c2,9,0,1200",
      "",
      "soon,c3,3,2,1200",
      "1700000100000,c4,1,2,800",
    ].join("\r\n");
    const { rows, errors } = await parseReviewCsv(csv);
    expect(rows.map((r) => [r.line, r.row.card_id])).toEqual([
      [2, "c1"],
      [6, "c4"],
    ]);
    expect(errors.map((e) => e.line)).toEqual([3, 5]);
    expect(errors[0]!.message).toContain("review_rating");
    expect(errors[1]!.message).toContain("review_time");
  });
  it("reads quoted fields: a card id with a comma or a quote, a quoted header, a byte-order mark", async () => {
    const csv = '\uFEFF"card_id","review_time",review_rating,review_state,review_duration\n"moco, v2",1700000000000,3,0,1200\n"say ""hi""",1700000000001,4,2,900\n';
    const { rows, errors } = await parseReviewCsv(csv);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.row.card_id])).toEqual([
      [2, "moco, v2"],
      [3, 'say "hi"'],
    ]);
  });
  it("names the line where the quoting breaks", async () => {
    const csv = 'card_id,review_time,review_rating,review_state,review_duration\nc1,1700000000000,3,0,1200\n"c2,1700000000001,3,0,1200\n';
    const { errors } = await parseReviewCsv(csv);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^not readable as CSV: /);
  });
  it("refuses a file without the optimizer's header", async () => {
    await expect(parseReviewCsv("a,b,c\n1,2,3")).rejects.toThrow(CsvHeaderError);
  });
});

describe("the settings form", () => {
  const valid = {
    desiredRetention: 0.9,
    maximumInterval: 36500,
    enableFuzz: false,
    learningSteps: "1m 10m",
    relearningSteps: "10m",
    newPerDay: 20,
    reviewsPerDay: 200,
    timeZone: "Pacific/Kiritimati",
    dayStartHour: 4,
    studyAll: true,
  };
  it("turns step text into steps and accepts an empty list", () => {
    expect(settingsSchema.parse(valid).learningSteps).toEqual(["1m", "10m"]);
    expect(settingsSchema.parse({ ...valid, learningSteps: " " }).learningSteps).toEqual([]);
    expect(settingsSchema.parse({ ...valid, learningSteps: "1m, 1h,1d" }).learningSteps).toEqual(["1m", "1h", "1d"]);
  });
  it.each([
    ["desiredRetention", 0.69],
    ["desiredRetention", 0.995],
    ["maximumInterval", 0],
    ["learningSteps", "10 minutes"],
    ["timeZone", "Mars/Olympus_Mons"],
    ["dayStartHour", 24],
    ["newPerDay", -1],
  ])("refuses %s = %s", (field, value) => {
    const result = settingsSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});
