"use client";
import Link from "next/link";
import { accountMenuLabel, signOut, userInitial } from "@/public/islands/session.js";
import { useEffect, useRef, useState } from "react";

/**
 * The signed-in user's menu (Account, Settings, Sign out). `islands`: markup only, the name and
 * email left empty; public/islands/note.js fills them in, opens and closes the menu and signs out.
 */
export function UserMenu({ name, email, islands = false }: { name: string; email: string; islands?: boolean }) {
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
  const closeMenu = islands ? undefined : () => setOpen(false);
  return (
    <div className="relative" ref={ref} data-island={islands ? "user-menu" : undefined}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={accountMenuLabel(email)}
        data-testid="user-menu"
        data-part="button"
        onClick={islands ? undefined : () => setOpen((v) => !v)}
        className="flex h-8 w-8 items-center justify-center rounded-full bg-accent-600 text-sm font-semibold text-white"
      >
        {userInitial(name)}
      </button>
      <div
        role="menu"
        hidden={!open}
        className="absolute right-0 mt-2 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        <p data-part="email" className="truncate px-3 py-2 text-xs text-slate-500 dark:text-slate-400">{email}</p>
        <Link role="menuitem" href="/account" className="block px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={closeMenu}>
          Account
        </Link>
        <Link role="menuitem" href="/settings" className="block px-3 py-2 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={closeMenu}>
          Settings
        </Link>
        <button
          role="menuitem"
          type="button"
          data-testid="sign-out"
          data-part="sign-out"
          className="block w-full px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          onClick={islands ? undefined : () => void signOut("/")}
        >
          Sign out
        </button>
      </div>
    </div>
  );
}
