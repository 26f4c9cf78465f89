import type { GetStaticPaths, GetStaticProps, InferGetStaticPropsType, PageConfig } from "next";
import Head from "next/head";
import Link from "next/link";
import { getNotePage, type NotePage as Note } from "@/app/lib/server/data/note-page";
import { pageTitle } from "@/app/ui/shell/site-meta";
import { AuthorList } from "@/app/ui/notes/author-list";
import { InlineCard } from "@/app/ui/notes/inline-card";
import { InlineQuestion } from "@/app/ui/notes/inline-question";
import { NoteUserPanel } from "@/app/ui/notes/note-user-panel";
import { TableOfContents } from "@/app/ui/notes/table-of-contents";
import { WidgetFrame } from "@/app/ui/widgets/widget-frame";

/**
 * A note. Served by the Pages Router because it can leave out the Next and React runtime
 * (~134 KB gzipped, more than the page's whole budget): the page is server markup, and
 * public/islands/note.js (loaded by pages/_document.tsx) adds the interactive parts.
 */
export const config: PageConfig = { unstable_runtimeJS: false };

// Rendered once per note on first request, then served statically; re-rendered at most once a
// minute, so a content sync shows within a minute (as the App Router page's `revalidate` did).
const REVALIDATE_SECONDS = 60;

export const getStaticPaths: GetStaticPaths = () => Promise.resolve({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<{ note: Note }, { slug: string }> = async ({ params }) => {
  // A slug no note can have (a NUL byte, which PostgreSQL cannot hold; a huge one) is a 404.
  const slug = params && /^[a-z0-9-]{1,120}$/.test(params.slug) ? params.slug : null;
  const note = slug ? await getNotePage(slug) : null;
  // An unknown slug is re-checked as well: a note added by a later sync then appears.
  if (!note) return { notFound: true, revalidate: REVALIDATE_SECONDS };
  return { props: { note }, revalidate: REVALIDATE_SECONDS };
};

const linkClass = "text-accent-600 hover:underline dark:text-accent-500";

function NoteLinks({ title, notes }: { title: string; notes: Note["prerequisites"] }) {
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

export default function NotePage({ note }: InferGetStaticPropsType<typeof getStaticProps>) {
  return (
    <>
      <Head>
        <title key="title">{pageTitle(note.short)}</title>
        <meta key="description" name="description" content={note.summary} />
      </Head>
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-10">
        <article className="min-w-0">
          <header className="mb-6 border-b border-slate-200 pb-6 dark:border-slate-800">
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

          <details className="mb-6 rounded-md border border-slate-200 p-3 lg:hidden dark:border-slate-800">
            <summary className="cursor-pointer text-sm font-medium">Contents</summary>
            <TableOfContents entries={note.toc} />
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
                  return <WidgetFrame key={i} name={segment.name} caption={segment.caption} />;
              }
            })}
          </div>
        </article>

        <aside className="mt-10 space-y-8 lg:mt-0" aria-label="About this note">
          <NoteUserPanel slug={note.slug} cardCount={note.cardCount} questionCount={note.questionCount} />
          <nav aria-label="Contents" className="hidden lg:block">
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Contents</h2>
            <TableOfContents entries={note.toc} />
          </nav>
          <NoteLinks title="Read first" notes={note.prerequisites} />
          <NoteLinks title="Builds on this" notes={note.dependents} />
        </aside>
      </div>
    </>
  );
}
