/**
 * The widgets a note's ```widget block may name. The content pipeline validates against
 * this list without importing any client view or TensorFlow.js; the UI registry maps each
 * name to its lazy loader (`app/ui/widgets/names.ts` re-exports this list).
 */
export const WIDGET_NAMES = [
  "norm-compare",
  "attention-masks",
  "vit-patching",
  "mae-masking",
  "infonce-queue",
  "momentum-encoder",
  "clip-similarity",
  "distillation",
  "swin-windows",
  "detr-matching",
  "i3d-inflation",
  "slowfast-pathways",
  "optical-flow-stack",
] as const;

export type WidgetName = (typeof WIDGET_NAMES)[number];

export function isWidgetName(name: string): name is WidgetName {
  return (WIDGET_NAMES as readonly string[]).includes(name);
}
