import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Document } from "@/app/ui/shell/document";
import { NotFoundView } from "@/app/ui/shell/not-found-view";
import { SiteShell } from "@/app/ui/shell/site-shell";
import { pageTitle } from "@/app/ui/shell/site-meta";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: pageTitle(t("notFound")) };
}

/**
 * The 404 of an address no route matches. The app has several root layouts (the site's, and
 * one per note language), so this page brings the document and the site's header itself.
 */
export default async function GlobalNotFound() {
  const locale = await getLocale();
  return (
    <Document locale={locale}>
      <SiteShell>
        <NotFoundView />
      </SiteShell>
    </Document>
  );
}
