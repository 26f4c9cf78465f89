import "#server-only";
import { db } from "../db";
import { dailyGoalOf } from "./settings";
import { visibleItems } from "./visibility";
import { USER_DATA_FORMAT, USER_DATA_VERSION, type UserDataJson } from "@/app/lib/schemas/user-data";

/** Review logs per read: the export streams the log page by page, never holding all of it. */
const PAGE = 5000;

/** The names of the cards and questions `userId` may see: the corpus's and their own notes'. */
async function itemNames(userId: string) {
  const [cards, questions] = await Promise.all([
    db.card.findMany({ where: visibleItems(userId), select: { id: true, key: true, paper: { select: { slug: true } } } }),
    db.quizQuestion.findMany({ where: visibleItems(userId), select: { id: true, key: true, paper: { select: { slug: true } } } }),
  ]);
  return {
    card: new Map(cards.map((c) => [c.id, { note: c.paper.slug, key: c.key }])),
    question: new Map(questions.map((q) => [q.id, { note: q.paper.slug, key: q.key }])),
  };
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The export as pieces of JSON text, so a long review log is written page by page (a route
 * streams them; nothing holds the whole file). Sections are ordered so that two exports of the
 * same data are identical apart from `exportedAt`.
 */
export async function* exportUserDataChunks(userId: string, now: Date): AsyncGenerator<string> {
  const names = await itemNames(userId);
  const cardName = (id: string) => names.card.get(id) ?? { note: "", key: id };
  const [settings, studySet, states, ownNotes] = await Promise.all([
    db.userSettings.findUnique({ where: { userId } }),
    db.studySetPaper.findMany({ where: { userId }, select: { addedAt: true, paper: { select: { slug: true } } }, orderBy: { paper: { slug: "asc" } } }),
    db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } }),
    db.paper.findMany({ where: { ownerId: userId, deletedAt: null }, orderBy: { slug: "asc" }, select: { slug: true, source: true } }),
  ]);
  const head: Omit<UserDataJson, "reviewLogs" | "quizAttempts"> = {
    format: USER_DATA_FORMAT,
    version: USER_DATA_VERSION,
    exportedAt: iso(now),
    settings: settings && {
      desiredRetention: settings.desiredRetention,
      maximumInterval: settings.maximumInterval,
      enableFuzz: settings.enableFuzz,
      enableShortTerm: settings.enableShortTerm,
      loadBalance: settings.loadBalance,
      easyDays: settings.easyDays,
      buryReverseSiblings: settings.buryReverseSiblings,
      buryClozeSiblings: settings.buryClozeSiblings,
      learningSteps: settings.learningSteps,
      relearningSteps: settings.relearningSteps,
      newPerDay: settings.newPerDay,
      reviewsPerDay: settings.reviewsPerDay,
      timeZone: settings.timeZone,
      dayStartHour: settings.dayStartHour,
      studyAll: settings.studyAll,
      leechThreshold: settings.leechThreshold,
      leechSuspend: settings.leechSuspend,
      dailyGoalKind: dailyGoalOf(settings).kind,
      dailyGoal: dailyGoalOf(settings).target,
      parameters: settings.parameters,
      parametersFitAt: isoOrNull(settings.parametersFitAt),
    },
    studySet: studySet.map((s) => ({ note: s.paper.slug, addedAt: iso(s.addedAt) })),
    // The user's own notes themselves (issue 17), so their card states and review log below
    // have cards to come back to on another instance or another account.
    ownNotes: ownNotes.map((n) => ({ note: n.slug, source: n.source ?? "" })),
    cardStates: states
      .map((s) => {
        const name = cardName(s.cardId);
        return {
          note: name.note,
          card: name.key,
          due: iso(s.due),
          stability: s.stability,
          difficulty: s.difficulty,
          elapsedDays: s.elapsedDays,
          scheduledDays: s.scheduledDays,
          learningSteps: s.learningSteps,
          reps: s.reps,
          lapses: s.lapses,
          state: s.state,
          lastReview: isoOrNull(s.lastReview),
          suspended: s.suspended,
          buriedUntil: isoOrNull(s.buriedUntil),
          flag: s.flag,
          leech: s.leech,
        };
      })
      .sort((a, b) => (a.note + "\u0000" + a.card < b.note + "\u0000" + b.card ? -1 : 1)),
  };
  const headText = JSON.stringify(head);
  yield `${headText.slice(0, -1)},"reviewLogs":[`;

  let cursor: string | undefined;
  let first = true;
  for (;;) {
    const logs = await db.reviewLog.findMany({
      where: { userId, ...(cursor ? { clientId: { gt: cursor } } : {}) },
      orderBy: { clientId: "asc" },
      take: PAGE,
    });
    if (logs.length === 0) break;
    const text = logs
      .map((l) => {
        const name = cardName(l.cardId);
        return JSON.stringify({
          clientId: l.clientId,
          note: name.note,
          card: name.key,
          rating: l.rating,
          state: l.state,
          due: iso(l.due),
          stability: l.stability,
          difficulty: l.difficulty,
          elapsedDays: l.elapsedDays,
          lastElapsedDays: l.lastElapsedDays,
          scheduledDays: l.scheduledDays,
          learningSteps: l.learningSteps,
          reviewedAt: iso(l.reviewedAt),
          durationMs: l.durationMs,
          previous: l.previous,
          source: l.source,
        });
      })
      .join(",");
    yield (first ? "" : ",") + text;
    first = false;
    cursor = logs[logs.length - 1]?.clientId;
    if (logs.length < PAGE) break;
  }

  yield `],"quizAttempts":`;
  const attempts = await db.quizAttempt.findMany({
    where: { userId },
    orderBy: { id: "asc" },
    include: { answers: { orderBy: { questionId: "asc" } } },
  });
  const questionName = (id: string) => names.question.get(id) ?? { note: "", key: id };
  yield JSON.stringify(
    attempts.map((a) => ({
      id: a.id,
      scope: a.scope,
      title: a.title,
      seed: a.seed,
      mode: a.mode,
      questions: a.questionIds.map((id) => {
        const name = questionName(id);
        return { note: name.note, question: name.key };
      }),
      score: a.score,
      startedAt: iso(a.startedAt),
      finishedAt: isoOrNull(a.finishedAt),
      parentId: a.parentId,
      answers: a.answers.map((x) => {
        const name = questionName(x.questionId);
        return {
          note: name.note,
          question: name.key,
          response: x.response,
          score: x.score,
          correct: x.correct,
          timeMs: x.timeMs,
          answeredAt: iso(x.answeredAt),
        };
      }),
    })),
  );
  yield "}";
}
