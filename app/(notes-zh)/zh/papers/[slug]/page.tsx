import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { cache } from "react";
import "katex/dist/katex.min.css";
import { getNotePage } from "@/app/lib/server/data/note-page";
import { NotePageView, noteMetadata } from "@/app/ui/notes/note-page-view";

/**
 * A note in Chinese (its Chinese edition; a note without one keeps its English words), the shareable
 * Chinese URL /zh/papers/<slug>. Statically rendered: each note on its first request (a build needs no database),
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
const noteFor = cache(async (slug: string) => (/^[a-z0-9-]{1,120}$/.test(slug) ? getNotePage(slug, "zh-CN") : null));

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return noteMetadata(await noteFor((await params).slug), "zh-CN");
}

export default async function NotePage({ params }: Params) {
  setRequestLocale("zh-CN");
  const note = await noteFor((await params).slug);
  if (!note) notFound();
  return <NotePageView note={note} locale="zh-CN" />;
}
