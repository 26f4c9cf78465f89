import "#server-only";
import { env } from "../env";

/**
 * Cross-site request forgery guard for every state-changing request (routes and server
 * actions alike). A browser always says where a request comes from: `Origin` on every
 * non-GET fetch or form post, `Sec-Fetch-Site` on modern browsers. A request is accepted
 * only when it provably comes from this site's own pages; a request that says nothing is
 * refused too, since a sibling subdomain or an old browser must not be trusted by default.
 *
 * The site's origin is NEXTAUTH_URL's. Without NEXTAUTH_URL (a bare `next dev`), the Host
 * header's origin stands in; X-Forwarded-Host is never read, since any client can write it.
 */
export type OriginVerdict = { ok: true } | { ok: false; reason: string };

function siteOrigins(headers: Headers): string[] {
  const configured = env().NEXTAUTH_URL;
  if (configured) return [new URL(configured).origin];
  const host = headers.get("host");
  return host ? [`http://${host}`, `https://${host}`] : [];
}

export function checkSameOrigin(headers: Headers): OriginVerdict {
  const origin = headers.get("origin");
  const site = siteOrigins(headers);
  if (origin !== null) {
    return site.includes(origin)
      ? { ok: true }
      : { ok: false, reason: "This request came from another site, so it was refused." };
  }
  if (headers.get("sec-fetch-site") === "same-origin") return { ok: true };
  return { ok: false, reason: "This request did not say which site sent it (no Origin header), so it was refused." };
}

/** The request's media type without parameters, lower-cased ("" when absent). */
export function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
