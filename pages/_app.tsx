import type { AppProps } from "next/app";
import Head from "next/head";
import "katex/dist/katex.min.css";
import "@/app/globals.css";
import { HydrationSignal } from "@/app/ui/shell/hydration-signal";
import { SITE_DESCRIPTION, SITE_NAME } from "@/app/ui/shell/site-meta";
import { SiteShell } from "@/app/ui/shell/site-shell";

/** The Pages Router pages (the note page) in the site's shell, rendered as server markup only. */
export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title key="title">{SITE_NAME}</title>
        <meta key="description" name="description" content={SITE_DESCRIPTION} />
      </Head>
      <HydrationSignal />
      <SiteShell islands>
        <Component {...pageProps} />
      </SiteShell>
    </>
  );
}
