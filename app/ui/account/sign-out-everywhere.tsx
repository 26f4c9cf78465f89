"use client";
import { signOut } from "@/app/ui/auth/next-auth-client";
import { useState } from "react";
import { signOutEverywhere } from "@/app/lib/server/actions/sign-out-everywhere";

export function SignOutEverywhere() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    const result = await signOutEverywhere({});
    setPending(false);
    if (!result.ok) return setError(result.error);
    await signOut("/signin");
  }
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        Ends every session on every device, this one included.
      </p>
      <button
        type="button"
        data-testid="sign-out-everywhere"
        onClick={() => void onClick()}
        disabled={pending}
        className="rounded-md border border-red-300 px-4 py-2 text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </button>
      {error && <p role="status" className="mt-2 text-sm text-red-600">{error}</p>}
    </div>
  );
}
