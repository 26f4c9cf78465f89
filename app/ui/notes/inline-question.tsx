import Link from "next/link";

const TYPE_LABEL: Record<string, string> = {
  single: "Single choice",
  multiple: "Multiple choice",
  truefalse: "True or false",
  short: "Short answer",
  numeric: "Numeric",
  ordering: "Ordering",
};

/** A quiz question's prompt in the note; answering (and scoring) happens in the quiz. */
export function InlineQuestion({ slug, type, promptHtml }: { slug: string; type: string; promptHtml: string }) {
  return (
    <aside aria-label="Quiz question" className="my-5 rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Check yourself · {TYPE_LABEL[type] ?? type}</p>
      <div className="card-html" dangerouslySetInnerHTML={{ __html: promptHtml }} />
      <Link href={`/quizzes/new?note=${slug}`} className="mt-2 inline-block text-sm text-accent-600 underline dark:text-accent-500">
        Answer it in this note&apos;s quiz
      </Link>
    </aside>
  );
}
