"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { UserMenu } from "./user-menu";

type Me = { name: string | null; email: string } | null;

function Pending({ hidden = false }: { hidden?: boolean }) {
  return (
    <span
      aria-hidden="true"
      hidden={hidden}
      data-when="loading"
      className="h-8 w-8 animate-pulse rounded-full bg-slate-200 dark:bg-slate-800"
    />
  );
}

function SignInLink({ hidden = false }: { hidden?: boolean }) {
  return (
    <Link
      href="/signin"
      hidden={hidden}
      data-when="guest"
      className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700"
    >
      Sign in
    </Link>
  );
}

/**
 * The header's account corner, filled in the browser so that pages (notes above all) can be
 * rendered once and cached for everyone. Re-checked on navigation, so a sign-in shows at once.
 * `islands`: every state is in the markup, hidden but the first; public/islands/note.js asks
 * /api/me and shows the right one.
 */
export function AccountSlot({ islands = false }: { islands?: boolean }) {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    if (islands) return;
    let live = true;
    fetch("/api/me", { cache: "no-store" })
      .then((r) => r.json() as Promise<{ user: Me }>)
      .then((body) => live && setMe(body.user))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, [pathname, islands]);
  if (islands) {
    return (
      <div data-island="account" className="flex items-center">
        <Pending />
        <SignInLink hidden />
        <div data-when="user" hidden>
          <UserMenu name="" email="" islands />
        </div>
      </div>
    );
  }
  if (me === undefined) return <Pending />;
  if (me) return <UserMenu name={me.name ?? me.email} email={me.email} />;
  return <SignInLink />;
}
