import { notFound, redirect } from "next/navigation";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { ownNoteIdBySlug } from "@/app/lib/server/data/own-notes";

/**
 * `/notes/by-slug/<slug>`: where `/papers/<slug>` sends an own note's slug (the review card's
 * "why?" link, a quiz's passage link), since the shared note page never reads the session. The
 * fragment (#anchor) survives the redirect.
 */
export default async function OwnNoteBySlugPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/notes/by-slug/${encodeURIComponent(slug)}`);
  const id = /^my-[a-z0-9-]{1,80}$/.test(slug) ? await ownNoteIdBySlug(user.id, slug) : null;
  if (!id) notFound();
  redirect(`/notes/${id}`);
}
