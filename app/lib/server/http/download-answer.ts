import "#server-only";
import { env } from "../env";

/**
 * Answers for the download routes (the Anki exports), which a page fetches and which a plain
 * form also opens when JavaScript is off.
 */

/** The site's public origin, to make links inside an exported file absolute. */
export function siteOrigin(request: Request): string {
  const configured = env().NEXTAUTH_URL;
  return new URL(configured ?? request.url).origin;
}

/** True when a browser opened the URL as a page (a form submitted without JavaScript). */
function isNavigation(request: Request): boolean {
  const mode = request.headers.get("sec-fetch-mode");
  if (mode) return mode === "navigate";
  return (request.headers.get("accept") ?? "").includes("text/html");
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refused download: `{error}` JSON for a page's fetch (the form shows the message in place),
 * and for a browser that navigated, the same status with a short page saying what is wrong and
 * linking back, never a raw JSON document.
 */
export function downloadError(request: Request, status: number, message: string, back: { href: string; label: string }): Response {
  if (!isNavigation(request)) return Response.json({ error: message }, { status });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Nothing to download</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5"><h1 style="font-size: 1.25rem">Nothing to download</h1><p data-testid="download-error">${escapeHtml(message)}</p><p><a href="${escapeHtml(back.href)}">${escapeHtml(back.label)}</a></p></body></html>`;
  return new Response(page, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Where a refused Anki download sends a browser back to. */
export const ACCOUNT_DATA = { href: "/account#your-data", label: "Back to your account" };

/** A file name made of the given words, safe in a Content-Disposition header. */
export function attachmentName(stem: string, extension: string): string {
  return `attachment; filename="${stem.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 120)}.${extension}"`;
}
