"use client";
import { StudySetNoticeText } from "./study-set-notice";
import { useTranslations } from "next-intl";
import { useStudySet } from "./use-study-set";

/** A signed-in reader's "Add to my study set" / "In my study set ✓ (remove)" for one note. */
export function StudySetButton({ slug, inStudySet }: { slug: string; inStudySet: boolean }) {
  const t = useTranslations("library");
  const { inSet, pending, error, notice, toggle, studyAllAgain } = useStudySet(slug, inStudySet);
  return (
    <span className="inline-flex flex-col gap-1">
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-pressed={inSet}
        data-testid={`study-set-${slug}`}
        className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${
          inSet
            ? "border border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
            : "bg-accent-600 text-white hover:bg-accent-700"
        }`}
      >
        {inSet ? t("inSetRemove") : t("add")}
      </button>
      {notice && <StudySetNoticeText notice={notice} pending={pending} onStudyAll={studyAllAgain} testId={`study-set-notice-${slug}`} />}
      {error && (
        <span className="text-xs text-red-600 dark:text-red-400" data-testid={`study-set-error-${slug}`}>
          {error}
        </span>
      )}
    </span>
  );
}
