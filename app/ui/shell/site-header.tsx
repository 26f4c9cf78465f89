import Link from "next/link";
import { getSessionUser } from "@/app/lib/server/auth/session";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" className="shrink-0 text-lg font-semibold tracking-tight">
          Paper<span className="text-accent-600 dark:text-accent-500">Deck</span>
        </Link>
        <NavLinks />
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          {user ? (
            <UserMenu name={user.name ?? user.email} email={user.email} />
          ) : (
            <Link
              href="/signin"
              className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
            >
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
