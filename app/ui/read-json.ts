import type * as z from "zod/mini";

/**
 * A response's JSON body checked against the schema its route answers with
 * (app/lib/schemas/api-responses.ts), or null when the body is not JSON or not of that shape:
 * callers treat null as they treat a failed request, instead of reading fields that are not there.
 * Only a type is imported from zod here: the note page's components use this with the guards of
 * shell-responses.ts (a function), and zod reaches a page only through a schema it passes.
 */
export async function readJson<S extends z.ZodMiniType>(response: Response, schema: S): Promise<z.infer<S> | null>;
export async function readJson<T>(response: Response, guard: (body: unknown) => T | null): Promise<T | null>;
export async function readJson(
  response: Response,
  check: z.ZodMiniType | ((body: unknown) => unknown),
): Promise<unknown> {
  const body: unknown = await response.json().catch(() => undefined);
  if (typeof check === "function") return check(body);
  const parsed = check.safeParse(body);
  return parsed.success ? parsed.data : null;
}

export { readErrorMessage as errorMessageOf } from "@/app/lib/schemas/shell-responses";
