import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import "katex/dist/katex.min.css";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { queueQuerySchema } from "@/app/lib/schemas/review";
import { ReviewSession } from "@/app/ui/review/review-session";
import { TimeZoneOffer } from "@/app/ui/time-zone/time-zone-offer";
import { getUserSettings } from "@/app/lib/server/data/settings";
import { noteName } from "@/app/lib/server/data/papers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const key of ["paper", "area"] as const) {
    const value = params[key];
    if (typeof value === "string" && value) query.set(key, value);
  }
  const user = await requirePageUser(`/review${query.size ? `?${query}` : ""}`);
  const parsed = queueQuerySchema.safeParse(Object.fromEntries(query));
  const scope = parsed.success ? { paper: parsed.data.paper, area: parsed.data.area } : {};
  const [t, locale] = await Promise.all([getTranslations("review"), getLocale()]);
  const [queue, settings, name] = await Promise.all([
    loadReviewQueue(user.id, new Date(), { scope, limit: 20, locale }),
    getUserSettings(user.id),
    scope.paper ? noteName(scope.paper) : Promise.resolve(null),
  ]);
  // A note by the name people use ("MoCo"), never by its slug.
  const scopeName = scope.paper ? (name ?? scope.paper) : (scope.area ?? null);
  const title = scopeName ? t("titleScoped", { name: scopeName }) : t("title");
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
      <TimeZoneOffer stored={settings.timeZone} />
      <ReviewSession
        key={query.toString()}
        storageKey={`paperdeck:review-outbox:${user.id}`}
        scopeQuery={query.toString()}
        scopeName={scopeName}
        initial={{
          cards: queue.cards,
          counts: queue.counts,
          nextDue: queue.nextDue?.toISOString() ?? null,
          nextDayStart: queue.nextDayStart.toISOString(),
          doneToday: queue.doneToday,
          newWaiting: queue.newWaiting,
        }}
      />
      {/* Keyboard hints are for keyboards: a touch screen (coarse pointer) does not show them. */}
      <p className="mt-8 text-center text-xs text-slate-500 pointer-coarse:hidden dark:text-slate-400">
        {t("hint")}
      </p>
    </div>
  );
}
