import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import type { Locale } from "@/app/lib/domain/i18n/locales";
import { isWidgetName } from "./names";

/**
 * The messages one widget needs, given to its slot on a note page. Note pages send the browser
 * only a few namespaces (app/ui/notes/client-messages.ts); sending every widget's labels to all
 * 33 notes would cost each page bytes and parsing for figures it does not have. So each slot
 * gets its own provider with the slot's messages, the shared widget words and that widget's
 * namespace: a note carries the labels of the widgets it holds, in its language.
 * The locale is passed in, as the note page has it: a page does not see its layout's
 * setRequestLocale, and asking without it would read the reader's cookie (English on
 * /zh/papers/…, and a static page made dynamic).
 */
export async function WidgetMessages({ name, locale, children }: { name: string; locale: Locale; children: ReactNode }) {
  const [all, timeZone] = await Promise.all([getMessages({ locale }), getTimeZone({ locale })]);
  const widgets = isWidgetName(name) ? { common: all.widgets.common, [name]: all.widgets[name] } : { common: all.widgets.common };
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={{ widgetSlot: all.widgetSlot, widgets }}>
      {children}
    </NextIntlClientProvider>
  );
}
