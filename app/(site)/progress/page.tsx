import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { getProgressDashboard } from "@/app/lib/server/data/progress";
import { retentionSimulationInput } from "@/app/lib/server/data/retention-simulation";
import { getUserSettings } from "@/app/lib/server/data/settings";
import { ReviewHeatmap } from "@/app/ui/progress/heatmap";
import { MasteryMap } from "@/app/ui/progress/mastery-map";
import { AfterBreakPanel } from "@/app/ui/progress/after-break-panel";
import { RetentionSimulator } from "@/app/ui/progress/retention-simulator";
import { Forecast, ForgettingCurve, QuizTrend, Retention, Section, TodayStats } from "@/app/ui/progress/sections";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const now = new Date();
  const [d, simulation, settings] = await Promise.all([
    getProgressDashboard(user.id, now),
    retentionSimulationInput(user.id, now),
    getUserSettings(user.id),
  ]);
  return (
    <div className="mx-auto max-w-5xl space-y-6" data-testid="progress-page">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Progress</h1>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Study days in {d.timeZone}, starting at {String(d.dayStartHour).padStart(2, "0")}:00 (change in <Link href="/settings" className="underline">settings</Link>).
          </p>
        </div>
        <Link href="/account#your-data" className="text-sm text-accent-600 underline dark:text-accent-500">Export your data</Link>
      </header>
      <Section id="today" title={`Today (${d.today.day})`}>
        <TodayStats today={d.today} />
      </Section>
      <Section id="activity" title="Reviews over the last year">
        <ReviewHeatmap cells={d.heatmap} streak={d.streak} goal={d.goal} />
      </Section>
      <Section id="forecast" title="Due in the next 30 days">
        <Forecast forecast={d.forecast} spread={d.spread} />
      </Section>
      <Section
        id="after-break"
        title="After a break"
        description="Back from time away, or with time to spare: move review cards by how likely you are to remember them (the FSRS Helper's postpone and advance). See what moves first."
      >
        <AfterBreakPanel />
      </Section>
      <Section
        id="optimal-retention"
        title="Optimal retention"
        description="Your own cards, new-card limit and answer times, a year ahead at each desired retention: the time it costs against what you keep. Runs in your browser."
      >
        <RetentionSimulator input={simulation} desiredRetention={settings.desiredRetention} />
      </Section>
      <Section
        id="retention"
        title="True retention"
        description="The share of reviews passed (hard, good or easy) among cards in review, as Anki reports it: young cards have an interval under 21 days, mature ones 21 days or more. Only a card's first review of a day counts."
      >
        <Retention table={d.retention} />
      </Section>
      <Section id="curve" title="Forgetting curve: predicted and observed">
        <ForgettingCurve points={d.calibration} fitted={d.fittedParameters} />
      </Section>
      <Section id="mastery" title="Mastery per note">
        <MasteryMap notes={d.mastery} />
      </Section>
      <Section id="quizzes" title="Quiz scores">
        <QuizTrend scores={d.quizScores} trend={d.quizTrend} timeZone={d.timeZone} />
      </Section>
    </div>
  );
}
