/**
 * A paper's authors: all of them up to `limit`, else the first `limit` and "et al." with a
 * native disclosure that shows the full list (Codex has 58). Server markup, no client code:
 * `<details>` opens by itself and tells assistive technology whether it is open. While it is open the short line is hidden (globals.css, `.author-list`).
 * The note page shows up to 10; a list view should pass `limit={3}`.
 */
import { useTranslations } from "next-intl";

export function AuthorList({ authors, limit = 10, className = "" }: { authors: readonly string[]; limit?: number; className?: string }) {
  const t = useTranslations("note");
  if (authors.length === 0) return null;
  if (authors.length <= limit) {
    return (
      <p className={className || undefined} data-testid="author-list">
        {authors.join(", ")}
      </p>
    );
  }
  return (
    <div className={`author-list ${className}`.trim()} data-testid="author-list">
      <p className="author-list-short">
        {authors.slice(0, limit).join(", ")}, <i>{t("etAl")}</i>
      </p>
      <details className="group">
        <summary className="w-fit cursor-pointer text-accent-600 underline dark:text-accent-500">
          <span className="group-open:hidden">{t("showAllAuthors", { count: authors.length })}</span>
          <span className="hidden group-open:inline">{t("showFirstAuthors", { count: limit })}</span>
        </summary>
        <p className="mt-1" data-testid="author-list-all">
          {authors.join(", ")}
        </p>
      </details>
    </div>
  );
}
