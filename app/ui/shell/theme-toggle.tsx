"use client";
import { useEffect, useState } from "react";
import { isDark, themeToggleLabel, toggleTheme } from "@/public/islands/theme.js";

/**
 * Light/dark switch. The icon follows the `dark` class through CSS, so it is right from the
 * first paint. `islands`: markup only; public/islands/note.js handles the click (React, when it
 * hydrates such a page in development, adds no second handler).
 */
export function ThemeToggle({ islands = false }: { islands?: boolean }) {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => {
    if (islands) return;
    // Another tab (or the page around this one) may switch the theme: see themeScript.
    const sync = () => setDark(isDark());
    sync();
    window.addEventListener("storage", sync);
    return () => window.removeEventListener("storage", sync);
  }, [islands]);
  return (
    <button
      type="button"
      data-island={islands ? "theme-toggle" : undefined}
      onClick={islands ? undefined : () => setDark(toggleTheme())}
      aria-label={themeToggleLabel(dark)}
      aria-pressed={dark ?? undefined}
      className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true" className="dark:hidden">☾</span>
      <span aria-hidden="true" className="hidden dark:inline">☀</span>
    </button>
  );
}
