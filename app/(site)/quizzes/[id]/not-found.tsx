import Link from "next/link";

export default function QuizNotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">No such quiz</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400" data-testid="quiz-not-found">
        This quiz does not exist, or it belongs to someone else.
      </p>
      <Link href="/quizzes" className="mt-6 inline-block rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
        All quizzes
      </Link>
    </div>
  );
}
