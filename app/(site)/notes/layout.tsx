import type { ReactNode } from "react";
import "katex/dist/katex.min.css";

/** Own notes render math as the corpus's pages do: KaTeX's stylesheet for the editor's preview and the note page. */
export default function OwnNotesLayout({ children }: { children: ReactNode }) {
  return children;
}
