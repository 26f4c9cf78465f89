import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { cache } from "react";
import "katex/dist/katex.min.css";
import { getNotePage } from "@/app/lib/server/data/note-page";
import { NotePageView, noteMetadata } from "@/app/ui/notes/note-page-view";

/**
 * A note in English. Statically rendered: each note on its first request (a build needs no database),
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
const noteFor = cache(async (slug: string) => (/^[a-z0-9-]{1,120}$/.test(slug) ? getNotePage(slug, "en") : null));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return noteMetadata(await noteFor((await params).slug), "en");
}

export default async function NotePage({ params }: Params) {
  setRequestLocale("en");
  const { slug } = await params;
  const note = await noteFor(slug);
  // A reader's own note (issue 17, slugs `my-…`) has its page at /notes/[id], for its owner only:
  // the redirect is the same for everyone, so this page still never reads the session.
  if (!note && /^my-[a-z0-9-]{1,80}$/.test(slug)) redirect(`/notes/by-slug/${slug}`);
  if (!note) notFound();
  return <NotePageView note={note} locale="en" />;
}
