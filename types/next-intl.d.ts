import type { Locale } from "@/app/lib/domain/i18n/locales";
import type en from "@/messages/en.json";

// Message keys and arguments are checked against the English catalogue; the unit test
// (tests/unit/i18n/catalogues.test.ts) keeps the Chinese one to the same keys and arguments.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
