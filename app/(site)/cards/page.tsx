import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { htmlLang } from "@/app/lib/domain/i18n/locales";
import Link from "next/link";
import { cardBrowserHref, parseCardBrowserQuery, type CardSort } from "@/app/lib/schemas/cards-browser";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { browsableNotes, browseCards, getCardDetail } from "@/app/lib/server/data/card-browser";
import { getUserSettings } from "@/app/lib/server/data/settings";
import { CardDetailPanel } from "@/app/ui/cards/card-detail";
import { CardFilters } from "@/app/ui/cards/card-filters";
import { CardTable, type SortHeader } from "@/app/ui/cards/card-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cards"))("title") };
}

const COLUMNS: CardSort[] = ["front", "note", "state", "due", "difficulty", "retrievability", "lapses"];

/** /cards: every card the user can study, with their state, searchable and filterable (Anki's browser). */
export default async function CardsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/cards");
  const query = parseCardBrowserQuery(await searchParams);
  const [t, locale] = await Promise.all([getTranslations("cards"), getLocale()]);
  const now = new Date();
  const [page, notes, detail, settings] = await Promise.all([
    browseCards(user.id, query, now, locale),
    browsableNotes(user.id, locale),
    query.card ? getCardDetail(user.id, query.card, now, locale) : Promise.resolve(null),
    getUserSettings(user.id),
  ]);
  const headers: SortHeader[] = COLUMNS.map((key) => {
    const label = t(`columns.${key}`);
    const current = query.sort === key;
    const next = current && query.dir === "asc" ? "desc" : "asc";
    return {
      key,
      label,
      href: cardBrowserHref(query, { sort: key, dir: next, page: undefined }),
      sort: current ? (query.dir === "asc" ? "ascending" : "descending") : "none",
    };
  });
  const filtered = Boolean(
    query.q || query.note || query.state || query.due || query.flag !== undefined || query.suspended || query.leech ||
      query.dMin !== undefined || query.dMax !== undefined || query.rMin !== undefined || query.rMax !== undefined,
  );
  return (
    <div className="mx-auto max-w-7xl space-y-4" data-testid="cards-page">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="cards-total" aria-live="polite">
          {t("total", { count: page.total, filtered: filtered ? "yes" : "no" })} {t("intro")}
        </p>
      </header>
      <CardFilters query={query} notes={notes} />
      <div className={`grid grid-cols-1 gap-4 ${detail ? "lg:grid-cols-[minmax(0,1fr)_24rem]" : ""}`}>
        {page.cards.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600 dark:border-slate-700 dark:text-slate-300" data-testid="cards-empty">
            {filtered ? t("noMatch") : t("none")}{" "}
            {filtered && (
              <Link href="/cards" className="text-accent-600 underline dark:text-accent-100">
                {t("clearFilters")}
              </Link>
            )}
          </p>
        ) : (
          <CardTable
            rows={page.cards.map((card) => ({
              cardId: card.cardId,
              front: card.front,
              frontLang: htmlLang(card.frontIn),
              noteTitle: card.noteTitle,
              noteTitleLang: htmlLang(card.noteTitleIn),
              noteSlug: card.noteSlug,
              state: card.state,
              due: card.due?.toISOString() ?? null,
              difficulty: card.difficulty,
              retrievability: card.retrievability,
              lapses: card.lapses,
              suspended: card.suspended,
              buried: card.buried,
              flag: card.flag,
              leech: card.leech,
              detailHref: cardBrowserHref(query, { card: card.cardId }),
            }))}
            headers={headers}
            openCardId={detail?.cardId ?? null}
          />
        )}
        {detail && (
          <CardDetailPanel
            detail={detail}
            timeZone={settings.timeZone}
            desiredRetention={settings.desiredRetention}
            closeHref={cardBrowserHref(query, { card: undefined })}
          />
        )}
        {query.card && !detail && (
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="card-detail-missing">
            {t("gone")}
          </p>
        )}
      </div>
      {page.pages > 1 && (
        <nav aria-label={t("pages")} className="flex items-center justify-between text-sm" data-testid="cards-pages">
          {page.page > 1 ? (
            <Link href={cardBrowserHref(query, { page: page.page - 1, card: undefined })} className="underline" rel="prev">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>
            {t("pageOf", { page: page.page, pages: page.pages })}
          </span>
          {page.page < page.pages ? (
            <Link href={cardBrowserHref(query, { page: page.page + 1, card: undefined })} className="underline" rel="next" data-testid="cards-next">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}
