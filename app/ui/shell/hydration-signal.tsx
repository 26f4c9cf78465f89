import { useEffect } from "react";

/**
 * For `next dev` only. A production build ships no React to the note page (pages/, with
 * `unstable_runtimeJS: false`), so this never runs there. The development server hydrates the
 * page anyway; public/islands/note.js waits for this mark on <html> before it touches the DOM,
 * since a change React found while hydrating would make it render the page again and drop the
 * islands' work.
 */
export function HydrationSignal() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
