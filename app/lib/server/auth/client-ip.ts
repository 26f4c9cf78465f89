/**
 * The client's address as the reverse proxy in front of the app reports it. Behind no proxy
 * (development, tests) every client shares one key, which only makes the limit stricter.
 */
export function clientIp(headers: Headers | Record<string, unknown>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return typeof value === "string" ? value : undefined;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip") || "local";
}
