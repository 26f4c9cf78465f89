import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import "katex/dist/katex.min.css";
import { renderMarkdown } from "@/app/lib/domain/content/render-note";
import { AREAS, getNote } from "@/app/lib/server/data/papers";
import { InlineCard } from "@/app/ui/notes/inline-card";
import { InlineQuestion } from "@/app/ui/notes/inline-question";
import { NoteUserPanel } from "@/app/ui/notes/note-user-panel";
import { TableOfContents } from "@/app/ui/notes/table-of-contents";
import { WidgetSlot } from "@/app/ui/widgets/widget-slot";

// Rendered once per note on first request and then served statically; refreshed after a sync.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const note = await getNote((await params).slug);
  return note ? { title: note.short, description: note.summary } : { title: "Not found" };
}

export default async function NotePage({ params }: Params) {
  const { slug } = await params;
  const note = await getNote(slug);
  if (!note) notFound();
  const cards = new Map(note.cards.map((c) => [`${slug}/${c.key}`, c]));
  const questions = new Map(note.questions.map((q) => [`${slug}/${q.key}`, q]));
  const area = AREAS.find((a) => a.id === note.area)?.label ?? note.area;

  return (
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-10">
      <article className="min-w-0">
        <header className="mb-6 border-b border-slate-200 pb-6 dark:border-slate-800">
          <p className="text-sm text-slate-500 dark:text-slate-400">
            <Link href={`/?area=${note.area}`} className="hover:underline">{area}</Link>
            {" · "}
            {note.kind === "concept" ? "Concept" : "Paper"}
            {note.venue ? ` · ${note.venue}` : note.year ? ` · ${note.year}` : ""}
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{note.short}</h1>
          {note.title !== note.short && <p className="mt-1 text-lg text-slate-700 dark:text-slate-300">{note.title}</p>}
          {note.authors.length > 0 && (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{note.authors.join(", ")}</p>
          )}
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
          <TableOfContents entries={note.rendered.toc} />
        </details>

        <div className="note-prose" data-testid="note-body">
          {note.rendered.segments.map((segment, i) => {
            if (segment.kind === "html") {
              return <div key={i} dangerouslySetInnerHTML={{ __html: segment.html }} />;
            }
            if (segment.kind === "card") {
              const card = cards.get(segment.key);
              return card ? (
                <InlineCard key={i} type={card.type} frontHtml={renderMarkdown(card.front)} backHtml={renderMarkdown(card.back)} />
              ) : null;
            }
            if (segment.kind === "quiz") {
              const question = questions.get(segment.key);
              return question ? (
                <InlineQuestion key={i} slug={slug} type={question.type} promptHtml={renderMarkdown(question.prompt)} />
              ) : null;
            }
            return <WidgetSlot key={i} name={segment.name} caption={segment.caption ?? undefined} />;
          })}
        </div>
      </article>

      <aside className="mt-10 space-y-8 lg:mt-0" aria-label="About this note">
        <NoteUserPanel slug={slug} cardCount={note.cards.length} questionCount={note.questions.length} />
        <nav aria-label="Contents" className="hidden lg:block">
          <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Contents</h2>
          <TableOfContents entries={note.rendered.toc} />
        </nav>
        {note.prerequisiteNotes.length > 0 && (
          <section>
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Read first</h2>
            <ul className="space-y-1 text-sm">
              {note.prerequisiteNotes.map((p) => (
                <li key={p.slug}><Link href={`/papers/${p.slug}`} className="text-accent-600 hover:underline dark:text-accent-500">{p.short}</Link></li>
              ))}
            </ul>
          </section>
        )}
        {note.dependentNotes.length > 0 && (
          <section>
            <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Builds on this</h2>
            <ul className="space-y-1 text-sm">
              {note.dependentNotes.map((p) => (
                <li key={p.slug}><Link href={`/papers/${p.slug}`} className="text-accent-600 hover:underline dark:text-accent-500">{p.short}</Link></li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
}
