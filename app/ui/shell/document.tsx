import "@/app/globals.css";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTimeZone } from "next-intl/server";
import { htmlLang, type Locale } from "@/app/lib/domain/i18n/locales";
import type { Messages } from "@/app/i18n/messages";
import { ThemeScript } from "./theme-script";

/**
 * The <html> of every page, in the language it renders in. Each root layout renders it: the
 * site's pages (in the reader's language) and the two note pages (one language each, rendered
 * once for everyone) have root layouts of their own, so a note page reads nothing of the reader.
 * The messages go to the client components of the page too: all of them, or only the
 * namespaces `clientMessages` names (the note pages: every namespace sent is parsed in the
 * browser on each first visit, and their client components need three of fifteen).
 */
export async function Document({
  locale,
  clientMessages,
  children,
}: {
  locale: Locale;
  clientMessages?: readonly (keyof Messages)[];
  children: React.ReactNode;
}) {
  const [all, timeZone] = await Promise.all([getMessages(), getTimeZone()]);
  const messages = clientMessages ? Object.fromEntries(clientMessages.map((namespace) => [namespace, all[namespace]])) : all;
  return (
    <html lang={htmlLang(locale)} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-dvh font-sans">
        <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
