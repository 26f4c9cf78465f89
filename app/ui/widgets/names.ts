/**
 * The names a note's ```widget block may use. Kept apart from `registry.ts` (which holds
 * the lazy loaders) so that content checks on the server can validate names without
 * touching any client view or TensorFlow.js.
 */
export const widgetNames = [
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

export type WidgetName = (typeof widgetNames)[number];

export function isWidgetName(name: string): name is WidgetName {
  return (widgetNames as readonly string[]).includes(name);
}
