import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { env } from "@/app/lib/server/env";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { SITE_NAME, THEME_COLORS, pageTitle } from "./site-meta";

/** The metadata every root layout gives its pages, in `locale` (or the reader's language). */
export async function rootMetadata(locale?: Locale): Promise<Metadata> {
  const t = locale ? await getTranslations({ locale, namespace: "meta" }) : await getTranslations("meta");
  const origin = env().NEXTAUTH_URL;
  return {
    // hreflang alternates are absolute URLs: on the site's own origin, not Next's localhost guess.
    ...(origin ? { metadataBase: new URL(origin) } : {}),
    title: { default: SITE_NAME, template: pageTitle("%s") },
    description: t("description"),
  };
}

export const rootViewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: THEME_COLORS,
};
