"use client";
import { DatabaseNotice } from "@/app/ui/shell/database-notice";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400" data-testid="error-message">
        This page could not be shown. Your saved work is safe.
        {error.digest ? ` (reference ${error.digest})` : ""}
      </p>
      <DatabaseNotice />
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
        Try again
      </button>
    </div>
  );
}
