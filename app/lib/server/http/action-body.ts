/**
 * The shape of a server-action request, checked before Next decodes it. Next answers a body
 * its decoder cannot read (not JSON, not an array, a dangling `$` reference, over the size
 * limit, a multipart body without a boundary) with a bare 500; the proxy answers these with a
 * 4xx that says what was wrong instead. Only what PaperDeck's own pages send passes: the
 * arguments as a JSON array (`text/plain`), or a form's fields as multipart whose root field
 * "0" is that array (a form action called with its FormData).
 */

/** Next's default `serverActions.bodySizeLimit`. */
export const ACTION_BODY_LIMIT = 1024 * 1024;
const MAX_DEPTH = 32;

export type ActionBodyVerdict = { ok: true } | { ok: false; status: 400 | 413 | 415; message: string };

const refuse = (status: 400 | 413 | 415, message: string): ActionBodyVerdict => ({ ok: false, status, message });

/**
 * `$`-prefixed strings are references in React's reply format. Plain values our pages send
 * only ever use these: an escaped string (`$$…`), undefined, dates, bigints and the special
 * numbers; `$K<n>` names the FormData of a form action, whose fields must then be present.
 */
const SCALAR_REFERENCE = /^\$(\$|undefined$|D|n-?\d|-0$|NaN$|Infinity$|-Infinity$)/;
const FORM_DATA_REFERENCE = /^\$K([0-9a-f]+)$/;

function checkValue(value: unknown, depth: number, formPrefixes: ReadonlySet<string>): string | null {
  if (depth > MAX_DEPTH) return `the arguments are nested more than ${MAX_DEPTH} levels deep`;
  if (typeof value === "string") {
    if (!value.startsWith("$") || SCALAR_REFERENCE.test(value)) return null;
    const form = FORM_DATA_REFERENCE.exec(value);
    if (form && formPrefixes.has(form[1] ?? "")) return null;
    return `the argument "${value.slice(0, 20)}" refers to something the request does not hold`;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = checkValue(item, depth + 1, formPrefixes);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) {
      const problem = checkValue(item, depth + 1, formPrefixes);
      if (problem) return problem;
    }
  }
  return null;
}

function checkArguments(text: string, formPrefixes: ReadonlySet<string>): ActionBodyVerdict {
  // A cheap bound before JSON.parse, whose recursion a deep enough body would exhaust.
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) depth--;
    if (depth > MAX_DEPTH + 1) return refuse(400, `The action's arguments are nested more than ${MAX_DEPTH} levels deep.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse(400, "The action's arguments are not valid JSON.");
  }
  if (!Array.isArray(parsed)) return refuse(400, "The action's arguments must be a JSON array.");
  const problem = checkValue(parsed, 0, formPrefixes);
  return problem ? refuse(400, `The action's arguments are malformed: ${problem}.`) : { ok: true };
}

/** Checks a server action's body given its media type ("" when none was sent). */
export function checkActionText(mediaType: string, text: string): ActionBodyVerdict {
  if (text.length > ACTION_BODY_LIMIT) return refuse(413, "The request is larger than 1 MB.");
  if (mediaType !== "text/plain") return refuse(415, "A server action takes text/plain or multipart/form-data.");
  return checkArguments(text, new Set());
}

/** Checks a multipart action body: the root field "0" holds the arguments. */
export function checkActionForm(fields: ReadonlyMap<string, string> | Iterable<[string, unknown]>): ActionBodyVerdict {
  const entries = [...fields];
  const root = entries.find(([name]) => name === "0")?.[1];
  if (typeof root !== "string") return refuse(400, 'A multipart server action needs its arguments in the field "0".');
  // A FormData's fields are named "<id>_<field>" (React 19.0–19.2) or "_<id>_<field>" (19.3).
  const prefixes = new Set(entries.map(([name]) => /^_?([0-9a-f]+)_/.exec(name)?.[1]).filter((p): p is string => p !== undefined));
  return checkArguments(root, prefixes);
}
