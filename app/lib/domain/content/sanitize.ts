/**
 * The allow-list for user-written notes (issue 17), applied by rehype-sanitize to the rendered
 * tree, after KaTeX and the highlighter, as the last step: whatever the pipeline above it lets
 * through, only these elements, attributes and values reach a page. The pipeline already
 * drops raw HTML and non-http(s) links; this is the second, independent wall.
 *
 * It keeps what the corpus's own rendering produces (tests/unit/content/sanitize.test.ts
 * renders every corpus note with and without it and finds them equal): markdown's elements,
 * KaTeX's HTML (spans with classes and inline sizes) and MathML, its SVG paths, highlight.js's
 * classes. It refuses event attributes, `javascript:`/`data:` URLs (any scheme but http(s) and
 * mailto), iframes, forms, script and style elements, and any inline style but KaTeX's small
 * sizes, offsets and colours (no position but relative, no z-index, no url(), no large offsets): a note
 * cannot cover the page or escape its box.
 */
import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

/** A KaTeX length: small (at most two digits before the point), in em/ex/px/pt/%. */
const LENGTH = String.raw`-?(?:\d{1,2}(?:\.\d+)?|\.\d+)(?:em|ex|px|pt|mu|%)?`;
const SIZE_PROPS = String.raw`(?:height|width|min-width|max-width|vertical-align|top|bottom|left|right|margin-(?:left|right|top|bottom)|padding-(?:left|right|top|bottom)|border-(?:bottom|top|right|left)-width|border-width)`;
const COLOR = String.raw`(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,20}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(?:,\s*[\d.]+\s*)?\))`;
const DECLARATION = String.raw`(?:${SIZE_PROPS}\s*:\s*${LENGTH}|(?:color|background-color|border-color)\s*:\s*${COLOR}|border-(?:bottom-|top-|right-|left-)?style\s*:\s*(?:solid|dashed|dotted|none)|position\s*:\s*relative)`;
/** Only KaTeX's kind of inline style: sizes, offsets and colours, nothing else. */
export const SAFE_STYLE = new RegExp(String.raw`^\s*(?:${DECLARATION}\s*(?:;\s*|$))*$`);

/**
 * Class names: KaTeX's, highlight.js's, `language-*`, the key-term mark; never the site's
 * layout utilities (fixed, absolute, inset-*, z-*, …), which KaTeX and the highlighter never emit.
 */
export const SAFE_CLASS = /^(?!(?:fixed|absolute|sticky|relative|static|inset|z-|top-|left-|right-|bottom-|w-|h-|min-|max-|-|hidden|invisible|sr-only|pointer-events|overflow|translate|scale|opacity))[a-z][a-z0-9_-]{0,40}$/;

const MATHML = [
  "math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub", "msubsup",
  "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mlabeledtr", "mstyle",
  "mpadded", "mphantom", "menclose", "merror", "mmultiscripts", "mprescripts", "none",
];
const SVG = ["svg", "path", "line", "rect", "g"];

const MATHML_ATTRIBUTES = [
  "xmlns", "encoding", "display", "fence", "stretchy", "separator", "lspace", "rspace", "minsize", "maxsize",
  "mathvariant", "mathcolor", "mathbackground", "mathsize", "scriptlevel", "displaystyle", "rowspacing",
  "columnspacing", "columnalign", "rowalign", "columnlines", "rowlines", "frame", "framespacing", "width",
  "height", "depth", "voffset", "notation", "accent", "accentunder", "linethickness", "symmetric", "largeop",
  "movablelimits", "movablelimits", "columnspan", "rowspan", "side", "equalrows", "equalcolumns",
];

export const untrustedNoteSchema: SanitizeSchema = {
  ...defaultSchema,
  // Heading ids are the anchors of cards and questions: kept as rehype-slug made them.
  clobber: [],
  clobberPrefix: "",
  // paperdeck-slot: the renderer's own placeholder for a card/quiz/widget block (render-note.ts).
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== "input" && t !== "img"), "mark", "span", "paperdeck-slot", ...MATHML, ...SVG],
  attributes: {
    ...defaultSchema.attributes,
    "*": [...(defaultSchema.attributes?.["*"] ?? []).filter((a) => a !== "tabIndex"), ["className", SAFE_CLASS], ["style", SAFE_STYLE], "ariaHidden"],
    a: ["href", "rel", "ariaLabel", "title"],
    code: [["className", SAFE_CLASS]],
    svg: ["xmlns", "width", "height", "viewBox", "preserveAspectRatio", ["style", SAFE_STYLE]],
    path: ["d"],
    "paperdeck-slot": ["dataLine"],
    line: ["x1", "x2", "y1", "y2", "strokeWidth"],
    rect: ["x", "y", "width", "height"],
    ...Object.fromEntries(MATHML.map((tag) => [tag, MATHML_ATTRIBUTES])),
  },
  protocols: { href: ["http", "https", "mailto"], cite: ["http", "https"] },
  strip: ["script", "style", "iframe", "object", "embed", "template", "noscript"],
  required: {},
};
