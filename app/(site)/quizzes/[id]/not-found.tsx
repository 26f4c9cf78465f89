import Link from "next/link";
import { useTranslations } from "next-intl";

export default function QuizNotFound() {
  const t = useTranslations("pageErrors");
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("noQuiz")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400" data-testid="quiz-not-found">
        {t("noQuizBody")}
      </p>
      <Link href="/quizzes" className="mt-6 inline-block rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
        {t("allQuizzes")}
      </Link>
    </div>
  );
}
