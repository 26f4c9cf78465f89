import { LOCALE_COOKIE } from "@/app/lib/domain/i18n/locales";
import { setLocaleSchema } from "@/app/lib/schemas/locale";
import { jsonError, withOptionalUser } from "@/app/lib/server/auth/guard";
import { saveLocale } from "@/app/lib/server/data/locale";
import { cookieOptions } from "@/app/lib/server/http/cookies";

const YEAR = 365 * 24 * 3600;

/**
 * The header's language switch: keeps the choice in a cookie (a guest's only record of it;
 * a year) and, signed in, in the reader's settings, which win over the cookie on every device.
 * Same-origin only, as every state-changing route; a cross-site fetch would need a CORS preflight.
 */
export const PUT = withOptionalUser(
  async (request, user) => {
    const parsed = setLocaleSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return jsonError(400, "Unknown language.");
    const { locale } = parsed.data;
    if (user) await saveLocale(user.id, locale);
    const response = Response.json({ locale, saved: user !== null }, { headers: { "Cache-Control": "private, no-store" } });
    const { secure, path, sameSite, maxAge } = { ...cookieOptions(YEAR), maxAge: YEAR };
    response.headers.append(
      "Set-Cookie",
      `${LOCALE_COOKIE}=${locale}; Path=${path}; Max-Age=${maxAge}; SameSite=${sameSite === "lax" ? "Lax" : sameSite}${secure ? "; Secure" : ""}; HttpOnly`,
    );
    return response;
  },
  { accepts: ["application/json"] },
);
