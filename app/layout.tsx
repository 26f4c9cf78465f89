import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SITE_DESCRIPTION, SITE_NAME, THEME_COLORS, pageTitle } from "@/app/ui/shell/site-meta";
import { ThemeScript } from "@/app/ui/shell/theme-script";

export const metadata: Metadata = {
  title: { default: SITE_NAME, template: pageTitle("%s") },
  description: SITE_DESCRIPTION,
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: THEME_COLORS,
};

/**
 * The document of every page. The site's header is in (site)/layout.tsx; the 404 page, which
 * renders outside it, brings its own (not-found.tsx).
 */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
