import type { Metadata, Viewport } from "next";
import "./globals.css";
import { SiteHeader } from "@/app/ui/shell/site-header";

export const metadata: Metadata = {
  title: { default: "PaperDeck", template: "%s · PaperDeck" },
  description: "Study deep-learning papers: notes, spaced-repetition cards, quizzes and widgets.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

// Runs before paint so a dark-mode user never sees a white flash.
const themeScript = `try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh font-sans">
        <a href="#main" className="sr-only-focusable fixed left-2 top-2 z-50 rounded bg-accent-600 px-3 py-2 text-white">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 pb-16 pt-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
