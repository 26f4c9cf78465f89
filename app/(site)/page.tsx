import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getSessionUser } from "@/app/lib/server/auth/session";
import type { NoteArea } from "@/app/lib/schemas/areas";
import { AREAS, libraryFilterSchema, listLibrary, listTags } from "@/app/lib/server/data/papers";
import { masteryByPaper } from "@/app/lib/server/data/mastery";
import { getUserSettings } from "@/app/lib/server/data/settings";
import { studySetSlugs } from "@/app/lib/server/data/study-set";
import { LibraryFilters } from "@/app/ui/library/library-filters";
import { NoteTile } from "@/app/ui/library/note-tile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("library"))("title") };
}

export default async function LibraryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  // A hand-made URL (a NUL byte, an unknown area, a huge query) shows the unfiltered library
  // rather than an error: PostgreSQL cannot hold NUL in text, so it never reaches the query.
  const text = (value: unknown) => (typeof value === "string" ? value.replaceAll("\u0000", "") : undefined);
  const q = text(raw.q);
  const parsed = libraryFilterSchema.safeParse({ area: text(raw.area), tag: text(raw.tag), q: q?.trim() ? q : undefined, owner: text(raw.owner) });
  const filter = parsed.success ? parsed.data : libraryFilterSchema.parse({});
  // The reader's own notes join the corpus (issue 17): the session comes first. The tag list
  // offers the chosen area's tags only: a tag of another area would find nothing.
  const [t, areaNames, locale, user] = await Promise.all([getTranslations("library"), getTranslations("areas"), getLocale(), getSessionUser()]);
  const [entries, tags] = await Promise.all([listLibrary(filter, user?.id ?? null, locale), listTags(user?.id ?? null, filter.area)]);
  const [mastery, studySet, settings] = user
    ? await Promise.all([masteryByPaper(user.id, new Date()), studySetSlugs(user.id), getUserSettings(user.id)])
    : [null, null, null];
  const tile = (e: (typeof entries)[number]) => (
    <NoteTile key={e.id} entry={e} mastery={mastery?.get(e.id) ?? null} inStudySet={studySet ? studySet.has(e.slug) : null} />
  );
  const areas = AREAS.filter((a) => entries.some((e) => e.area === a.id)).map((a) => ({ id: a.id, label: areaNames(a.id) }));
  const areaOn = filter.area ? (AREAS.find((a) => a.id === filter.area) ? areaNames(filter.area as NoteArea) : filter.area) : null;
  const filtersOn = areaOn || filter.tag ? t("filtersOn", { area: areaOn ?? "none", tag: filter.tag ?? "none" }) : null;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="max-w-2xl text-slate-600 dark:text-slate-400">
          {t("intro")}
        </p>
      </header>
      {settings?.studyAll && (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="study-all-hint">
          {t.rich("studyAllHint", {
            link: (chunks) => (
              <Link href="/settings" className="text-accent-600 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      <LibraryFilters areas={AREAS.map((a) => ({ id: a.id, label: areaNames(a.id) }))} tags={tags} current={filter} />
      {user && (
        <p className="text-sm" data-testid="library-owner-filter">
          {filter.owner === "mine" ? (
            <Link href="/" className="text-accent-600 underline dark:text-accent-500">{t("showEvery")}</Link>
          ) : (
            <Link href="/?owner=mine" className="text-accent-600 underline dark:text-accent-500">{t("onlyMine")}</Link>
          )}
          {" · "}
          <Link href="/notes/new" className="text-accent-600 underline dark:text-accent-500">{t("writeNote")}</Link>
        </p>
      )}
      {entries.length === 0 ? (
        <p data-testid="library-empty" className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {filter.q ? t("noMatchQuery", { q: filter.q }) : t("noMatchFilters")}{" "}
          {filter.q && filtersOn ? (
            // A search inside an area (or tag) that finds nothing may find something elsewhere.
            <span data-testid="search-filters-on">
              {filtersOn}{" "}
              <Link href={`/?${new URLSearchParams({ q: filter.q })}`} className="text-accent-600 underline" data-testid="search-everywhere">
                {t("searchEverywhere", { q: filter.q })}
              </Link>
            </span>
          ) : (
            <Link href="/" className="text-accent-600 underline">{t("showAll")}</Link>
          )}
        </p>
      ) : filter.q ? (
        <section aria-label={t("results")}>
          <p className="mb-3 text-sm text-slate-500" data-testid="search-count">
            {t("matchCount", { count: entries.length, q: filter.q })}
          </p>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {entries.map(tile)}
          </ul>
        </section>
      ) : (
        areas.map((area) => (
          <section key={area.id} aria-labelledby={`area-${area.id}`}>
            <h2 id={`area-${area.id}`} className="mb-3 text-xl font-semibold">{area.label}</h2>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {entries
                .filter((e) => e.area === area.id)
                .map(tile)}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
