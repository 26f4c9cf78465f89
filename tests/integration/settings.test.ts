import { describe, expect, it } from "vitest";
import { sessionOf } from "./helpers/fresh-database";
import { db } from "@/app/lib/server/db";
import { answerCard } from "@/app/lib/server/data/review";
import { rescheduleCards } from "@/app/lib/server/data/reschedule";
import {
  getUserSettings,
  saveUserSettings,
  schedulerSettingsOf,
  studiedCardCount,
  workloadTable,
} from "@/app/lib/server/data/settings";
import { addPaperToStudySet, removePaperFromStudySet, studySetSlugs } from "@/app/lib/server/data/study-set";
import { settingsSchema } from "@/app/lib/schemas/settings";

const unique = () => `settings-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

describe("a user's settings", () => {
  it("are made with the defaults when sign-up did not make them", async () => {
    const user = await db.user.create({ data: { email: unique() }, select: { id: true } });
    const settings = await getUserSettings(user.id);
    expect(settings).toMatchObject({ desiredRetention: 0.9, newPerDay: 20, timeZone: "UTC", dayStartHour: 4, studyAll: true });
    expect(await db.userSettings.count({ where: { userId: user.id } })).toBe(1);
  });

  it("save what the form sends, and the workload estimate grows with the retention", async () => {
    const user = await db.user.create({ data: { email: unique(), settings: { create: {} } }, select: { id: true } });
    const input = settingsSchema.parse({
      desiredRetention: 0.85,
      maximumInterval: 3650,
      enableFuzz: true,
      learningSteps: "1m 10m 1h",
      relearningSteps: "",
      newPerDay: 5,
      reviewsPerDay: 50,
      timeZone: "Asia/Kolkata",
      dayStartHour: 6,
      studyAll: false,
    });
    const saved = await saveUserSettings(user.id, input);
    expect(saved).toMatchObject({ learningSteps: ["1m", "10m", "1h"], relearningSteps: [], timeZone: "Asia/Kolkata", studyAll: false });
    const table = workloadTable(saved);
    expect(table.map((t) => t.reviewsPerCardPerDay)).toEqual([...table.map((t) => t.reviewsPerCardPerDay)].sort((a, b) => a - b));
    expect(await studiedCardCount(user.id, false)).toBe(0);
  });
});

describe("rescheduling on a settings change", () => {
  it("brings studied cards sooner after the desired retention is raised", async () => {
    const user = await db.user.create({ data: { email: unique(), settings: { create: {} } }, select: { id: true } });
    const card = await db.card.findFirstOrThrow({ where: { retiredAt: null }, select: { id: true } });
    const day = 86_400_000;
    const start = Date.now() - 30 * day;
    // Good three times, days apart: a review card with an interval of weeks at retention 0.90.
    let version = 0;
    for (const [i, at] of [start, start + day, start + 5 * day].entries()) {
      const answer = { clientId: `resched-${user.id}-${i}`, cardId: card.id, rating: 3 as const, version, answeredAt: at, durationMs: 1000 };
      version = (await answerCard(sessionOf(user.id), answer, new Date(at))).version;
    }
    const before = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });

    const base = settingsSchema.parse({
      desiredRetention: 0.9, maximumInterval: 36500, enableFuzz: false, learningSteps: "1m 10m", relearningSteps: "10m",
      newPerDay: 20, reviewsPerDay: 200, timeZone: "UTC", dayStartHour: 4, studyAll: true,
    });
    const saved = await saveUserSettings(user.id, { ...base, desiredRetention: 0.97 });
    expect(await rescheduleCards(user.id, schedulerSettingsOf(saved), null, new Date())).toBe(1);
    const after = await db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: user.id, cardId: card.id } } });
    expect(after.lastReview?.getTime()).toBe(before.lastReview?.getTime());
    expect(after.scheduledDays).toBeLessThan(before.scheduledDays);
    expect(after.due.getTime()).toBeLessThan(before.due.getTime());
    expect(after.version).toBe(before.version + 1);
  });
});

describe("the study set", () => {
  it("adds and removes a note, and counts its cards as studied", async () => {
    const user = await db.user.create({ data: { email: unique(), settings: { create: { studyAll: false } } }, select: { id: true } });
    const paper = await db.paper.findFirstOrThrow({ where: { retiredAt: null }, select: { slug: true, id: true } });
    await addPaperToStudySet(user.id, paper.slug);
    await addPaperToStudySet(user.id, paper.slug);
    expect([...(await studySetSlugs(user.id))]).toEqual([paper.slug]);
    const cards = await db.card.count({ where: { paperId: paper.id, retiredAt: null } });
    expect(await studiedCardCount(user.id, false)).toBe(cards);
    await removePaperFromStudySet(user.id, paper.slug);
    expect((await studySetSlugs(user.id)).size).toBe(0);
    await expect(addPaperToStudySet(user.id, "no-such-note")).rejects.toMatchObject({ status: 404 });
  });
});
