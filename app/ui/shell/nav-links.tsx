"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useState } from "react";

const links = [
  { href: "/", label: "library" },
  { href: "/review", label: "review" },
  { href: "/cards", label: "cards" },
  { href: "/quizzes", label: "quizzes" },
  { href: "/progress", label: "progress" },
  { href: "/notes", label: "myNotes" },
  { href: "/settings", label: "settings" },
] as const;

function isActive(pathname: string, href: string) {
  if (href === "/") return pathname === "/" || pathname.startsWith("/papers") || pathname.startsWith("/zh/papers");
  return pathname.startsWith(href);
}

/** The main navigation; on small screens a "Menu" button shows it as a list. */
export function NavLinks() {
  // Typed nullable while the app has a pages/ folder (the answer route); a page always has one.
  const t = useTranslations("shell");
  const pathname = usePathname() ?? "/";
  const [open, setOpen] = useState(false);
  const items = links.map((link) => {
    const active = isActive(pathname, link.href);
    return (
      <li key={link.href}>
        <Link
          href={link.href}
          aria-current={active ? "page" : undefined}
          onClick={() => setOpen(false)}
          className={`block rounded-md px-3 py-1.5 text-sm ${
            active
              ? "bg-accent-50 font-medium text-accent-700 dark:bg-slate-800 dark:text-white"
              : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          {t(link.label)}
        </Link>
      </li>
    );
  });
  return (
    <nav aria-label={t("mainNav")} className="flex items-center">
      <ul className="hidden items-center gap-1 md:flex">{items}</ul>
      <button
        type="button"
        className="rounded-md px-2 py-1.5 text-sm md:hidden"
        aria-expanded={open}
        aria-controls="mobile-nav"
        onClick={() => setOpen((v) => !v)}
      >
        {t("menu")}
      </button>
      <ul
        id="mobile-nav"
        hidden={!open}
        className="absolute left-0 right-0 top-14 space-y-1 border-b border-slate-200 bg-white p-3 shadow md:hidden dark:border-slate-800 dark:bg-slate-950"
      >
        {items}
      </ul>
    </nav>
  );
}
