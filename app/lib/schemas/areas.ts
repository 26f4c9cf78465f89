/**
 * The one list of areas a note can belong to (docs/content-format.md), in the order lists show
 * them, with the one label each: the library filters, the note page, quizzes and the mastery
 * map all read it from here.
 */
export const NOTE_AREAS = ["concepts", "language", "vision", "video", "clip-family"] as const;
export type NoteArea = (typeof NOTE_AREAS)[number];

export const AREA_LABELS: Record<NoteArea, string> = {
  concepts: "Concepts",
  language: "Language",
  vision: "Vision",
  video: "Video",
  "clip-family": "CLIP family",
};

export function isNoteArea(area: string): area is NoteArea {
  return (NOTE_AREAS as readonly string[]).includes(area);
}

/** The label of a known area; an unknown one (from an old row) shows as it is stored. */
export function areaLabel(area: string): string {
  return isNoteArea(area) ? AREA_LABELS[area] : area;
}

/** Where an area sorts in lists; unknown areas after the known ones. */
export function areaRank(area: string): number {
  const index = (NOTE_AREAS as readonly string[]).indexOf(area);
  return index === -1 ? NOTE_AREAS.length : index;
}
