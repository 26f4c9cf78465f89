import { getLocale } from "next-intl/server";
import { Document } from "@/app/ui/shell/document";
import { rootMetadata, rootViewport } from "@/app/ui/shell/root-metadata";
import { SiteShell } from "@/app/ui/shell/site-shell";

export const generateMetadata = () => rootMetadata();
export const viewport = rootViewport;

/**
 * The root layout of the site's pages, in the reader's language (app/i18n/request.ts). The
 * note pages have root layouts of their own, (notes) and (notes-zh), in one language each, so
 * that they stay rendered once for everyone.
 */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <Document locale={locale}>
      <SiteShell>{children}</SiteShell>
    </Document>
  );
}
