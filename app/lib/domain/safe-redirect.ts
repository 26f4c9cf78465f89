/** Only same-site paths may be redirect targets (no open redirects through ?callbackUrl=). */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/"): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return fallback;
  return url;
}
