"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { isDark, toggleTheme } from "./theme";

/**
 * Light/dark switch. The icon follows the `dark` class through CSS, so it is right from the
 * first paint, before React has run.
 */
export function ThemeToggle() {
  const t = useTranslations("shell");
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => {
    // Another tab may switch the theme: see themeScript.
    const sync = () => setDark(isDark());
    sync();
    window.addEventListener("storage", sync);
    return () => window.removeEventListener("storage", sync);
  }, []);
  return (
    <button
      type="button"
      onClick={() => setDark(toggleTheme())}
      aria-label={dark ? t("toLight") : t("toDark")}
      aria-pressed={dark ?? undefined}
      className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true" className="dark:hidden">☾</span>
      <span aria-hidden="true" className="hidden dark:inline">☀</span>
    </button>
  );
}
