export default function ProgressLoading() {
  return (
    <div className="mx-auto max-w-5xl space-y-6" aria-busy="true">
      <h1 className="text-2xl font-semibold">Progress</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">Counting your reviews…</p>
    </div>
  );
}
