/** Any origin of our own works for the check: only the path, query and fragment are returned. */
const PLACEHOLDER_ORIGIN = "http://paperdeck.invalid";

/**
 * The path+query+fragment `value` leads to when it stays on `origin`, else null. Parsed the way
 * a browser parses it (TAB/CR/LF dropped, backslashes read as slashes, `.` segments removed), so
 * what is checked is what the browser will follow. The result is percent-encoded by the URL
 * serialiser, so it is always a valid Location header.
 */
export function sameOriginTarget(value: string, origin: string): string | null {
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || base.origin === "null") return null;
  const path = target.pathname + target.search + target.hash;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as a host.
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  return path;
}

/** Only same-site paths may be redirect targets (no open redirects through ?callbackUrl=). */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/"): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url) return fallback;
  return sameOriginTarget(url, PLACEHOLDER_ORIGIN) ?? fallback;
}

/** next-auth's `callbacks.redirect`: the same rule for its callbackUrl parameter and cookie. */
export function nextAuthRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return "/";
  }
  const path = sameOriginTarget(url, origin);
  return `${origin}${path ?? "/"}`;
}
