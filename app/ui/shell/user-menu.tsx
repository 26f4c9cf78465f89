"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOut } from "@/app/ui/auth/next-auth-client";
import { useEffect, useRef, useState } from "react";

/** The signed-in user's menu (Account, Settings, Sign out): closes on Escape or a click elsewhere. */
export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    function close(event: MouseEvent | KeyboardEvent) {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !ref.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    }
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);
  const closeMenu = () => setOpen(false);
  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t("accountMenu", { email })}
        data-testid="user-menu"
        onClick={() => setOpen((v) => !v)}
        className="flex h-8 w-8 items-center justify-center rounded-full bg-accent-600 text-sm font-semibold text-white"
      >
        {(name.trim()[0] ?? "?").toUpperCase()}
      </button>
      <div
        role="menu"
        hidden={!open}
        className="absolute right-0 mt-2 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <p className="truncate px-3 py-2 text-xs text-slate-500 dark:text-slate-400">{email}</p>
        <Link role="menuitem" href="/account" className="block px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={closeMenu}>
          {t("account")}
        </Link>
        <Link role="menuitem" href="/settings" className="block px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={closeMenu}>
          {t("settings")}
        </Link>
        <button
          role="menuitem"
          type="button"
          data-testid="sign-out"
          className="block w-full px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={() => void signOut("/")}
        >
          {t("signOut")}
        </button>
      </div>
    </div>
  );
}
