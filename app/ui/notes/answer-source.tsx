import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SourceLink } from "@/app/lib/schemas/rendered-note";

/**
 * "Source: Table 1" under an answer that is a number: the `[src: …]` marker of the note's
 * passage stating it, linking to that passage.
 */
export function AnswerSource({ source, testId }: { source: SourceLink; testId: string }) {
  const t = useTranslations("note");
  return (
    <p className="mt-2 text-sm text-slate-500 dark:text-slate-400" data-testid={testId}>
      <Link href={source.href} className="underline decoration-dotted underline-offset-2 hover:text-accent-600 dark:hover:text-accent-500">
        {t("source", { text: source.text })}
      </Link>
    </p>
  );
}
