import { typedAnswerMatches } from "@/app/lib/domain/quiz/typed-answer";

/** What was typed against the answer, judged by the quiz's short-answer rules. */
export function TypedResult({ given, expected }: { given: string; expected: string }) {
  const correct = typedAnswerMatches(given, expected);
  return (
    <p
      data-testid="typed-result"
      data-correct={correct}
      className={`mt-3 rounded-md px-3 py-2 text-sm ${correct ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200"}`}
    >
      {correct ? (
        <>✓ You typed “{given.trim()}”: that is the answer.</>
      ) : (
        <>
          ✗ You typed “{given.trim() || "nothing"}”; the answer is “{expected}”.
        </>
      )}
    </p>
  );
}
