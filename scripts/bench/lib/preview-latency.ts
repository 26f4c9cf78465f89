/**
 * Keystroke → updated preview in the note editor, measured inside the page (issue 17; used by
 * `npm run bench:notes` and tests/e2e/own-notes-authoring.test.ts). From each keydown's event
 * time to the first DOM change of the preview after which the preview's text holds everything
 * typed so far (a keystroke whose text first shows with a later one counts until then). DOM
 * change, not paint: the paint follows in the same frame.
 */
import type { Page } from "playwright-core";

export async function typeAndMeasurePreview(page: Page, at: number, text: string, delayMs: number): Promise<number[]> {
  // Under tsx, esbuild names inner functions with a `__name` helper the page does not have.
  await page.evaluate("window.__name ??= (f) => f");
  await page.evaluate((start) => {
    const area = document.querySelector<HTMLTextAreaElement>("[data-testid=note-source]");
    const preview = document.querySelector("[data-testid=note-preview]");
    if (!area || !preview) throw new Error("editor not on screen");
    const pending: { t0: number; expected: string | null }[] = [];
    const latencies: number[] = [];
    (window as Window & { __previewLatencies?: number[] }).__previewLatencies = latencies;
    const settle = () => {
      const shown = (preview.textContent ?? "").replace(/\s+/g, " ");
      while (pending.length && pending[0]?.expected !== null && shown.includes(pending[0]?.expected ?? "")) {
        latencies.push(performance.now() - (pending.shift()?.t0 ?? 0));
      }
    };
    area.addEventListener("keydown", (e) => pending.push({ t0: e.timeStamp, expected: null }), true);
    area.addEventListener("input", () => {
      const last = pending.at(-1);
      if (last && last.expected === null) last.expected = area.value.slice(start, area.selectionStart).replace(/\s+/g, " ").trim();
      if (last?.expected === "") pending.pop();
    });
    new MutationObserver(settle).observe(preview, { subtree: true, childList: true, characterData: true });
    area.focus();
    area.setSelectionRange(start, start);
  }, at);
  await page.keyboard.type(text, { delay: delayMs });
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as Window & { __previewLatencies?: number[] }).__previewLatencies ?? []);
}

/** A place to type in a note: the end of the paragraph nearest its middle. */
export function middleOfNote(text: string): number {
  // The prose paragraph (not code, a table, a list or a block) nearest the middle, where typed
  // words show as text.
  let best = text.length;
  for (let at = text.indexOf("\n\n"); at !== -1; at = text.indexOf("\n\n", at + 2)) {
    const paragraph = text.slice(text.lastIndexOf("\n\n", at - 1) + 2, at);
    if (/^[A-Z]/.test(paragraph) && !/[|`]|\$\$|\n[-*#>]/.test(paragraph) && Math.abs(at - text.length / 2) < Math.abs(best - text.length / 2)) best = at;
  }
  return best;
}
