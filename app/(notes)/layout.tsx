import { setRequestLocale } from "next-intl/server";
import { Document } from "@/app/ui/shell/document";
import { NOTE_PAGE_CLIENT_MESSAGES } from "@/app/ui/notes/client-messages";
import { rootMetadata, rootViewport } from "@/app/ui/shell/root-metadata";
import { SiteShell } from "@/app/ui/shell/site-shell";

export const generateMetadata = () => rootMetadata("en");
export const viewport = rootViewport;

/** The root layout of the English note pages: one language, nothing of the reader read (see (site)/layout.tsx). */
export default function NotesLayout({ children }: { children: React.ReactNode }) {
  setRequestLocale("en");
  return (
    <Document locale="en" clientMessages={NOTE_PAGE_CLIENT_MESSAGES}>
      <SiteShell>{children}</SiteShell>
    </Document>
  );
}
