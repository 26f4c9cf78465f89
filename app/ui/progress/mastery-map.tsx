import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { isLocale, notePath } from "@/app/lib/domain/i18n/locales";
import type { NoteMastery } from "@/app/lib/server/data/progress";
import { areaLabel, areaRank } from "@/app/lib/schemas/areas";

/** Tile colour by mastery; text colour keeps contrast on each step, in both themes. */
function tileClass(mastery: number | null): string {
  if (mastery === null) return "border-dashed border-slate-300 text-slate-500 dark:border-slate-700 dark:text-slate-400";
  if (mastery === 0) return "border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300";
  if (mastery < 0.3) return "border-rose-200 bg-rose-100 text-rose-950 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-100";
  if (mastery < 0.6) return "border-amber-200 bg-amber-100 text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100";
  if (mastery < 0.85) return "border-emerald-200 bg-emerald-100 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-900 dark:text-emerald-50";
  return "border-emerald-500 bg-emerald-500 text-white dark:border-emerald-400 dark:bg-emerald-600";
}


/** The notes grouped by area, each tile coloured by the user's mastery and linking to its note. */
export function MasteryMap({ notes }: { notes: NoteMastery[] }) {
  const t = useTranslations("masteryMap");
  const areaNames = useTranslations("areas");
  const locale = useLocale();
  const pct = (m: number | null) => (m === null ? t("noCards") : `${Math.round(m * 100)}%`);
  const areas = new Map<string, NoteMastery[]>();
  for (const note of notes) areas.set(note.area, [...(areas.get(note.area) ?? []), note]);
  const ordered = [...areas].sort(([a], [b]) => areaRank(a) - areaRank(b));
  return (
    <div className="space-y-5" data-testid="mastery-map">
      {ordered.map(([area, list]) => (
        <section key={area} aria-labelledby={`area-${area}`}>
          <h3 id={`area-${area}`} className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
            {areaNames.has(area as "concepts") ? areaNames(area as "concepts") : areaLabel(area)}
          </h3>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
            {list.map((note) => (
              <li key={note.slug}>
                <Link
                  href={notePath(isLocale(locale) ? locale : "en", note.slug)}
                  data-testid="mastery-tile"
                  data-mastery={note.mastery === null ? "" : note.mastery.toFixed(3)}
                  aria-label={t("tile", { title: note.short || note.title, mastery: pct(note.mastery), studied: note.studied, cards: note.cards })}
                  className={`block rounded-md border px-3 py-2 text-sm hover:ring-2 hover:ring-accent-500 ${tileClass(note.mastery)}`}
                >
                  <span className="block truncate font-medium">{note.short || note.title}</span>
                  <span className="text-xs opacity-90">{pct(note.mastery)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t("help")}
      </p>
    </div>
  );
}
