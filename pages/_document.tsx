import { Head, Html, Main, NextScript } from "next/document";
import { THEME_COLORS } from "@/app/ui/shell/site-meta";
import { ThemeScript } from "@/app/ui/shell/theme-script";

/**
 * The document of the Pages Router's one page, the note page, which ships no Next or React
 * runtime (`unstable_runtimeJS: false`) and gets its behaviour from one module script,
 * public/islands/note.js. Otherwise as app/layout.tsx: language, theme script, body.
 */
export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <ThemeScript />
        {THEME_COLORS.map(({ media, color }) => (
          <meta key={media} name="theme-color" media={media} content={color} />
        ))}
        <link rel="icon" href="/icon.svg" type="image/svg+xml" sizes="any" />
        {/* The islands' imports, fetched alongside it rather than after it. */}
        <link rel="modulepreload" href="/islands/theme.js" />
        <link rel="modulepreload" href="/islands/session.js" />
        <link rel="modulepreload" href="/islands/widget-message.js" />
      </Head>
      <body className="min-h-dvh font-sans">
        <Main />
        <NextScript />
        {/* A module runs after parsing, as with defer (which says so for readers and the linter). */}
        <script type="module" src="/islands/note.js" defer />
      </body>
    </Html>
  );
}
