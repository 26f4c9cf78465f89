import { useTranslations } from "next-intl";
import { typedAnswerMatches } from "@/app/lib/domain/quiz/typed-answer";

/** What was typed against the answer, judged by the quiz's short-answer rules. */
export function TypedResult({ given, expected }: { given: string; expected: string }) {
  const rc = useTranslations("reviewControls");
  const correct = typedAnswerMatches(given, expected);
  return (
    <p
      data-testid="typed-result"
      data-correct={correct}
      className={`mt-3 rounded-md px-3 py-2 text-sm ${correct ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200"}`}
    >
      {correct
        ? rc("typedRight", { given: given.trim() })
        : given.trim()
          ? rc("typedWrong", { given: given.trim(), expected })
          : rc("typedNothing", { expected })}
    </p>
  );
}
