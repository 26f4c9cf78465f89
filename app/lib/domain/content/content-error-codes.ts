/**
 * The note checker's messages under codes, so the editor can show them in the reader's
 * language (`contentErrors` in messages/*.json, same codes and arguments) while the English
 * `message` stays what logs, `content:check` and the corpus tests read. Each English template
 * here is the catalogue's English entry (a unit test holds them equal); `{name}` is an
 * argument, filled in as written.
 */
export const CONTENT_ERROR_TEMPLATES = {
  noFrontMatter: 'a note must start with front matter: a "---" line, the YAML keys, then another "---" line',
  frontMatterUnclosed: 'the front matter opened on line 1 is never closed by a "---" line',
  frontMatterNotKeys: "the front matter must be YAML keys (title: ..., kind: ..., ...)",
  titleHeading: "use ## for sections: a note's title comes from its front matter",
  blockUnclosed: "this ```{lang} block is never closed (the rest of the file is inside it)",
  codeUnclosed: "this code block is never closed (the rest of the file is inside it)",
  blockNested: "a ```{lang} block must stand on its own, not inside a list or quote",
  blockNotKeys: "a ```{lang} block holds YAML keys ({example})",
  mathUnclosed: "this $$ math block is never closed",
  mathError: "math does not render: {detail}",
  rawHtml: "raw HTML is not rendered in notes, use markdown instead: {html}",
  twoTermsInSentence: "only one ==key term== per sentence: =={previous}== and =={term}== share one",
  termSentenceShort: "the sentence around =={term}== is too short to make a cloze card; mark the term in a full sentence",
  unknownKey: "unknown key `{key}`",
  unknownKeyGuess: "unknown key `{key}` (did you mean `{guess}`?)",
  missingKey: "missing required key `{key}`",
  missingPaperKey: "missing required key `{key}` (papers need it)",
  yamlError: "YAML: {detail}",
  yamlErrorAt: "YAML: {detail} (column {column})",
  yamlAliases: "YAML: too many aliases (more than {max} *references to &anchors); write the values out instead",
  nulInYaml: "NUL character (U+0000) in a YAML value (an escape such as \\0 or \\u0000): the database cannot store it, delete it",
  nulInText: "NUL character (U+0000) at column {column}: the database cannot store it, delete it",
  markerUnclosed: "a [src: …] marker is never closed: end it with ]",
  markerEmpty: "empty [src: ] marker: name the table, figure, section (§), equation (Eq.) or appendix",
  markerInHeading: "a [src: …] marker cannot go in a heading (its text is the section's link): put it in the sentence or row below",
  noteTooLarge: "this note is {size} KB; a note may be at most {limit} KB: split it in two",
  ownPrerequisite: "a note cannot be its own prerequisite",
  unknownPrerequisite: "unknown prerequisite `{slug}`: no note you can see has this slug",
  unknownPrerequisiteGuess: "unknown prerequisite `{slug}`: no note you can see has this slug (did you mean `{guess}`?)",
  prerequisiteCycle: "prerequisite `{slug}` already needs this note: the two would wait for each other",
} as const satisfies Record<string, string>;

export type ContentErrorCode = keyof typeof CONTENT_ERROR_TEMPLATES;

/** A checker's message: the English text, and its code and arguments when it has one. */
export interface CodedMessage {
  message: string;
  code?: ContentErrorCode;
  args?: Record<string, string>;
}

/** The English message of `code` with `args` filled in, carrying its code and arguments. */
export function contentMessage(code: ContentErrorCode, args: Record<string, string | number> = {}): Required<CodedMessage> {
  const strings = Object.fromEntries(Object.entries(args).map(([name, value]) => [name, String(value)]));
  const message = CONTENT_ERROR_TEMPLATES[code].replace(/\{(\w+)\}/g, (whole, name: string) => strings[name] ?? whole);
  return { message, code, args: strings };
}
