// @ts-check
/**
 * The next-auth browser calls that the React pages and the note page's islands share, done
 * with fetch: next-auth/react would add ~13 KB of gzipped JavaScript for the same requests.
 */

/** @returns {Promise<string>} the token next-auth's POST endpoints require (double-submit cookie) */
export async function csrfToken() {
  const response = await fetch("/api/auth/csrf");
  const body = /** @type {unknown} */ (await response.json());
  if (typeof body !== "object" || body === null || !("csrfToken" in body) || typeof body.csrfToken !== "string") {
    throw new Error(`No CSRF token from /api/auth/csrf (HTTP ${response.status})`);
  }
  return body.csrfToken;
}

/**
 * Ends this browser's session, then goes to `callbackUrl`.
 * @param {string} [callbackUrl]
 * @returns {Promise<void>}
 */
export async function signOut(callbackUrl = "/") {
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" }),
  });
  window.location.href = callbackUrl;
}

/**
 * The letter on the header's account button.
 * @param {string} name the user's name, else their email
 * @returns {string}
 */
export function userInitial(name) {
  return (name.trim()[0] ?? "?").toUpperCase();
}

/**
 * The account button's accessible name.
 * @param {string} email
 * @returns {string}
 */
export function accountMenuLabel(email) {
  return `Account menu for ${email}`;
}
