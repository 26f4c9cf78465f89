"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { readMe, type MeResponse } from "@/app/lib/schemas/shell-responses";
import { readJson } from "@/app/ui/read-json";
import { UserMenu } from "./user-menu";

type Me = MeResponse["user"];

/**
 * The header's account corner, filled in the browser so that pages (notes above all) can be
 * rendered once and cached for everyone. Re-checked on navigation, so a sign-in shows at once.
 */
export function AccountSlot() {
  const t = useTranslations("shell");
  const pathname = usePathname();
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch("/api/me", { cache: "no-store" })
      .then((r) => readJson(r, readMe))
      // An answer of another shape (a proxy's page, an outage) shows the sign-in link, as a failure does.
      .then((body) => live && setMe(body?.user ?? null))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, [pathname]);
  if (me === undefined) return <span aria-hidden="true" className="h-8 w-8 animate-pulse rounded-full bg-slate-200 dark:bg-slate-800" />;
  if (me) return <UserMenu name={me.name ?? me.email} email={me.email} />;
  return (
    <Link href="/signin" className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
      {t("signIn")}
    </Link>
  );
}
