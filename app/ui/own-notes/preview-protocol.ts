import type { ContentError } from "@/app/lib/domain/content/types";
import type { LivePreview } from "./preview";

/** What the editor asks of the preview worker (preview.worker.ts): plain data, as messages must be. */
export type PreviewRequest =
  | { kind: "render"; id: number; text: string }
  | { kind: "check"; id: number; slug: string; text: string; knownSlugs: string[]; ownPrerequisites: [string, string[]][] };

export type PreviewReply =
  | { kind: "render"; id: number; preview: LivePreview }
  | { kind: "check"; id: number; errors: ContentError[] }
  | { kind: "failed"; id: number };
