import "#server-only";
import { env } from "../env";

/**
 * The one secure-cookie rule. When the site is served over https (NEXTAUTH_URL says so), every
 * cookie it sets is Secure, and the cookies that may carry a prefix carry it: `__Host-` (Secure,
 * the whole site, no Domain, so no subdomain can set or overwrite it) or `__Secure-`. Over
 * plain http (`next dev`, the tests) neither, since a browser refuses both there.
 *
 * next-auth names its own cookies by the same answer (`useSecureCookies` in authOptions, and
 * `getToken`'s `secureCookie`), so the names below are the ones it sets.
 */
export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** A cookie's name under the rule: prefixed over https, bare over http. */
export function cookieName(name: string, prefix: "__Host-" | "__Secure-"): string {
  return secureCookies() ? `${prefix}${name}` : name;
}

/** The attributes of a cookie the site sets itself: httpOnly, SameSite=Lax, the whole site, Secure over https. */
export function cookieOptions(maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: secureCookies(),
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

/**
 * Whether a cookie is (a piece of) next-auth's session token: `next-auth.session-token`, with the
 * `__Secure-` prefix over https, or one of the chunks `….0`, `….1` next-auth splits it into when
 * the token outgrows one cookie (4 KB).
 */
export function isSessionCookie(name: string): boolean {
  return /^(?:__Secure-)?next-auth\.session-token(?:\.\d+)?$/.test(name);
}
