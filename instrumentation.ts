/**
 * Runs once when the server starts: a wrong or missing environment variable stops it here,
 * with a message naming the variable, instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/app/lib/server/env");
  env();
}
