"use client";
import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useState, useTransition } from "react";
import { notePath, type Locale } from "@/app/lib/domain/i18n/locales";

const NOTE_PATH = /^(?:\/zh)?\/papers\/([a-z0-9-]+)$/;

/**
 * The header's language switch (English ⇄ 中文). The choice is kept by PUT /api/me/locale: in a
 * cookie, and in the reader's settings when signed in. A note page has a URL per language, so
 * on a note the switch goes to the other URL; elsewhere the page is loaded again.
 */
export function LanguageSwitch() {
  const t = useTranslations("shell");
  const locale = useLocale();
  const pathname = usePathname() ?? "/";
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  const next: Locale = locale === "zh-CN" ? "en" : "zh-CN";

  function change() {
    setFailed(false);
    startTransition(async () => {
      const response = await fetch("/api/me/locale", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ locale: next }),
      }).catch(() => null);
      if (!response?.ok) {
        setFailed(true);
        return;
      }
      const note = NOTE_PATH.exec(pathname);
      // A document load, not a client refresh: <html lang>, the title and every client
      // component's messages change together (and the note URLs have root layouts of their own).
      if (note) window.location.assign(notePath(next, note[1]!) + window.location.hash);
      else window.location.reload();
    });
  }

  return (
    <span className="relative">
      <button
        type="button"
        onClick={change}
        disabled={pending}
        lang={next}
        aria-label={t("switchToLabel")}
        data-testid="language-switch"
        className="rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-60 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        {t("switchTo")}
      </button>
      {failed && (
        <span data-testid="language-switch-error" className="absolute right-0 top-9 w-48 rounded bg-white p-2 text-xs text-red-700 shadow dark:bg-slate-900 dark:text-red-400">
          {t("switchFailed")}
        </span>
      )}
    </span>
  );
}
