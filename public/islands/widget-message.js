// @ts-check
/**
 * What a widget's embed page (/widgets/<name>/embed) tells the note page that frames it: its
 * height, so the iframe shows it whole, and the widget's state, mirrored on the note's figure.
 * Sent with postMessage to the site's own origin only; the note page checks the origin too.
 */

/**
 * waiting: not near the viewport yet · loading: its code is on the way · ready: drawn · error: failed.
 * @typedef {"waiting" | "loading" | "ready" | "error"} WidgetState
 */
/** @typedef {{ type: typeof WIDGET_MESSAGE, height: number, state: WidgetState }} WidgetMessage */

export const WIDGET_MESSAGE = "paperdeck:widget";
const STATES = ["waiting", "loading", "ready", "error"];

/**
 * @param {number} height the embed's content height in CSS pixels
 * @param {WidgetState} state
 * @returns {WidgetMessage}
 */
export function widgetMessage(height, state) {
  return { type: WIDGET_MESSAGE, height, state };
}

/**
 * The message, if `data` is one (anything else posted to the window is ignored).
 * @param {unknown} data
 * @returns {WidgetMessage | null}
 */
export function readWidgetMessage(data) {
  if (typeof data !== "object" || data === null) return null;
  const { type, height, state } = /** @type {Record<string, unknown>} */ (data);
  if (type !== WIDGET_MESSAGE || typeof height !== "number" || !Number.isFinite(height) || height < 0) return null;
  if (typeof state !== "string" || !STATES.includes(state)) return null;
  return widgetMessage(height, /** @type {WidgetState} */ (state));
}
