import { describe, expect, it } from "vitest";
import { db } from "@/app/lib/server/db";
import { getUserSettings, saveUserSettings, studiedCardCount, workloadTable } from "@/app/lib/server/data/settings";
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
    const table = workloadTable();
    expect(table.map((t) => t.reviewsPerCardPerDay)).toEqual([...table.map((t) => t.reviewsPerCardPerDay)].sort((a, b) => a - b));
    expect(await studiedCardCount(user.id, false)).toBe(0);
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
