"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * On an error page: asks /api/health whether the database is the reason, and if so says so
 * in words (a production build hides the server's error message from the page).
 */
export function DatabaseNotice() {
  const t = useTranslations("errors");
  const [down, setDown] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => live && setDown(response.status === 503))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  if (!down) return null;
  return (
    <p role="status" data-testid="database-down" className="mx-auto mt-4 max-w-lg rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200">
      {t("databaseDown")}
    </p>
  );
}
