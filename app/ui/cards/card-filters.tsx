import Link from "next/link";
import { useTranslations } from "next-intl";
import { htmlLang, type Locale } from "@/app/lib/domain/i18n/locales";
import type { CardBrowserQuery } from "@/app/lib/schemas/cards-browser";
import { FLAG_STYLES } from "./flags";

const field =
  "mt-1 block w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
const label = "block text-xs font-medium text-slate-600 dark:text-slate-300";

/**
 * The browser's search and filters: a plain GET form, so the filtered list is an address
 * (bookmarkable, back-button friendly) and works before the page's script has loaded.
 */
export function CardFilters({ query, notes }: { query: CardBrowserQuery; notes: { slug: string; title: string; titleIn: Locale }[] }) {
  const t = useTranslations("cards.filters");
  const flags = useTranslations("flags");
  return (
    <form method="get" action="/cards" role="search" aria-label={t("label")} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="card-filters">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
        <div className="sm:col-span-2">
          <label htmlFor="cards-q" className={label}>{t("search")}</label>
          <input id="cards-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("searchExample")} className={field} data-testid="cards-search" />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="cards-note" className={label}>{t("note")}</label>
          <select id="cards-note" name="note" defaultValue={query.note ?? ""} className={field} data-testid="cards-note">
            <option value="">{t("everyNote")}</option>
            {notes.map((note) => (
              <option key={note.slug} value={note.slug} lang={htmlLang(note.titleIn)}>{note.title}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="cards-state" className={label}>{t("state")}</label>
          <select id="cards-state" name="state" defaultValue={query.state ?? ""} className={field} data-testid="cards-state">
            <option value="">{t("any")}</option>
            <option value="new">{t("states.new")}</option>
            <option value="learning">{t("states.learning")}</option>
            <option value="review">{t("states.review")}</option>
            <option value="relearning">{t("states.relearning")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="cards-due" className={label}>{t("due")}</label>
          <select id="cards-due" name="due" defaultValue={query.due ?? ""} className={field} data-testid="cards-due">
            <option value="">{t("anyTime")}</option>
            <option value="overdue">{t("overdue")}</option>
            <option value="today">{t("today")}</option>
            <option value="week">{t("week")}</option>
            <option value="later">{t("later")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="cards-flag" className={label}>{t("flag")}</label>
          <select id="cards-flag" name="flag" defaultValue={query.flag === undefined ? "" : String(query.flag)} className={field} data-testid="cards-flag">
            <option value="">{t("any")}</option>
            {FLAG_STYLES.map((style) => (
              <option key={style.flag} value={style.flag}>{flags(String(style.flag) as "0")}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="cards-suspended" className={label}>{t("suspended")}</label>
          <select id="cards-suspended" name="suspended" defaultValue={query.suspended ?? ""} className={field} data-testid="cards-suspended">
            <option value="">{t("either")}</option>
            <option value="yes">{t("suspendedYes")}</option>
            <option value="no">{t("suspendedNo")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="cards-leech" className={label}>{t("leech")}</label>
          <select id="cards-leech" name="leech" defaultValue={query.leech ?? ""} className={field} data-testid="cards-leech">
            <option value="">{t("either")}</option>
            <option value="yes">{t("leechYes")}</option>
            <option value="no">{t("leechNo")}</option>
          </select>
        </div>
        <fieldset className="min-w-0 sm:col-span-1 lg:col-span-2">
          <legend className={label}>{t("difficulty")}</legend>
          <div className="flex gap-2">
            <label className="sr-only" htmlFor="cards-dmin">{t("difficultyFrom")}</label>
            <input id="cards-dmin" name="dMin" type="number" min={1} max={10} step={0.1} defaultValue={query.dMin ?? ""} placeholder={t("from")} className={field} />
            <label className="sr-only" htmlFor="cards-dmax">{t("difficultyTo")}</label>
            <input id="cards-dmax" name="dMax" type="number" min={1} max={10} step={0.1} defaultValue={query.dMax ?? ""} placeholder={t("to")} className={field} />
          </div>
        </fieldset>
        <fieldset className="min-w-0 sm:col-span-1 lg:col-span-2">
          <legend className={label}>{t("retrievability")}</legend>
          <div className="flex gap-2">
            <label className="sr-only" htmlFor="cards-rmin">{t("retrievabilityFrom")}</label>
            <input id="cards-rmin" name="rMin" type="number" min={0} max={100} defaultValue={query.rMin ?? ""} placeholder={t("from")} className={field} data-testid="cards-rmin" />
            <label className="sr-only" htmlFor="cards-rmax">{t("retrievabilityTo")}</label>
            <input id="cards-rmax" name="rMax" type="number" min={0} max={100} defaultValue={query.rMax ?? ""} placeholder={t("to")} className={field} data-testid="cards-rmax" />
          </div>
        </fieldset>
      </div>
      <div className="mt-3 flex items-center gap-3">
        <button type="submit" className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700" data-testid="cards-apply">
          {t("find")}
        </button>
        <Link href="/cards" className="text-sm text-accent-600 underline dark:text-accent-100">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
