"use client";
import { DatabaseNotice } from "@/app/ui/shell/database-notice";

export default function SettingsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-10 text-center" data-testid="settings-error">
      <h1 className="text-xl font-semibold">Your settings could not load</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">Nothing was changed. Try again in a moment.</p>
      <DatabaseNotice />
      <button type="button" onClick={reset} className="mt-4 rounded-md bg-accent-600 px-3 py-1.5 text-white">
        Try again
      </button>
    </div>
  );
}
