/**
 * The box each widget's view takes once drawn, so that its slot reserves it from the first
 * paint and loading the widget moves nothing below it (issue 12: CLS ≤ 0.05 for a reader who
 * scrolls to a widget; the momentum-encoder widget grew its figure by ~400 px: CLS 0.061).
 *
 * Heights in CSS px of the slot's inner box (the view with its frame), measured in Chromium on
 * the production build with the view at its default inputs: `desktop` at a 1280 px window
 * (the note column is 806 px wide from 1200 px up, narrower from 1024), `phone` at 390 px
 * (column 356 px). Rounded down, so the box is never taller than the view there. Between 640
 * and 1023 px nothing is reserved (the column's width, and so the view's height, varies most
 * there). A view whose markup changes height should have its figures measured again: the slot's
 * e2e test (tests/e2e/widgets.test.ts) fails when the reserved box and the drawn view differ.
 */
import type { CSSProperties } from "react";
import type { WidgetName } from "./names";

export const WIDGET_BOX: Record<WidgetName, { desktop: number; phone: number }> = {
  "norm-compare": { desktop: 752, phone: 1050 },
  "attention-masks": { desktop: 606, phone: 1116 },
  "clip-similarity": { desktop: 566, phone: 916 },
  "detr-matching": { desktop: 701, phone: 1201 },
  "i3d-inflation": { desktop: 860, phone: 1288 },
  distillation: { desktop: 610, phone: 1238 },
  "mae-masking": { desktop: 494, phone: 1021 },
  "momentum-encoder": { desktop: 707, phone: 994 },
  "infonce-queue": { desktop: 535, phone: 589 },
  "slowfast-pathways": { desktop: 448, phone: 597 },
  "swin-windows": { desktop: 664, phone: 1296 },
  "optical-flow-stack": { desktop: 742, phone: 922 },
  "vit-patching": { desktop: 408, phone: 476 },
};

/** The CSS variables the slot's `min-h-(--widget-box-…)` classes read. */
export function widgetBoxStyle(name: WidgetName): CSSProperties {
  const box = WIDGET_BOX[name];
  return { "--widget-box-desktop": `${box.desktop}px`, "--widget-box-phone": `${box.phone}px` } as CSSProperties;
}
