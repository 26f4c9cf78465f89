import "#server-only";
import { z } from "zod";
import { EnvironmentError } from "./errors";

/** An empty value (`SMTP_URL=` in a shell or .env file) counts as not set. */
const blankAsUnset = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

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
    // Mail (password resets, address checks). Without SMTP_URL the mail is printed to the
    // console in development instead of sent.
    SMTP_URL: blankAsUnset.pipe(
      z
        .url({ protocol: /^smtps?$/, message: "SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)" })
        .optional(),
    ),
    MAIL_FROM: blankAsUnset.pipe(
      z
        .string()
        .regex(/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/, "MAIL_FROM must be an address, or a name and <address>")
        .optional(),
    ),
  })
  .refine((e) => Boolean(e.GITHUB_ID) === Boolean(e.GITHUB_SECRET), {
    message: "set both GITHUB_ID and GITHUB_SECRET, or neither",
  })
  .refine((e) => Boolean(e.GOOGLE_ID) === Boolean(e.GOOGLE_SECRET), {
    message: "set both GOOGLE_ID and GOOGLE_SECRET, or neither",
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/**
 * `next build` imports every route to collect its configuration, and db.ts builds its pool
 * (which connects only on the first query) when imported: without these stand-ins the build
 * would need a database URL and a secret it never uses. They exist only inside the build
 * (Next sets NEXT_PHASE there); `next start` and `next dev` still require the real values.
 */
const BUILD_PLACEHOLDERS = {
  DATABASE_URL: "postgresql://database-url-is-not-set-at-build-time.invalid/paperdeck",
  NEXTAUTH_SECRET: "nextauth-secret-is-not-set-at-build-time-placeholder",
};

function environment(): NodeJS.ProcessEnv {
  if (process.env.NEXT_PHASE !== "phase-production-build") return process.env;
  return {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || BUILD_PLACEHOLDERS.DATABASE_URL,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || BUILD_PLACEHOLDERS.NEXTAUTH_SECRET,
  };
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(environment());
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".") || "env"}: ${i.message}`);
    throw new EnvironmentError(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}
