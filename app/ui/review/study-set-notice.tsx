"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { StudySetNotice } from "./use-study-set";


/**
 * What adding a note changed, in words, under the study-set button: the first note switches
 * the user from all notes to their set (with the way back), later ones join the reviews, and a
 * user who chose all notes is told the set waits for them.
 */
export function StudySetNoticeText({
  notice,
  pending,
  onStudyAll,
  testId,
}: {
  notice: StudySetNotice;
  pending: boolean;
  onStudyAll: () => void;
  testId: string;
}) {
  const t = useTranslations("studySetNotice");
  return (
    <span role="status" data-testid={testId} className="text-xs text-slate-600 dark:text-slate-300">
      {notice.kind === "switched" && (
        <>
          {t("switched", { count: notice.setSize })}{" "}
          <button
            type="button"
            onClick={onStudyAll}
            disabled={pending}
            data-testid={`${testId}-undo`}
            className="font-medium text-accent-600 underline disabled:opacity-60 dark:text-accent-100"
          >
            {t("keepAll")}
          </button>
        </>
      )}
      {notice.kind === "added" && <>{t("added", { count: notice.setSize })}</>}
      {notice.kind === "kept-all" && (
        <>
          {t.rich("keptAll", {
            count: notice.setSize,
            link: (chunks) => (
              <Link href="/settings#study-chosen" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </>
      )}
      {notice.kind === "switched-back" && <>{t("switchedBack")}</>}
    </span>
  );
}
