/**
 * The JSON answers read by what every note page carries (the header's account corner and menu,
 * the reader's panel, the study-set button), checked by small hand-written guards instead of
 * zod: Turbopack bundles the whole of zod's core (~23 KB gzipped, even from `zod/mini`) into
 * any page that imports one schema, which took the note page's first-load JavaScript from 155 KB
 * to 180 KB (target ≤ 160 KB). The other pages read their answers with the zod schemas of
 * api-responses.ts. The types here are checked against the server's at compile time
 * (tests/unit/schemas/api-responses.test.ts) and the guards against sample bodies.
 */

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const optional = <T>(value: unknown, is: (v: unknown) => v is T): value is T | undefined => value === undefined || is(value);

/** GET /api/me: who is signed in, for the header of static pages. */
export type MeResponse = { user: { name: string | null; email: string } | null };
export function readMe(body: unknown): MeResponse | null {
  if (!isObject(body)) return null;
  const user = body.user;
  if (user === null) return { user: null };
  if (!isObject(user) || !isString(user.email) || !(user.name === null || isString(user.name))) return null;
  return { user: { name: user.name, email: user.email } };
}

/** GET /api/me/notes/[slug]: the reader's side of a note page. */
export type NoteUserStatus = { signedIn: true; inStudySet: boolean; mastery: number } | { signedIn: false };
export function readNoteUserStatus(body: unknown): NoteUserStatus | null {
  if (!isObject(body)) return null;
  if (body.signedIn === false) return { signedIn: false };
  if (body.signedIn !== true || !isBoolean(body.inStudySet) || !isNumber(body.mastery)) return null;
  return { signedIn: true, inStudySet: body.inStudySet, mastery: body.mastery };
}

/** PUT/DELETE /api/me/study-set/[slug] (`switched`, `studyAll`, `setSize`: PUT only). */
export type StudySetChange = { paperSlug: string; inStudySet: boolean; switched?: boolean; studyAll?: boolean; setSize?: number };
export function readStudySetChange(body: unknown): StudySetChange | null {
  if (!isObject(body) || !isString(body.paperSlug) || !isBoolean(body.inStudySet)) return null;
  const { switched, studyAll, setSize } = body;
  if (!optional(switched, isBoolean) || !optional(studyAll, isBoolean) || !optional(setSize, isNumber)) return null;
  return { paperSlug: body.paperSlug, inStudySet: body.inStudySet, switched, studyAll, setSize };
}

/** The `error` of one of our routes' error answers (`jsonError`: `{ error }`), or null. */
export function readErrorMessage(body: unknown): string | null {
  return isObject(body) && isString(body.error) ? body.error : null;
}

/** 429 from a rate-limited route (sign-in among them): the message, and seconds to wait. */
export function readTooManyRequests(
  body: unknown,
): { error: string; retryAfter?: number; code?: string; args?: Record<string, string> } | null {
  if (!isObject(body) || !isString(body.error) || !optional(body.retryAfter, isNumber) || !optional(body.code, isString)) return null;
  const args = isObject(body.args) && Object.values(body.args).every(isString) ? (body.args as Record<string, string>) : undefined;
  return { error: body.error, retryAfter: body.retryAfter, code: body.code, args };
}

/** next-auth's answer to a POST with `X-Auth-Return-Redirect`: where the browser goes next. */
export function readAuthRedirect(body: unknown): { url?: string } | null {
  if (!isObject(body) || !optional(body.url, isString)) return null;
  return { url: body.url };
}

/** next-auth's GET /api/auth/csrf. */
export function readCsrfToken(body: unknown): string | null {
  return isObject(body) && isString(body.csrfToken) ? body.csrfToken : null;
}
