import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { getProgressDashboard } from "@/app/lib/server/data/progress";
import { retentionSimulationInput } from "@/app/lib/server/data/retention-simulation";
import { getUserSettings } from "@/app/lib/server/data/settings";
import { ReviewHeatmap } from "@/app/ui/progress/heatmap";
import { MasteryMap } from "@/app/ui/progress/mastery-map";
import { AfterBreakPanel } from "@/app/ui/progress/after-break-panel";
import { RetentionSimulator } from "@/app/ui/progress/retention-simulator";
import { Forecast, ForgettingCurve, QuizTrend, Retention, Section, TodayStats } from "@/app/ui/progress/sections";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("title") };
}

export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const now = new Date();
  const [d, simulation, settings, t] = await Promise.all([
    getProgressDashboard(user.id, now),
    retentionSimulationInput(user.id, now),
    getUserSettings(user.id),
    getTranslations("progress"),
  ]);
  return (
    <div className="mx-auto max-w-5xl space-y-6" data-testid="progress-page">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {t.rich("studyDays", {
              zone: d.timeZone,
              hour: String(d.dayStartHour).padStart(2, "0"),
              link: (chunks) => (
                <Link href="/settings" className="underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
        <Link href="/account#your-data" className="text-sm text-accent-600 underline dark:text-accent-500">{t("export")}</Link>
      </header>
      <Section id="today" title={t("today", { day: d.today.day })}>
        <TodayStats today={d.today} />
      </Section>
      <Section id="activity" title={t("activity")}>
        <ReviewHeatmap cells={d.heatmap} streak={d.streak} goal={d.goal} />
      </Section>
      <Section id="forecast" title={t("forecast")}>
        <Forecast forecast={d.forecast} spread={d.spread} />
      </Section>
      <Section
        id="after-break"
        title={t("afterBreak")}
        description={t("afterBreakHelp")}
      >
        <AfterBreakPanel />
      </Section>
      <Section
        id="optimal-retention"
        title={t("optimalRetention")}
        description={t("optimalRetentionHelp")}
      >
        <RetentionSimulator input={simulation} desiredRetention={settings.desiredRetention} />
      </Section>
      <Section
        id="retention"
        title={t("retention")}
        description={t("retentionHelp")}
      >
        <Retention table={d.retention} />
      </Section>
      <Section id="curve" title={t("curve")}>
        <ForgettingCurve points={d.calibration} fitted={d.fittedParameters} />
      </Section>
      <Section id="mastery" title={t("mastery")}>
        <MasteryMap notes={d.mastery} />
      </Section>
      <Section id="quizzes" title={t("quizzes")}>
        <QuizTrend scores={d.quizScores} trend={d.quizTrend} timeZone={d.timeZone} />
      </Section>
    </div>
  );
}
