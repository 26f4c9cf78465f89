import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/app/lib/domain/client-address";

/**
 * The client's address for rate limits. The app's server (scripts/server.ts, used by
 * `npm start` and the tests) works it out from the socket and the trusted proxies and passes
 * it in its own header, dropping any copy the client sent. Under `next dev`, which that server
 * does not front, the address Next records for the connection (the last X-Forwarded-For hop
 * when the client sent none) stands in.
 */
export function clientIp(headers: Headers | Record<string, unknown>): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return typeof value === "string" ? value : undefined;
  };
  const fromServer = get(CLIENT_ADDRESS_HEADER);
  if (fromServer) return fromServer;
  const forwarded = get("x-forwarded-for");
  return clientAddress(undefined, forwarded?.split(",").pop()?.trim(), 0);
}
