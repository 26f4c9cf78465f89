import Link from "next/link";
import { useTranslations } from "next-intl";

/** A quiz question's prompt in the note; answering (and scoring) happens in the quiz. */
export function InlineQuestion({ slug, type, promptHtml }: { slug: string; type: string; promptHtml: string }) {
  const t = useTranslations("note");
  const types = useTranslations("questionType");
  const label = types.has(type as "single") ? types(type as "single") : type;
  return (
    <aside aria-label={t("quizQuestion")} className="my-5 rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("checkYourself", { type: label })}</p>
      <div className="card-html" dangerouslySetInnerHTML={{ __html: promptHtml }} />
      <Link href={`/quizzes/new?note=${slug}`} className="mt-2 inline-block text-sm text-accent-600 underline dark:text-accent-500">
        {t("answerInQuiz")}
      </Link>
    </aside>
  );
}
