import { z } from "zod";
import { LOCALES } from "@/app/lib/domain/i18n/locales";

/** The header's language switch: PUT /api/me/locale {locale}. */
export const setLocaleSchema = z.object({ locale: z.enum(LOCALES) });
