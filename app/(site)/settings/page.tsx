import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/app/lib/server/auth/require-page-user";
import { dailyGoalOf, getUserSettings, studiedCardCount, workloadTable } from "@/app/lib/server/data/settings";
import { DailyGoalForm } from "@/app/ui/settings/daily-goal-form";
import { optimizerStatus } from "@/app/lib/server/optimizer";
import { SettingsForm } from "@/app/ui/settings/settings-form";
import { OptimizerPanel } from "@/app/ui/settings/optimizer-panel";
import { ReviewLogTransfer } from "@/app/ui/settings/review-log-transfer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settingsPage"))("title") };
}

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const [settings, t] = await Promise.all([getUserSettings(user.id), getTranslations("settingsPage")]);
  const [cardCount, status] = await Promise.all([
    studiedCardCount(user.id, settings.studyAll),
    optimizerStatus(user.id),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      </div>
      <SettingsForm
        initial={{
          desiredRetention: settings.desiredRetention,
          maximumInterval: settings.maximumInterval,
          enableFuzz: settings.enableFuzz,
          enableShortTerm: settings.enableShortTerm,
          loadBalance: settings.loadBalance,
          easyDays: settings.easyDays.length === 7 ? settings.easyDays : [1, 1, 1, 1, 1, 1, 1],
          buryReverseSiblings: settings.buryReverseSiblings,
          buryClozeSiblings: settings.buryClozeSiblings,
          leechThreshold: settings.leechThreshold,
          leechSuspend: settings.leechSuspend,
          learningSteps: settings.learningSteps.join(" "),
          relearningSteps: settings.relearningSteps.join(" "),
          newPerDay: settings.newPerDay,
          reviewsPerDay: settings.reviewsPerDay,
          timeZone: settings.timeZone,
          dayStartHour: settings.dayStartHour,
          studyAll: settings.studyAll,
          parameters: settings.parameters.join(", "),
        }}
        workload={workloadTable(settings)}
        cardCount={cardCount}
      />
      <DailyGoalForm initial={dailyGoalOf(settings)} />
      <OptimizerPanel initial={status} />
      <ReviewLogTransfer />
    </div>
  );
}
