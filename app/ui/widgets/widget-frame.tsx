import type { WidgetName } from "./names";
import { WAITING_LABEL, WidgetFigure, WidgetPlaceholder } from "./widget-figure";

/**
 * Where a note has a ```widget block, the note page (which ships no React runtime) renders this
 * placeholder. When it comes within ~200 px of the viewport, public/islands/note.js puts an
 * <iframe> of /widgets/<name>/embed in it: the widget runs there, with React and TensorFlow.js,
 * and reports its height and state by postMessage; the island sizes the iframe and mirrors the
 * state on this figure's data-state. The caption stays here, in the note's own text.
 */
export function WidgetFrame({ name, caption }: { name: WidgetName; caption: string | null }) {
  return (
    <WidgetFigure name={name} state="waiting" caption={caption}>
      <div
        data-island="widget"
        data-src={`/widgets/${name}/embed`}
        data-title={`Interactive figure: ${caption ?? name}`}
        className="[&>iframe]:block [&>iframe]:w-full [&>iframe]:border-0"
      >
        <WidgetPlaceholder label={WAITING_LABEL} testId="widget-slot-placeholder" />
      </div>
    </WidgetFigure>
  );
}
