import { useTranslations } from "next-intl";
import type { SourceLink } from "@/app/lib/schemas/rendered-note";
import { AnswerSource } from "./answer-source";
import { RevealAnswer } from "./reveal-answer";

/** A card inside the note, answer hidden until asked for (as in Orbit's mnemonic medium). */
export function InlineCard({
  type,
  frontHtml,
  backHtml,
  source = null,
}: {
  type: string;
  frontHtml: string;
  backHtml: string;
  source?: SourceLink | null;
}) {
  const t = useTranslations("note");
  return (
    <aside
      data-testid="inline-card"
      aria-label={t("flashcard")}
      className="not-prose my-5 rounded-lg border border-accent-100 bg-accent-50/60 p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-500">
        {type === "cloze" ? t("fillGap") : t("recall")}
      </p>
      <div className="card-html" dangerouslySetInnerHTML={{ __html: frontHtml }} />
      <RevealAnswer>
        <div className="card-html" dangerouslySetInnerHTML={{ __html: backHtml }} />
        {source && <AnswerSource source={source} testId="inline-card-source" />}
      </RevealAnswer>
    </aside>
  );
}
