/**
 * Compares message catalogues (messages/<locale>.json): every key in every language, and the
 * same ICU arguments in each translation of a message. Pure; the unit test and `content:check`
 * run it, so a key added in one language only fails CI.
 */

export type Catalogue = { [key: string]: string | Catalogue };

export interface CatalogueProblem {
  key: string;
  problem: string;
}

/** Every message of a nested catalogue by its dotted key ("nav.library"). */
export function flattenCatalogue(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(catalogue)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === "string") out.set(key, value);
    else for (const [k, v] of flattenCatalogue(value, key)) out.set(k, v);
  }
  return out;
}

/**
 * The arguments of an ICU message as "name" or "name:type" ("count:plural"), branches searched too.
 * Branch selectors (`one`, `=0`, `other`) are not arguments, and a language may have other
 * branches than another (Chinese needs only `other`); the arguments must be the same.
 * Throws on unbalanced braces.
 */
export function messageArguments(message: string): Set<string> {
  const args = new Set<string>();
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${i} in "${message}"`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i]!)) i++;
  };
  const readWord = (): string => {
    skipSpace();
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message[i]!)) i++;
    return message.slice(start, i);
  };
  // Reads text up to the `}` closing the current branch (or the end at depth 0).
  const parseText = (depth: number) => {
    while (i < message.length) {
      const c = message[i]!;
      if (c === "}") {
        if (depth === 0) fail("unmatched }");
        return;
      }
      if (c === "{") {
        i++;
        parseArgument();
      } else i++;
    }
    if (depth > 0) fail("unclosed {");
  };
  const parseArgument = () => {
    const name = readWord();
    if (!name) fail("empty argument");
    skipSpace();
    if (message[i] === "}") {
      args.add(name);
      i++;
      return;
    }
    if (message[i] !== ",") fail("expected , or }");
    i++;
    const type = readWord();
    args.add(`${name}:${type}`);
    skipSpace();
    if (message[i] === "}") {
      i++;
      return;
    }
    if (message[i] !== ",") fail("expected , or }");
    i++;
    if (type === "plural" || type === "select" || type === "selectordinal") {
      for (;;) {
        skipSpace();
        if (message[i] === "}") {
          i++;
          return;
        }
        const selector = readWord();
        if (!selector) fail("expected a branch");
        if (selector.startsWith("offset:")) continue;
        skipSpace();
        if (message[i] !== "{") fail(`expected { after ${selector}`);
        i++;
        parseText(1);
        i++;
      }
    }
    // number/date/time with a style: skip to the closing brace.
    let depth = 1;
    while (i < message.length && depth > 0) {
      if (message[i] === "{") depth++;
      else if (message[i] === "}") depth--;
      i++;
    }
    if (depth > 0) fail("unclosed {");
  };
  parseText(0);
  return args;
}

/** Keys missing from a language, keys it has that the reference lacks, and arguments that differ. */
export function compareCatalogues(catalogues: Record<string, Catalogue>): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const flat = Object.entries(catalogues).map(([locale, c]) => ({ locale, messages: flattenCatalogue(c) }));
  const allKeys = new Set(flat.flatMap(({ messages }) => [...messages.keys()]));
  for (const key of [...allKeys].sort()) {
    const signatures: { locale: string; args: string }[] = [];
    for (const { locale, messages } of flat) {
      const message = messages.get(key);
      if (message === undefined) {
        problems.push({ key, problem: `missing in ${locale}` });
        continue;
      }
      if (!message.trim()) problems.push({ key, problem: `empty in ${locale}` });
      try {
        signatures.push({ locale, args: [...messageArguments(message)].sort().join(", ") });
      } catch (error) {
        problems.push({ key, problem: `${locale}: ${(error as Error).message}` });
      }
    }
    const first = signatures[0];
    for (const other of signatures.slice(1)) {
      if (first && other.args !== first.args)
        problems.push({ key, problem: `arguments differ: ${first.locale} {${first.args}} vs ${other.locale} {${other.args}}` });
    }
  }
  return problems;
}
