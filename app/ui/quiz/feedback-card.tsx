import { useTranslations } from "next-intl";
import type { PartialOrderFeedback, QuestionFeedback } from "@/app/lib/server/data/quiz-questions";
import { AnswerSource } from "@/app/ui/notes/answer-source";

function Html({ html, className }: { html: string; className?: string }) {
  // Rendered on the server from the notes' markdown (or escaped user text): safe to inject.
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

function Answer({ label, parts, ordered, testId }: { label: string; parts: string[]; ordered: boolean; testId: string }) {
  const t = useTranslations("quizFeedback");
  return (
    <div data-testid={testId}>
      <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</span>
      {parts.length === 0 ? (
        <p className="italic text-slate-500">{t("noAnswer")}</p>
      ) : parts.length === 1 ? (
        <p>
          <Html html={parts[0] ?? ""} />
        </p>
      ) : ordered ? (
        <ol className="list-decimal pl-6">
          {parts.map((part, i) => (
            <li key={i}>
              <Html html={part} />
            </li>
          ))}
        </ol>
      ) : (
        <ul className="list-disc pl-6">
          {parts.map((part, i) => (
            <li key={i}>
              <Html html={part} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A partial-order question: the scored pairs, kept or broken, and what may come in either order. */
function PartialOrder({ feedback }: { feedback: PartialOrderFeedback }) {
  const t = useTranslations("quizFeedback");
  return (
    <div className="space-y-2 text-sm" data-testid="quiz-partial-order">
      <div>
        <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("scored")}</span>
        <ul className="pl-1">
          {feedback.pairs.map((pair, i) => (
            <li key={i} data-kept={pair.kept}>
              <span className={pair.kept ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
                {pair.kept ? "✓ " : t("broken")}
              </span>
              {t.rich("before", { a: () => <Html html={pair.before} />, b: () => <Html html={pair.after} /> })}
            </li>
          ))}
        </ul>
      </div>
      {feedback.either.length > 0 && (
        <div>
          <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("either")}</span>
          <ul className="list-disc pl-6">
            {feedback.either.map((pair, i) => (
              <li key={i}>
                {t.rich("and", { a: () => <Html html={pair.first} />, b: () => <Html html={pair.second} /> })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** One answered question: right or wrong, both answers, the explanation and the passage. */
export function FeedbackCard({ feedback, showPrompt = false }: { feedback: QuestionFeedback; showPrompt?: boolean }) {
  const t = useTranslations("quizFeedback");
  const verdict = feedback.correct ? t("right") : feedback.score > 0 ? t("partly", { percent: Math.round(feedback.score * 100) }) : t("wrong");
  const tone = feedback.correct
    ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40"
    : feedback.score > 0
      ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40"
      : "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40";
  const ordered = feedback.type === "ordering";
  return (
    <article className={`space-y-3 rounded-lg border p-4 ${tone}`} data-testid="quiz-feedback" data-correct={feedback.correct}>
      {showPrompt && (
        <div className="card-html text-slate-900 dark:text-slate-100">
          <span className="text-xs text-slate-500">{t("question", { position: feedback.position + 1 })}</span>
          <div dangerouslySetInnerHTML={{ __html: feedback.promptHtml }} />
        </div>
      )}
      <p className="font-semibold" data-testid="quiz-verdict">
        {feedback.correct ? "✓ " : "✗ "}
        {verdict}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Answer label={t("yours")} parts={feedback.yours} ordered={ordered} testId="quiz-your-answer" />
        <Answer
          label={feedback.partialOrder ? t("rightOrder") : t("rightAnswer")}
          parts={feedback.right}
          ordered={ordered}
          testId="quiz-right-answer"
        />
      </div>
      {feedback.partialOrder && <PartialOrder feedback={feedback.partialOrder} />}
      {feedback.source && <AnswerSource source={feedback.source} testId="quiz-answer-source" />}
      {feedback.alsoAccepted.length > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t("alsoAccepted")} <Html html={feedback.alsoAccepted.join(", ")} />
        </p>
      )}
      <div className="card-html text-sm leading-6" data-testid="quiz-explanation" dangerouslySetInnerHTML={{ __html: feedback.explanationHtml }} />
      <a href={feedback.passageHref} className="inline-block text-sm text-accent-600 underline dark:text-accent-500" data-testid="quiz-passage-link">
        {t("passage", { note: feedback.noteShort })}
      </a>
    </article>
  );
}
