import "#server-only";
import { z } from "zod";

/**
 * The server's environment, validated once. `npm run dev` and the tests fill DATABASE_URL and
 * NEXTAUTH_SECRET themselves; in production both must be set.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// URL" }),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    NEXTAUTH_URL: z.url().optional(),
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    GOOGLE_ID: z.string().min(1).optional(),
    GOOGLE_SECRET: z.string().min(1).optional(),
  })
  .refine((e) => Boolean(e.GITHUB_ID) === Boolean(e.GITHUB_SECRET), {
    message: "set both GITHUB_ID and GITHUB_SECRET, or neither",
  })
  .refine((e) => Boolean(e.GOOGLE_ID) === Boolean(e.GOOGLE_SECRET), {
    message: "set both GOOGLE_ID and GOOGLE_SECRET, or neither",
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class EnvironmentError extends Error {
  override name = "EnvironmentError";
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".") || "env"}: ${i.message}`);
    throw new EnvironmentError(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Secure cookies (`__Secure-`/`__Host-` prefixes) whenever the site is served over https. */
export function useSecureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}
