/**
 * Server messages in the reader's language. The server's errors stay English where they are
 * thrown (an API client reads them as they are); the catalogue's `serverMessages` namespace
 * holds each one under a code, its English text as the template ("Try again in {wait} s."),
 * and a server action's answer is looked up there on its way to the form: a message that
 * matches a template is given in the reader's language with the same arguments; anything else
 * stays English. Pure: the catalogues are passed in.
 */
type Catalogue = Record<string, string>;

type Pattern = { code: string; regex: RegExp; names: string[] };

const ARG = /\{(\w+)\}/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(code: string, template: string): Pattern {
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const match of template.matchAll(ARG)) {
    source += escape(template.slice(last, match.index));
    source += "(.+?)";
    names.push(match[1]!);
    last = match.index + match[0].length;
  }
  source += escape(template.slice(last));
  return { code, regex: new RegExp(`^${source}$`, "s"), names };
}

const compiled = new WeakMap<Catalogue, Pattern[]>();

function patternsOf(english: Catalogue): Pattern[] {
  let patterns = compiled.get(english);
  if (!patterns) {
    // Templates without arguments first: an exact text wins over a looser pattern.
    patterns = Object.entries(english)
      .map(([code, template]) => compile(code, template))
      .sort((a, b) => a.names.length - b.names.length);
    compiled.set(english, patterns);
  }
  return patterns;
}

/** The code of an English server message, with its arguments; null when no template matches. */
export function matchServerMessage(english: Catalogue, message: string): { code: string; args: Record<string, string> } | null {
  for (const pattern of patternsOf(english)) {
    const found = pattern.regex.exec(message);
    if (!found) continue;
    const args: Record<string, string> = {};
    pattern.names.forEach((name, i) => (args[name] = found[i + 1]!));
    return { code: pattern.code, args };
  }
  return null;
}

/**
 * The message in the target catalogue's language; the English text when it has no code.
 * `phrases` (English and target) translate a `{wait}` argument that is itself a phrase
 * ("40 seconds", from waitInWords): a catalogue of its own, so that no whole message is ever
 * taken for one of these loose patterns.
 */
export function localizeServerMessage(
  english: Catalogue,
  target: Catalogue,
  message: string,
  phrases?: { english: Catalogue; target: Catalogue },
): string {
  const match = matchServerMessage(english, message);
  const template = match ? target[match.code] : undefined;
  if (!match || !template) return message;
  return template.replace(ARG, (whole, name: string) => {
    const value = match.args[name];
    if (value === undefined) return whole;
    return name === "wait" && phrases ? localizeServerMessage(phrases.english, phrases.target, value) : value;
  });
}
