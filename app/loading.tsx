export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3 py-8">
      <span className="sr-only">Loading…</span>
      <div className="h-6 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-2/3 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-1/2 rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}
