/**
 * The editor's preview off the page's thread (issue 17: p95 ≤ 50 ms from keystroke to preview).
 * The parser, KaTeX, the highlighter, the sanitiser and the section cache (preview.ts) live
 * here, so the page's thread only handles keys and puts the sections that changed into the DOM;
 * the full checker (100–200 ms in a long note) runs here too and never delays a keystroke.
 */
import { checkPreview, renderLivePreview } from "./preview";
import type { PreviewReply, PreviewRequest } from "./preview-protocol";

const post = (reply: PreviewReply) => postMessage(reply);

addEventListener("message", (event: MessageEvent<PreviewRequest>) => {
  const request = event.data;
  try {
    if (request.kind === "render") post({ kind: "render", id: request.id, preview: renderLivePreview(request.text) });
    else
      post({
        kind: "check",
        id: request.id,
        errors: checkPreview(request.slug, request.text, { knownSlugs: new Set(request.knownSlugs), ownPrerequisites: new Map(request.ownPrerequisites) }),
      });
  } catch {
    post({ kind: "failed", id: request.id });
  }
});
