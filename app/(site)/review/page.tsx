import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import "katex/dist/katex.min.css";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { loadCustomQueue } from "@/app/lib/server/data/review-custom-queue";
import { loadReviewQueue } from "@/app/lib/server/data/review-queue";
import { queueQuerySchema } from "@/app/lib/schemas/review";
import { ReviewSession } from "@/app/ui/review/review-session";
import { TimeZoneOffer } from "@/app/ui/time-zone/time-zone-offer";
import { getUserSettings } from "@/app/lib/server/data/settings";
import { noteName } from "@/app/lib/server/data/papers";
import { dailyGoalToday } from "@/app/lib/server/data/daily-goal";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const query = new URLSearchParams();
  for (const key of ["paper", "area", "custom", "since"] as const) {
    const value = params[key];
    if (typeof value === "string" && value) query.set(key, value);
  }
  const user = await requirePageUser(`/review${query.size ? `?${query}` : ""}`);
  const now = new Date();
  // A custom session starts now: the prefetches carry its start, so answered cards leave it.
  if (query.has("custom") && !query.has("since")) query.set("since", String(now.getTime()));
  const parsed = queueQuerySchema.safeParse(Object.fromEntries(query));
  const scope = parsed.success ? { paper: parsed.data.paper, area: parsed.data.area } : {};
  const custom = parsed.success ? parsed.data.custom : undefined;
  const since = new Date(parsed.success ? (parsed.data.since ?? now.getTime()) : now.getTime());
  const [t, locale] = await Promise.all([getTranslations("review"), getLocale()]);
  const [queue, settings, name, goal] = await Promise.all([
    custom ? loadCustomQueue(user.id, now, custom, since, { scope, limit: 20, locale }) : loadReviewQueue(user.id, now, { scope, limit: 20, locale }),
    getUserSettings(user.id),
    scope.paper ? noteName(scope.paper, user.id) : Promise.resolve(null),
    dailyGoalToday(user.id, new Date()),
  ]);
  // A note by the name people use ("MoCo"), never by its slug.
  const scopeName = scope.paper ? (name ?? scope.paper) : (scope.area ?? null);
  const customTitle = custom === "ahead" ? "Study ahead" : custom === "forgotten" ? "Forgotten today" : null;
  const title = customTitle
    ? [customTitle, scopeName].filter(Boolean).join(": ")
    : scopeName
      ? t("titleScoped", { name: scopeName })
      : t("title");
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
      <TimeZoneOffer stored={settings.timeZone} />
      <ReviewSession
        key={query.toString()}
        custom={custom ?? null}
        storageKey={`paperdeck:review-outbox:${user.id}`}
        scopeQuery={query.toString()}
        scopeName={scopeName}
        goal={goal}
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
