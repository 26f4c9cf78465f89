import { useTranslations } from "next-intl";
import type { TocEntry } from "@/app/lib/domain/content/render-note";

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <ol className="space-y-1 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className={entry.depth === 3 ? "pl-3" : ""}>
          <a
            href={`#${entry.id}`}
            className="text-slate-600 hover:text-accent-600 dark:text-slate-400 dark:hover:text-accent-500"
            dangerouslySetInnerHTML={{ __html: entry.html }}
          />
        </li>
      ))}
    </ol>
  );
}

/** A link back to the note's title, under the contents (which stay on screen as the note scrolls). */
export function BackToTop() {
  const t = useTranslations("note");
  return (
    <a href="#note-top" data-testid="back-to-top" className="mt-3 inline-block text-sm text-accent-600 underline dark:text-accent-500">
      {t("backToTop")}
    </a>
  );
}
