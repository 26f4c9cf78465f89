import "#server-only";
import type { z } from "zod";
import { weakSpotPriority, type WeakSpotRanking } from "@/app/lib/domain/quiz";
import {
  DEFAULT_SCHEDULER_SETTINGS,
  retrievabilityReader,
  stateFromCode,
  type SchedulerSettings,
} from "@/app/lib/domain/scheduling";
import { db } from "../db";
import { questionHistoryQuery } from "../sql/quiz-weak-spots";
import { rowsOf } from "../sql/typed-query";
import { loadAssemblyQuestions, type AssemblyQuestion } from "./quiz-questions";
import { schedulerSettingsOf } from "./settings";
import { visiblePapers } from "./visibility";

/** How many of the weakest notes a "weak spots" quiz draws from (besides missed questions). */
const WEAK_NOTES = 5;

type QuestionHistoryRow = z.infer<ReturnType<typeof questionHistoryQuery>["row"]>;

/** Per question: how often this user answered it and how often not fully right. */
async function questionHistory(userId: string): Promise<QuestionHistoryRow[]> {
  return rowsOf(questionHistoryQuery(userId));
}

async function schedulerSettings(userId: string): Promise<SchedulerSettings> {
  const row = await db.userSettings.findUnique({ where: { userId } });
  return row ? schedulerSettingsOf(row) : DEFAULT_SCHEDULER_SETTINGS;
}

interface WeakSpotData {
  ranking: WeakSpotRanking;
  questions: AssemblyQuestion[];
  history: QuestionHistoryRow[];
}

/**
 * The user's weak spots from their own rows only: studied cards (retrievability now, lapses)
 * and their past quiz answers. New cards are left out: "not seen" is not "forgotten".
 */
async function weakSpotData(userId: string, now: Date): Promise<WeakSpotData> {
  const [questions, states, settings, history] = await Promise.all([
    loadAssemblyQuestions({ userId }),
    db.cardState.findMany({
      where: { userId, state: { not: 0 }, card: { retiredAt: null } },
      select: {
        cardId: true,
        due: true,
        stability: true,
        difficulty: true,
        elapsedDays: true,
        scheduledDays: true,
        learningSteps: true,
        reps: true,
        lapses: true,
        state: true,
        lastReview: true,
        card: { select: { paper: { select: { slug: true } } } },
      },
    }),
    schedulerSettings(userId),
    questionHistory(userId),
  ]);
  const readRetrievability = retrievabilityReader(settings);
  const cards = states.map((s) => ({
    key: s.cardId,
    noteSlug: s.card.paper.slug,
    lapses: s.lapses,
    retrievability: readRetrievability({ ...s, state: stateFromCode(s.state) }, now),
  }));
  const ranking = weakSpotPriority({
    questions: questions.map((q) => ({ key: q.key, noteSlug: q.noteSlug, cardKeys: q.cardIds })),
    cards,
    history: history.map((h) => ({ questionKey: h.questionId, answered: h.answered, missed: h.missed })),
  });
  return { ranking, questions, history };
}

export interface WeakSpotSelection {
  questions: AssemblyQuestion[];
  noteSlugs: string[];
  weights: Record<string, number>;
}

/**
 * What a "weak spots" quiz draws from: the questions of the user's weakest notes (by card
 * weakness and miss rate) and every question they missed before, weighted so the weakest
 * come first.
 */
export async function weakSpotSelection(userId: string, now: Date): Promise<WeakSpotSelection> {
  const { ranking, questions, history } = await weakSpotData(userId, now);
  const weakNotes = new Set(ranking.notes.filter((n) => n.priority > 0).slice(0, WEAK_NOTES).map((n) => n.noteSlug));
  const missed = new Set(history.filter((h) => h.missed > 0).map((h) => h.questionId));
  const chosen = questions.filter((q) => weakNotes.has(q.noteSlug) || missed.has(q.key));
  return {
    questions: chosen,
    noteSlugs: [...new Set(chosen.map((q) => q.noteSlug))],
    weights: ranking.questionWeights,
  };
}

export interface WeakNote {
  slug: string;
  short: string;
  priority: number;
  cardWeakness: number;
  missRate: number;
}

/** The weakest notes, for the quizzes page. */
export async function getWeakNotes(userId: string, now: Date, limit = WEAK_NOTES): Promise<WeakNote[]> {
  const { ranking } = await weakSpotData(userId, now);
  const top = ranking.notes.filter((n) => n.priority > 0).slice(0, limit);
  if (top.length === 0) return [];
  const papers = await db.paper.findMany({ where: { slug: { in: top.map((n) => n.noteSlug) }, ...visiblePapers(userId) }, select: { slug: true, short: true } });
  const shortOf = new Map(papers.map((p) => [p.slug, p.short]));
  return top.map((n) => ({ slug: n.noteSlug, short: shortOf.get(n.noteSlug) ?? n.noteSlug, priority: n.priority, cardWeakness: n.cardWeakness, missRate: n.missRate }));
}
