/**
 * The client's address, from the connection and the `X-Forwarded-For` chain, trusting exactly
 * `trustedProxies` hops. Each proxy appends the address it was connected from, so the chain
 * read right to left is: the socket's peer, then what each trusted proxy saw. Everything left
 * of that is written by the client itself and proves nothing (rotating it must not give an
 * attacker fresh rate-limit budgets).
 *
 * With no trusted proxy (the default) the socket's address is the answer.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...hops, socketAddress ?? "unknown"];
  const index = Math.max(0, chain.length - 1 - Math.max(0, Math.floor(trustedProxies)));
  return normaliseAddress(chain[index] ?? "unknown");
}

/** `::ffff:1.2.3.4` and `1.2.3.4` are one client; other text is kept short and printable. */
function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped?.[1] ?? address;
  return /^[0-9a-f.:]{2,45}$/i.test(plain) ? plain.toLowerCase() : "invalid";
}

/** Reads the TRUSTED_PROXIES setting: a whole number of hops, 0 when unset. */
export function parseTrustedProxies(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(`TRUSTED_PROXIES must be a whole number of proxies from 0 to 10, not "${value}"`);
  }
  return n;
}

/** The request header the app's server sets to the client's address (and clears if sent). */
export const CLIENT_ADDRESS_HEADER = "x-paperdeck-client-address";
