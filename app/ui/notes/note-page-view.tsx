import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notePath, type Locale } from "@/app/lib/domain/i18n/locales";
import type { NoteLink, NotePage } from "@/app/lib/server/data/note-page";
import { AuthorList } from "@/app/ui/notes/author-list";
import { InlineCard } from "@/app/ui/notes/inline-card";
import { InlineQuestion } from "@/app/ui/notes/inline-question";
import { NoteUserPanel } from "@/app/ui/notes/note-user-panel";
import { BackToTop, TableOfContents } from "@/app/ui/notes/table-of-contents";
import { WidgetMessages } from "@/app/ui/widgets/widget-messages";
import { WidgetSlot } from "@/app/ui/widgets/widget-slot";

/**
 * hreflang alternates of a note: its English and (when it has one) Chinese URL, English the
 * default. Both language pages list both, so each points at the other.
 */
export function noteAlternates(note: Pick<NotePage, "slug" | "locale" | "hasChinese">): Metadata["alternates"] {
  const en = notePath("en", note.slug);
  return {
    canonical: notePath(note.locale, note.slug),
    languages: note.hasChinese ? { en, "zh-CN": notePath("zh-CN", note.slug), "x-default": en } : { en, "x-default": en },
  };
}

/** A note page's title and description, in the language it is shown in. */
export async function noteMetadata(note: NotePage | null, locale: Locale): Promise<Metadata> {
  if (!note) return { title: (await getTranslations({ locale, namespace: "meta" }))("notFound") };
  return { title: note.short, description: note.summary, alternates: noteAlternates({ ...note, locale }) };
}

const linkClass = "text-accent-600 hover:underline dark:text-accent-500";

function NoteLinks({ title, notes, locale }: { title: string; notes: NoteLink[]; locale: Locale }) {
  if (notes.length === 0) return null;
  return (
    <section>
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <ul className="space-y-1 text-sm">
        {notes.map((p) => (
          <li key={p.slug}>
            <Link href={notePath(locale, p.slug)} className={linkClass}>{p.short}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A note, the same markup for /papers/<slug> and /zh/papers/<slug>: `note` holds the words of
 * one language (getNotePage), the chrome comes from that language's catalogue. Reads nothing
 * of the reader: both pages are rendered once for everyone.
 */
export async function NotePageView({ note, locale }: { note: NotePage; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "note" });
  const areas = await getTranslations({ locale, namespace: "areas" });
  const other: Locale = locale === "zh-CN" ? "en" : "zh-CN";
  const areaLabel = (areas.has(note.area as "concepts") ? areas(note.area as "concepts") : null) ?? note.areaLabel;
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-10">
      {/* A Chinese URL of a note with no Chinese edition yet shows its English words. */}
      <article className="min-w-0" lang={note.locale !== locale ? note.locale : undefined}>
        <header id="note-top" className="mb-6 scroll-mt-20 border-b border-slate-200 pb-6 dark:border-slate-800">
          <p className="text-sm text-slate-500 dark:text-slate-400">
            <Link href={`/?area=${note.area}`} className="hover:underline">{areaLabel}</Link>
            {" · "}
            {note.kind === "concept" ? t("concept") : t("paper")}
            {note.venue ? ` · ${note.venue}` : note.year ? ` · ${note.year}` : ""}
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{note.short}</h1>
          {note.title !== note.short && <p className="mt-1 text-lg text-slate-700 dark:text-slate-300">{note.title}</p>}
          <AuthorList authors={note.authors} className="mt-2 text-sm text-slate-600 dark:text-slate-400" />
          <p className="mt-3 text-slate-700 dark:text-slate-300">{note.summary}</p>
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            {note.link && (
              <a href={note.link} className="text-accent-600 underline dark:text-accent-500" rel="noopener noreferrer">
                {t("readPaper")}
              </a>
            )}
            {(note.hasChinese || locale !== "en") && (
              <a href={notePath(other, note.slug)} hrefLang={other} lang={other} data-testid="note-other-language" className="text-accent-600 underline dark:text-accent-500">
                {t("otherLanguage")}
              </a>
            )}
            {note.tags.map((tag) => (
              <Link key={tag} href={`/?tag=${tag}`} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-300">
                #{tag}
              </Link>
            ))}
          </div>
        </header>

        {/* On a phone the contents stay at hand under the site header while the note scrolls. */}
        <details
          data-testid="toc-mobile"
          className="sticky top-14 z-30 mb-6 max-h-[70dvh] overflow-y-auto rounded-md border border-slate-200 bg-white/95 p-3 backdrop-blur lg:hidden dark:border-slate-800 dark:bg-slate-950/95"
        >
          <summary className="cursor-pointer text-sm font-medium">{t("contents")}</summary>
          <TableOfContents entries={note.toc} />
          <BackToTop />
        </details>

        <div className="note-prose" data-testid="note-body">
          {note.segments.map((segment, i) => {
            switch (segment.kind) {
              case "html":
                return <div key={i} dangerouslySetInnerHTML={{ __html: segment.html }} />;
              case "card":
                return (
                  <InlineCard key={i} type={segment.type} frontHtml={segment.frontHtml} backHtml={segment.backHtml} source={segment.source} />
                );
              case "quiz":
                return <InlineQuestion key={i} slug={note.slug} type={segment.type} promptHtml={segment.promptHtml} />;
              case "widget":
                return (
                  <WidgetMessages key={i} name={segment.name} locale={locale}>
                    <WidgetSlot name={segment.name} caption={segment.caption} />
                  </WidgetMessages>
                );
            }
          })}
        </div>
      </article>

      <aside className="mt-10 space-y-8 lg:mt-0" aria-label={t("about")}>
        {/* The counts (a plural message) are formatted here: the same for every reader, and a guest's
            page then formats no message with arguments in the browser, whose first one costs
            70–400 ms of locale set-up at 4× CPU (IntlMessageFormat.resolveLocale). */}
        <NoteUserPanel slug={note.slug} counts={t("counts", { cards: note.cardCount, questions: note.questionCount })} />
        <nav aria-label={t("contents")} data-testid="toc-sidebar" className="hidden lg:sticky lg:top-20 lg:block lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto">
          <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{t("contents")}</h2>
          <TableOfContents entries={note.toc} />
          <BackToTop />
        </nav>
        <NoteLinks title={t("readFirst")} notes={note.prerequisites} locale={locale} />
        <NoteLinks title={t("buildsOn")} notes={note.dependents} locale={locale} />
      </aside>
    </div>
  );
}
