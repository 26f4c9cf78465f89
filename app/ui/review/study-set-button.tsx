"use client";
import Link from "next/link";
import { useState, useTransition } from "react";
import { addToStudySet, removeFromStudySet } from "@/app/lib/server/actions/add-to-study-set";

/** "Add to my study set" / "Remove from my study set" for one note (a link to sign in when signed out). */
export function StudySetButton({ slug, inStudySet, signedIn }: { slug: string; inStudySet: boolean; signedIn: boolean }) {
  const [inSet, setInSet] = useState(inStudySet);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!signedIn) {
    return (
      <Link
        href={`/signin?callbackUrl=${encodeURIComponent(`/papers/${slug}`)}`}
        className="text-sm text-accent-600 underline dark:text-accent-100"
      >
        Sign in to study this note
      </Link>
    );
  }

  const toggle = () => {
    setError(null);
    startTransition(async () => {
      const result = inSet ? await removeFromStudySet({ paperSlug: slug }) : await addToStudySet({ paperSlug: slug });
      if (result.ok) setInSet(result.data.inStudySet);
      else setError(result.error);
    });
  };

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
        {inSet ? "In my study set ✓ (remove)" : "Add to my study set"}
      </button>
      {error && (
        <span className="text-xs text-red-600 dark:text-red-400" data-testid={`study-set-error-${slug}`}>
          {error}
        </span>
      )}
    </span>
  );
}
