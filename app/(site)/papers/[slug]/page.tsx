import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import "katex/dist/katex.min.css";
import { getNotePage, type NoteLink } from "@/app/lib/server/data/note-page";
import { AuthorList } from "@/app/ui/notes/author-list";
import { InlineCard } from "@/app/ui/notes/inline-card";
import { InlineQuestion } from "@/app/ui/notes/inline-question";
import { NoteUserPanel } from "@/app/ui/notes/note-user-panel";
import { BackToTop, TableOfContents } from "@/app/ui/notes/table-of-contents";
import { WidgetSlot } from "@/app/ui/widgets/widget-slot";

/**
 * A note. Statically rendered: each note on its first request (a build needs no database),
 * then served from Next's cache and re-rendered at most once a minute, so a content sync shows
 * within a minute. The page is the same for everyone; what depends on the reader (the account
 * corner, their mastery and study-set button) is filled in by client components.
 */
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Params = { params: Promise<{ slug: string }> };

/** The note, or null for a slug no note can have (a NUL byte, which PostgreSQL cannot hold; a huge one). */
const noteFor = cache(async (slug: string) => (/^[a-z0-9-]{1,120}$/.test(slug) ? getNotePage(slug) : null));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const note = await noteFor((await params).slug);
  return note ? { title: note.short, description: note.summary } : { title: "Not found" };
}

const linkClass = "text-accent-600 hover:underline dark:text-accent-500";

function NoteLinks({ title, notes }: { title: string; notes: NoteLink[] }) {
  if (notes.length === 0) return null;
  return (
    <section>
      <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <ul className="space-y-1 text-sm">
        {notes.map((p) => (
          <li key={p.slug}>
            <Link href={`/papers/${p.slug}`} className={linkClass}>{p.short}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function NotePage({ params }: Params) {
  const { slug } = await params;
  const note = await noteFor(slug);
  // A reader's own note (issue 17, slugs `my-…`) has its page at /notes/[id], for its owner only:
  // the redirect is the same for everyone, so this page still never reads the session.
  if (!note && /^my-[a-z0-9-]{1,80}$/.test(slug)) redirect(`/notes/by-slug/${slug}`);
  if (!note) notFound();
  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-10">
      <article className="min-w-0">
        <header id="note-top" className="mb-6 scroll-mt-20 border-b border-slate-200 pb-6 dark:border-slate-800">
          <p className="text-sm text-slate-500 dark:text-slate-400">
            <Link href={`/?area=${note.area}`} className="hover:underline">{note.areaLabel}</Link>
            {" · "}
            {note.kind === "concept" ? "Concept" : "Paper"}
            {note.venue ? ` · ${note.venue}` : note.year ? ` · ${note.year}` : ""}
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{note.short}</h1>
          {note.title !== note.short && <p className="mt-1 text-lg text-slate-700 dark:text-slate-300">{note.title}</p>}
          <AuthorList authors={note.authors} className="mt-2 text-sm text-slate-600 dark:text-slate-400" />
          <p className="mt-3 text-slate-700 dark:text-slate-300">{note.summary}</p>
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
            {note.link && (
              <a href={note.link} className="text-accent-600 underline dark:text-accent-500" rel="noopener noreferrer">
                Read the paper
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
          <summary className="cursor-pointer text-sm font-medium">Contents</summary>
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
                return <WidgetSlot key={i} name={segment.name} caption={segment.caption} />;
            }
          })}
        </div>
      </article>

      <aside className="mt-10 space-y-8 lg:mt-0" aria-label="About this note">
        <NoteUserPanel slug={note.slug} cardCount={note.cardCount} questionCount={note.questionCount} />
        <nav aria-label="Contents" data-testid="toc-sidebar" className="hidden lg:sticky lg:top-20 lg:block lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto">
          <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Contents</h2>
          <TableOfContents entries={note.toc} />
          <BackToTop />
        </nav>
        <NoteLinks title="Read first" notes={note.prerequisites} />
        <NoteLinks title="Builds on this" notes={note.dependents} />
      </aside>
    </div>
  );
}
