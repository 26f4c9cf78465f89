import { noteRequestError } from "@/app/lib/server/http/outage-status";

/**
 * Runs once when the server starts: a wrong or missing environment variable stops it here,
 * with a message naming the variable, instead of failing on the first request.
 */
export async function register() {
  // Not during `next build`, which loads this too: a build needs no database or secret.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/app/lib/server/env");
  env();
}

/**
 * Next reports every error of a request here (pages, routes, actions): one that was the
 * database being away makes the production server answer that page 503 instead of 500.
 */
export function onRequestError(error: unknown): void {
  noteRequestError(error);
}
