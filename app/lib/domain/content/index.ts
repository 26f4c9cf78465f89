/**
 * The content pipeline's pure part: note files in, parsed notes, derived items and every
 * error out. No file system, database or Next.js here; `scripts/content.ts` reads the files
 * and a sync (app/lib/server/content-sync.ts) writes the result.
 */
export { loadCorpus, itemsOfNote, formatError } from "./load-corpus";
export { parseNote, slugFromPath } from "./parse-note";
export { parseTranslation, localizeNote, hanCharacters } from "./translation";
export { deriveItems } from "./derive-items";
export { validateCorpus, findCycles } from "./validate-corpus";
export { renderNote, renderMarkdown, type NoteSegment, type RenderedNote, type TocEntry } from "./render-note";
export { contentHash, canonicalJson } from "./content-hash";
export { WIDGET_NAMES, isWidgetName } from "./widget-names";
export type * from "./types";
