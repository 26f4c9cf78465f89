import type * as z from "zod/mini";
import { errorBodySchema } from "@/app/lib/schemas/api-responses";

/**
 * A response's JSON body checked against the schema its route answers with
 * (app/lib/schemas/api-responses.ts), or null when the body is not JSON or not of that shape:
 * callers treat null as they treat a failed request, instead of reading fields that are not there.
 */
export async function readJson<S extends z.ZodMiniType>(response: Response, schema: S): Promise<z.infer<S> | null> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** The `error` of one of our routes' error answers (`{ error }`), or null for any other body. */
export function errorMessageOf(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}
