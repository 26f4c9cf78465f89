"use client";
import { useEffect } from "react";
import { DatabaseNotice } from "@/app/ui/shell/database-notice";

export default function CardsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-semibold">Your cards could not be shown</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400" data-testid="cards-page-error">
        Nothing was lost; try again in a moment.{error.digest ? ` (reference ${error.digest})` : ""}
      </p>
      <DatabaseNotice />
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
        Try again
      </button>
    </div>
  );
}
