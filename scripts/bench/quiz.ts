/**
 * `npm run bench:quiz`: for a user with a long history (every card studied, 300 finished
 * quizzes of 20 questions, 20,000 review logs), the time to assemble and save a 20-question
 * mixed quiz (all areas; and "weak spots") and to score an answer (the whole server step:
 * load, score, save, bring cards forward, finish, next question). Figures only; no thresholds.
 */
import { performance } from "node:perf_hooks";
import { runContentSync } from "../lib/content-sync-runner";
import { scriptPrisma } from "../lib/prisma";
import { benchDatabase, ms, percentile } from "./lib/bench-db";
import { mulberry32 as random } from "@/app/lib/domain/random";

const ATTEMPTS = 300;
const QUESTIONS_PER_ATTEMPT = 20;
const REVIEW_LOGS = 20_000;
const RUNS = 200;
const DAY = 86_400_000;

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(44)} p50 ${ms(percentile(sorted, 50)).padStart(9)}   p95 ${ms(percentile(sorted, 95)).padStart(9)}   max ${ms(sorted[sorted.length - 1] ?? NaN).padStart(9)}   (${samples.length} runs)`;
}

async function main() {
  const database = await benchDatabase();
  const prisma = scriptPrisma(database.url);
  try {
    await runContentSync(database.url, { quiet: true });
    process.env.DATABASE_URL = database.url;
    process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
    const attempts = await import("@/app/lib/server/data/quiz-attempts");
    const { getQuizHistory } = await import("@/app/lib/server/data/quiz-history");
    const { toQuizQuestion, questionSelect } = await import("@/app/lib/server/data/quiz-questions");
    const { scoreAnswer } = await import("@/app/lib/domain/quiz");
    const { db } = await import("@/app/lib/server/db");

    // ------------------------------------------------------------ a user with a long history
    const now = new Date("2026-11-20T10:00:00Z");
    const rand = random(42);
    const user = await prisma.user.create({ data: { email: "bench-quiz@example.test" } });
    const cards = await prisma.card.findMany({ where: { retiredAt: null }, select: { id: true } });
    const questions = await prisma.quizQuestion.findMany({ where: { retiredAt: null }, select: { id: true } });
    await prisma.cardState.createMany({
      data: cards.map((card) => {
        const stability = 0.5 + rand() * 120;
        const lastReview = new Date(now.getTime() - Math.floor(rand() * 200) * DAY);
        return {
          userId: user.id,
          cardId: card.id,
          due: new Date(lastReview.getTime() + Math.ceil(stability) * DAY),
          stability,
          difficulty: 1 + rand() * 9,
          elapsedDays: Math.floor(rand() * 60),
          scheduledDays: Math.ceil(stability),
          learningSteps: 0,
          reps: 3 + Math.floor(rand() * 30),
          lapses: Math.floor(rand() * rand() * 8),
          state: 2,
          lastReview,
        };
      }),
    });
    const logs = Array.from({ length: REVIEW_LOGS }, (_, i) => {
      const reviewedAt = new Date(now.getTime() - Math.floor(rand() * 700) * DAY);
      return {
        clientId: `bench-${i}`,
        userId: user.id,
        cardId: cards[i % cards.length]?.id ?? "",
        rating: 1 + Math.floor(rand() * 4),
        state: 2,
        due: reviewedAt,
        stability: 10,
        difficulty: 5,
        elapsedDays: 5,
        lastElapsedDays: 5,
        scheduledDays: 10,
        learningSteps: 0,
        reviewedAt,
        previous: {},
      };
    });
    for (let i = 0; i < logs.length; i += 5000) await prisma.reviewLog.createMany({ data: logs.slice(i, i + 5000) });
    for (let a = 0; a < ATTEMPTS; a += 1) {
      const picked = new Set<string>();
      while (picked.size < QUESTIONS_PER_ATTEMPT) picked.add(questions[Math.floor(rand() * questions.length)]?.id ?? "");
      const questionIds = [...picked];
      const startedAt = new Date(now.getTime() - (ATTEMPTS - a) * DAY);
      const answers = questionIds.map((questionId) => {
        const correct = rand() < 0.7;
        return { questionId, response: 0, score: correct ? 1 : 0, correct, timeMs: 4000 + Math.floor(rand() * 20000), answeredAt: startedAt };
      });
      const slug = ["bert", "moco", "clip", "vit", "detr"][a % 5] ?? "bert";
      await prisma.quizAttempt.create({
        data: {
          userId: user.id,
          scope: a % 3 === 0 ? { kind: "areas", areas: ["language", "vision"] } : { kind: "note", slug },
          title: a % 3 === 0 ? "Language + Vision" : slug,
          seed: `history-${a}`,
          mode: "each",
          questionIds,
          score: answers.filter((x) => x.correct).length / QUESTIONS_PER_ATTEMPT,
          startedAt,
          finishedAt: new Date(startedAt.getTime() + 600_000),
          answers: { createMany: { data: answers } },
        },
      });
    }
    console.log(
      `history: ${cards.length} card states, ${REVIEW_LOGS} review logs, ${ATTEMPTS} finished quizzes (${ATTEMPTS * QUESTIONS_PER_ATTEMPT} answers), ${questions.length} questions\n`,
    );

    const owner = { kind: "user", userId: user.id } as const;
    const all = ["concepts", "language", "vision", "video", "clip-family"] as const;
    // Warm-up: connections, query plans, the markdown cache of the first questions.
    for (let i = 0; i < 10; i += 1) {
      await attempts.startQuizAttempt(owner, { scope: { kind: "areas", areas: [...all] }, length: 20, mode: "each" }, now, `warm-${i}`);
    }

    // ------------------------------------------------------------ assembling
    const mixed: number[] = [];
    const started: string[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const t = performance.now();
      const quiz = await attempts.startQuizAttempt(owner, { scope: { kind: "areas", areas: [...all] }, length: 20, mode: "each" }, now, `mixed-${i}`);
      mixed.push(performance.now() - t);
      started.push(quiz.attemptId);
    }
    const weak: number[] = [];
    for (let i = 0; i < RUNS / 2; i += 1) {
      const t = performance.now();
      await attempts.startQuizAttempt(owner, { scope: { kind: "weak" }, length: 20, mode: "each" }, now, `weak-${i}`);
      weak.push(performance.now() - t);
    }

    // ------------------------------------------------------------ scoring
    const answerTimes: number[] = [];
    const viewTimes: number[] = [];
    let answered = 0;
    for (const attemptId of started.slice(0, 40)) {
      let t = performance.now();
      let current = (await attempts.getAttemptView(owner, attemptId)).current;
      viewTimes.push(performance.now() - t);
      while (current) {
        const response = current.type === "truefalse" ? rand() < 0.5 : current.type === "short" || current.type === "numeric" ? "42" : current.type === "ordering" ? current.itemsHtml.map((_, i) => i) : current.type === "multiple" ? [0] : 0;
        t = performance.now();
        const outcome = await attempts.answerQuizQuestion(owner, { attemptId, questionId: current.id, response, timeMs: 3000 }, now);
        answerTimes.push(performance.now() - t);
        answered += 1;
        current = outcome.next;
      }
    }
    const pureRows = await db.quizQuestion.findMany({ where: { retiredAt: null }, select: questionSelect });
    const pure = pureRows.map((row) => toQuizQuestion(row));
    const pureTimes: number[] = [];
    for (let round = 0; round < 20; round += 1) {
      const t = performance.now();
      for (const q of pure) scoreAnswer(q, q.type === "truefalse" ? true : q.type === "short" || q.type === "numeric" ? "1,000" : q.type === "ordering" ? q.items.map((_, i) => i) : q.type === "multiple" ? [0] : 0);
      pureTimes.push((performance.now() - t) / pure.length);
    }
    const historyTimes: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const t = performance.now();
      await getQuizHistory(owner);
      historyTimes.push(performance.now() - t);
    }

    console.log(summary("assemble + save a 20-question mixed quiz", mixed));
    console.log(summary("assemble + save a 20-question weak-spots quiz", weak));
    console.log(summary(`score + save an answer (+ next question)`, answerTimes));
    console.log(summary("open an attempt (resume view)", viewTimes));
    console.log(summary("history per quiz with trends", historyTimes));
    console.log(summary("scoreAnswer alone (pure, per answer)", pureTimes));
    console.log(`\n${answered} answers scored; targets: assemble ≤ 50 ms, score an answer ≤ 20 ms (p95)`);
    await db.$disconnect();
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
