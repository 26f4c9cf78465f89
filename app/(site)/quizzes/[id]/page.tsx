import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { attemptParamsSchema } from "@/app/lib/schemas/quiz";
import { readQuizOwner } from "@/app/lib/server/auth/quiz-owner";
import { getAttemptView } from "@/app/lib/server/data/quiz-attempts";
import { getQuizHistory } from "@/app/lib/server/data/quiz-history";
import { NotFoundError } from "@/app/lib/server/errors";
import { QuizResults } from "@/app/ui/quiz/quiz-results";
import { QuizRunner } from "@/app/ui/quiz/quiz-runner";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageErrors"))("quizTitle") };
}

async function loadAttempt(id: string) {
  const owner = await readQuizOwner();
  if (!owner) notFound();
  try {
    return { owner, attempt: await getAttemptView(owner, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function QuizAttemptPage({ params }: { params: Promise<{ id: string }> }) {
  // Validated as the attempt's API route validates it: a malformed id is a 404, never a query.
  const parsed = attemptParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { owner, attempt } = await loadAttempt(parsed.data.id);
  const finished = attempt.finishedAt !== null;
  const history = finished ? (await getQuizHistory(owner, attempt.quizKey)).groups : [];
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold" data-testid="quiz-title">
          {attempt.title}
        </h1>
        <Link href="/quizzes" className="text-sm text-accent-600 underline dark:text-accent-500">
          {(await getTranslations("pageErrors"))("allQuizzes")}
        </Link>
      </header>
      {finished || !attempt.current ? (
        <QuizResults attempt={attempt} history={history} />
      ) : (
        <QuizRunner
          key={attempt.id}
          attemptId={attempt.id}
          mode={attempt.mode}
          total={attempt.total}
          answered={attempt.answered}
          question={attempt.current}
        />
      )}
    </div>
  );
}
