"use client";
import Link from "next/link";
import type { StudySetNotice } from "./use-study-set";

const notes = (n: number) => `${n} note${n === 1 ? "" : "s"}`;

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
  return (
    <span role="status" data-testid={testId} className="text-xs text-slate-600 dark:text-slate-300">
      {notice.kind === "switched" && (
        <>
          Added. Your reviews now come from your study set only ({notes(notice.setSize)}), not from all notes.{" "}
          <button
            type="button"
            onClick={onStudyAll}
            disabled={pending}
            data-testid={`${testId}-undo`}
            className="font-medium text-accent-600 underline disabled:opacity-60 dark:text-accent-100"
          >
            Keep studying all notes
          </button>
        </>
      )}
      {notice.kind === "added" && <>Added: its cards join your reviews ({notes(notice.setSize)} in your study set).</>}
      {notice.kind === "kept-all" && (
        <>
          Added to your study set ({notes(notice.setSize)}). You study all notes; to study only your set, change it in{" "}
          <Link href="/settings#study-chosen" className="underline">
            settings
          </Link>
          .
        </>
      )}
      {notice.kind === "switched-back" && <>You study all notes again; your study set is kept for later.</>}
    </span>
  );
}
