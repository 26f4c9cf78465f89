/**
 * "Add to my study set" / "In my study set ✓ (remove)" for one note, or a link to sign in.
 * Server markup for the note page: public/islands/note.js shows the button to a signed-in user
 * and flips `aria-pressed` after PUT/DELETE /api/me/study-set/<slug>; the label and colours
 * follow `aria-pressed` through CSS.
 */
export function StudySetButton({ slug }: { slug: string }) {
  return (
    <>
      <a
        href={`/signin?callbackUrl=${encodeURIComponent(`/papers/${slug}`)}`}
        data-when="loading error guest"
        className="text-sm text-accent-600 underline dark:text-accent-100"
      >
        Sign in to study this note
      </a>
      <span data-when="user" hidden className="inline-flex flex-col gap-1">
        <button
          type="button"
          aria-pressed={false}
          data-part="study-set"
          data-testid={`study-set-${slug}`}
          className="group rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60 aria-pressed:border aria-pressed:border-slate-300 aria-pressed:bg-transparent aria-pressed:text-slate-700 aria-pressed:hover:bg-slate-100 dark:aria-pressed:border-slate-700 dark:aria-pressed:text-slate-200 dark:aria-pressed:hover:bg-slate-800"
        >
          <span className="group-aria-pressed:hidden">Add to my study set</span>
          <span className="hidden group-aria-pressed:inline">In my study set ✓ (remove)</span>
        </button>
        <span data-part="study-set-error" hidden className="text-xs text-red-600 dark:text-red-400" data-testid={`study-set-error-${slug}`} />
      </span>
    </>
  );
}
