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
        <FilterSelect id="cards-state" name="state" label={t("state")} value={query.state} options={[
          ["", t("any")], ["new", t("states.new")], ["learning", t("states.learning")], ["review", t("states.review")], ["relearning", t("states.relearning")],
        ]} />
        <FilterSelect id="cards-due" name="due" label={t("due")} value={query.due} options={[
          ["", t("anyTime")], ["overdue", t("overdue")], ["today", t("today")], ["week", t("week")], ["later", t("later")],
        ]} />
        <FilterSelect id="cards-flag" name="flag" label={t("flag")} value={query.flag === undefined ? undefined : String(query.flag)} options={[
          ["", t("any")], ...FLAG_STYLES.map((style) => [String(style.flag), flags(String(style.flag) as "0")] as const),
        ]} />
        <FilterSelect id="cards-suspended" name="suspended" label={t("suspended")} value={query.suspended} options={[
          ["", t("either")], ["yes", t("suspendedYes")], ["no", t("suspendedNo")],
        ]} />
        <FilterSelect id="cards-leech" name="leech" label={t("leech")} value={query.leech} options={[
          ["", t("either")], ["yes", t("leechYes")], ["no", t("leechNo")],
        ]} />
        <RangeFilter legend={t("difficulty")} from={t("from")} to={t("to")} bounds={{ min: 1, max: 10, step: 0.1 }}
          low={{ id: "cards-dmin", name: "dMin", label: t("difficultyFrom"), value: query.dMin }}
          high={{ id: "cards-dmax", name: "dMax", label: t("difficultyTo"), value: query.dMax }} />
        <RangeFilter legend={t("retrievability")} from={t("from")} to={t("to")} bounds={{ min: 0, max: 100 }}
          low={{ id: "cards-rmin", name: "rMin", label: t("retrievabilityFrom"), value: query.rMin }}
          high={{ id: "cards-rmax", name: "rMax", label: t("retrievabilityTo"), value: query.rMax }} />
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

/** One labelled select of the filter form; its test id is its id (`cards-state` …). */
function FilterSelect({ id, name, label: text, value, options }: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (readonly [value: string, text: string])[];
}) {
  return (
    <div>
      <label htmlFor={id} className={label}>{text}</label>
      <select id={id} name={name} defaultValue={value ?? ""} className={field} data-testid={id}>
        {options.map(([optionValue, optionText]) => (
          <option key={optionValue} value={optionValue}>{optionText}</option>
        ))}
      </select>
    </div>
  );
}

interface RangeEnd {
  id: string;
  name: string;
  label: string;
  value: number | undefined;
}

/** A from–to pair of number inputs under one legend; each end keeps a visually hidden label. */
function RangeFilter({ legend, from, to, bounds, low, high }: {
  legend: string;
  from: string;
  to: string;
  bounds: { min: number; max: number; step?: number };
  low: RangeEnd;
  high: RangeEnd;
}) {
  return (
    <fieldset className="min-w-0 sm:col-span-1 lg:col-span-2">
      <legend className={label}>{legend}</legend>
      <div className="flex gap-2">
        {[{ end: low, placeholder: from }, { end: high, placeholder: to }].map(({ end, placeholder }) => (
          <span key={end.id} className="contents">
            <label className="sr-only" htmlFor={end.id}>{end.label}</label>
            <input id={end.id} name={end.name} type="number" {...bounds} defaultValue={end.value ?? ""} placeholder={placeholder} className={field} data-testid={end.id} />
          </span>
        ))}
      </div>
    </fieldset>
  );
}
