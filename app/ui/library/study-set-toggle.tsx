"use client";
import { StudySetNoticeText } from "@/app/ui/review/study-set-notice";
import { useTranslations } from "next-intl";
import { useStudySet } from "@/app/ui/review/use-study-set";

/**
 * A library tile's "add to my study set" switch for a signed-in user (the note page's button
 * does the same: `useStudySet`). The tile shows the saved state; a failure says so and leaves
 * it as it was.
 */
export function StudySetToggle({ slug, short, initial }: { slug: string; short: string; initial: boolean }) {
  const t = useTranslations("library");
  const { inSet, pending, error, notice, toggle, studyAllAgain } = useStudySet(slug, initial);
  return (
    <div className="mt-2">
      <button
        type="button"
        aria-pressed={inSet}
        aria-label={inSet ? t("removeLabel", { name: short }) : t("addLabel", { name: short })}
        disabled={pending}
        onClick={toggle}
        data-testid={`tile-study-set-${slug}`}
        className={`rounded-md px-2 py-1 text-xs font-medium disabled:opacity-60 ${
          inSet
            ? "border border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
            : "bg-accent-600 text-white hover:bg-accent-700"
        }`}
      >
        {pending ? t("saving") : inSet ? t("inSet") : t("add")}
      </button>
      {notice && (
        <p className="mt-1">
          <StudySetNoticeText notice={notice} pending={pending} onStudyAll={studyAllAgain} testId={`tile-study-set-notice-${slug}`} />
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
