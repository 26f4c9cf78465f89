import Link from "next/link";
import { useTranslations } from "next-intl";

interface Props {
  areas: { id: string; label: string }[];
  tags: string[];
  current: { area?: string; tag?: string; q?: string };
}

function href(params: { area?: string; tag?: string; q?: string }) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const s = search.toString();
  return s ? `/?${s}` : "/";
}

/** Plain links and a GET form: filters and search work without JavaScript and can be shared. */
export function LibraryFilters({ areas, tags, current }: Props) {
  const t = useTranslations("library");
  const chip = (active: boolean) =>
    `rounded-full px-3 py-1 text-sm ${active ? "bg-accent-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-300"}`;
  return (
    <div className="space-y-3">
      <form role="search" action="/" method="get" className="flex gap-2">
        <label htmlFor="library-search" className="sr-only">{t("searchLabel")}</label>
        <input
          id="library-search"
          name="q"
          type="search"
          defaultValue={current.q ?? ""}
          placeholder={t("searchPlaceholder")}
          className="w-full max-w-xl rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
        />
        {current.area && <input type="hidden" name="area" value={current.area} />}
        {current.tag && <input type="hidden" name="tag" value={current.tag} />}
        <button type="submit" className="rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">{t("search")}</button>
      </form>
      <nav aria-label={t("filterArea")} className="flex flex-wrap gap-2">
        <Link href={href({ tag: current.tag, q: current.q })} className={chip(!current.area)} aria-current={!current.area ? "true" : undefined}>
          {t("allAreas")}
        </Link>
        {areas.map((a) => (
          <Link key={a.id} href={href({ area: a.id, tag: current.tag, q: current.q })} className={chip(current.area === a.id)} aria-current={current.area === a.id ? "true" : undefined}>
            {a.label}
          </Link>
        ))}
      </nav>
      <details open={Boolean(current.tag)}>
        <summary className="cursor-pointer text-sm text-slate-600 dark:text-slate-400">
          {t("filterTag")}{current.tag ? `: #${current.tag}` : ""}
        </summary>
        <div className="mt-2 flex flex-wrap gap-1.5">
          {current.tag && (
            <Link href={href({ area: current.area, q: current.q })} className={chip(false)}>{t("anyTag")}</Link>
          )}
          {tags.map((tag) => (
            <Link key={tag} href={href({ area: current.area, tag, q: current.q })} className={chip(current.tag === tag)}>
              #{tag}
            </Link>
          ))}
        </div>
      </details>
    </div>
  );
}
