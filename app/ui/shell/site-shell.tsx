import { useTranslations } from "next-intl";
import { SiteHeader } from "./site-header";

/** The skip link, header and <main> around every page of the site (and the 404 page). */
export function SiteShell({ children }: { children: React.ReactNode }) {
  const t = useTranslations("shell");
  return (
    <>
      <a href="#main" className="sr-only-focusable fixed left-2 top-2 z-50 rounded bg-accent-600 px-3 py-2 text-white">
        {t("skip")}
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 pb-16 pt-6 sm:px-6">
        {children}
      </main>
    </>
  );
}
