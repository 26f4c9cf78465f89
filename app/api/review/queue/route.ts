import { queueQuerySchema } from "@/app/lib/schemas/review";
import { jsonError, withUser } from "@/app/lib/server/auth/guard";
import { loadCustomQueue } from "@/app/lib/server/data/review-custom-queue";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { readerLocale } from "@/app/lib/server/i18n/reader-locale";

/** The next cards of today's queue and the counts left (the review page prefetches with it). */
export const GET = withUser(async (request, user) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = queueQuerySchema.safeParse(params);
  if (!parsed.success) return jsonError(400, "Bad queue parameters.");
  const { paper, area, limit, custom, since } = parsed.data;
  const now = new Date();
  // The cards in the reader's language, as the page that asks for them.
  const { locale } = await readerLocale();
  const queue = custom
    ? await loadCustomQueue(user.id, now, custom, new Date(since ?? now.getTime()), { scope: { paper, area }, limit, locale })
    : await loadReviewQueue(user.id, now, { scope: { paper, area }, limit, locale });
  return Response.json(queue, { headers: { "Cache-Control": "no-store" } });
});
