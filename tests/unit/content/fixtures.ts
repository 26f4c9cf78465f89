/** Builders for small note files, so each test states only what it is about. */

type FrontMatterValue = string | number | string[] | undefined;

const PAPER_DEFAULTS: Record<string, FrontMatterValue> = {
  title: "Momentum Contrast for Unsupervised Visual Representation Learning",
  short: "MoCo",
  kind: "paper",
  authors: ["Kaiming He", "Ross Girshick"],
  year: 2020,
  venue: "CVPR 2020",
  link: "https://arxiv.org/abs/1911.05722",
  area: "vision",
  tags: ["self-supervised"],
  prerequisites: [],
  introduces: ["momentum encoder"],
  summary: "MoCo contrasts queries against a queue of keys from a momentum encoder.",
};

/**
 * A note file: paper front matter with `overrides` applied (an `undefined` value removes the
 * key), then `body`. Values are written as JSON, which YAML reads as flow values.
 */
export function noteText(overrides: Record<string, FrontMatterValue> = {}, body = DEFAULT_BODY): string {
  const fields = { ...PAPER_DEFAULTS, ...overrides };
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return ["---", ...lines, "---", "", body.trim(), ""].join("\n");
}

export const DEFAULT_BODY = `
## Idea

MoCo keeps its negatives in a ==queue== of keys that is refreshed every step.

\`\`\`card
id: queue-size
type: basic
front: How many keys does MoCo keep?
back: 65536
\`\`\`
`;

/** A paper note for corpus tests: `slug`, area and prerequisites vary, the rest is valid. */
export function paperFile(
  slug: string,
  options: { area?: string; prerequisites?: string[]; short?: string; venue?: string; year?: number; body?: string } = {},
) {
  return {
    path: `content/${slug}.md`,
    text: noteText(
      {
        title: `The paper called ${slug}`,
        short: options.short ?? slug.toUpperCase(),
        area: options.area ?? "vision",
        prerequisites: options.prerequisites ?? [],
        venue: options.venue ?? `Venue of ${slug}`,
        year: options.year ?? 2020,
        introduces: [`the idea of ${slug}`, `a second idea from ${slug}`],
      },
      options.body ?? `## Idea\n\nThe ${slug} paper defines a ==${slug} block== that everyone uses now.\n`,
    ),
  };
}

/** 1-based line of the first line of `text` containing `needle` (after `from`, if given). */
export function lineOf(text: string, needle: string, from?: string): number {
  const lines = text.split("\n");
  const start = from === undefined ? 0 : lines.findIndex((l) => l.includes(from));
  const index = lines.findIndex((l, i) => i >= start && l.includes(needle));
  if (index === -1) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
}
