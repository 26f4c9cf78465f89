import "#server-only";
import { assembleQuiz } from "@/app/lib/domain/quiz";
import { type StartQuizInput, type StoredQuizScope } from "@/app/lib/schemas/quiz";
import { AREA_LABELS, NOTE_AREAS } from "@/app/lib/schemas/areas";
import { db } from "../db";
import { BadRequestError, ConflictError, NotFoundError } from "../errors";
import { loadAssemblyQuestions } from "./quiz-questions";
import { weakSpotSelection } from "./quiz-weak-spots";
import { visiblePapers } from "./visibility";
import { newSeed, ownerData, parseScope, quizKeyOf, quizOwnerWhere, type QuizOwner } from "./quiz-attempt-owner";

/** Quiz attempts: starting one (a note, areas or weak spots) and retaking the missed questions. */

export interface StartedQuiz {
  attemptId: string;
  title: string;
  total: number;
}

/**
 * Draws the questions and saves the attempt with its seed and question order, so the quiz can
 * be shown again exactly as it was. `seed` is for tests and benchmarks.
 */
export async function startQuizAttempt(
  owner: QuizOwner,
  input: StartQuizInput,
  now: Date,
  seed: string = newSeed(),
): Promise<StartedQuiz> {
  let title: string;
  let questionIds: string[];
  let scope: StoredQuizScope;
  // A user's own notes are quizzed like the corpus; a guest has none.
  const userId = owner.kind === "user" ? owner.userId : null;
  switch (input.scope.kind) {
    case "note": {
      const paper = await db.paper.findFirst({
        where: { slug: input.scope.slug, retiredAt: null, ...visiblePapers(userId) },
        select: { short: true },
      });
      if (!paper) throw new NotFoundError("There is no such note.");
      const questions = await loadAssemblyQuestions({ slugs: [input.scope.slug], userId });
      questionIds = assembleQuiz({ questions, noteSlugs: [input.scope.slug], length: input.length, seed }).map((q) => q.key);
      title = paper.short;
      scope = { kind: "note", slug: input.scope.slug };
      break;
    }
    case "areas": {
      const areas = NOTE_AREAS.filter((a) => input.scope.kind === "areas" && input.scope.areas.includes(a));
      const questions = await loadAssemblyQuestions({ areas, userId });
      const noteSlugs = [...new Set(questions.map((q) => q.noteSlug))];
      questionIds = assembleQuiz({ questions, noteSlugs, length: input.length, seed }).map((q) => q.key);
      title = areas.length === NOTE_AREAS.length ? "All areas" : areas.map((a) => AREA_LABELS[a]).join(" + ");
      scope = { kind: "areas", areas };
      break;
    }
    case "weak": {
      if (owner.kind !== "user") throw new BadRequestError("Sign in to be quizzed on your weak spots.");
      const selection = await weakSpotSelection(owner.userId, now);
      if (selection.questions.length === 0) {
        throw new BadRequestError("No weak spots yet: review some cards or take a quiz first.");
      }
      questionIds = assembleQuiz({
        questions: selection.questions,
        noteSlugs: selection.noteSlugs,
        length: input.length,
        seed,
        weights: selection.weights,
      }).map((q) => q.key);
      title = "My weak spots";
      scope = { kind: "weak" };
      break;
    }
  }
  if (questionIds.length === 0) throw new BadRequestError("There are no questions to ask here yet.");
  const attempt = await db.quizAttempt.create({
    data: { ...ownerData(owner), scope, title, seed, mode: input.mode, questionIds, startedAt: now },
    select: { id: true },
  });
  return { attemptId: attempt.id, title, total: questionIds.length };
}

/** A new attempt with the questions of `parentId` that were not fully right (still asked). */
export async function retakeMissedQuestions(owner: QuizOwner, parentId: string, now: Date, seed: string = newSeed()): Promise<StartedQuiz> {
  const parent = await db.quizAttempt.findFirst({
    where: { id: parentId, ...quizOwnerWhere(owner) },
    select: { id: true, title: true, mode: true, scope: true, questionIds: true, finishedAt: true, answers: { select: { questionId: true, correct: true } } },
  });
  if (!parent) throw new NotFoundError("There is no such quiz.");
  if (!parent.finishedAt) throw new ConflictError("Finish this quiz before retaking the questions you missed.");
  const right = new Set(parent.answers.filter((a) => a.correct).map((a) => a.questionId));
  const missed = parent.questionIds.filter((id) => !right.has(id));
  const active = new Set(
    (await loadAssemblyQuestions({ ids: missed, userId: owner.kind === "user" ? owner.userId : null })).map((q) => q.key),
  );
  const questionIds = assembleQuiz({
    questions: missed.filter((id) => active.has(id)).map((id) => ({ key: id, noteSlug: "retake" })),
    noteSlugs: ["retake"],
    length: missed.length,
    seed,
  }).map((q) => q.key);
  if (questionIds.length === 0) throw new BadRequestError("You missed no question that is still asked.");
  const parentScope = parseScope(parent.scope);
  const of = parentScope.kind === "retake" ? parentScope.of : quizKeyOf(parentScope);
  const baseTitle = parent.title.replace(/^Missed in: /, "");
  const title = `Missed in: ${baseTitle}`;
  const attempt = await db.quizAttempt.create({
    data: {
      ...ownerData(owner),
      scope: { kind: "retake", parentId: parent.id, of },
      title,
      seed,
      mode: parent.mode,
      questionIds,
      parentId: parent.id,
      startedAt: now,
    },
    select: { id: true },
  });
  return { attemptId: attempt.id, title, total: questionIds.length };
}
