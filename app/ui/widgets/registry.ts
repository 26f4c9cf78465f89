/**
 * Widget name → lazy loader of its view. Each `import()` is a split point: a view and the
 * TensorFlow.js it pulls in are fetched only when `WidgetSlot` asks for them, so a page
 * without widgets downloads none of it.
 */
import type { ComponentType } from "react";
import type { WidgetName } from "./names";

export type WidgetViewModule = { default: ComponentType };

export const widgetLoaders: Record<WidgetName, () => Promise<WidgetViewModule>> = {
  "norm-compare": () => import("./norm-compare/view"),
  "attention-masks": () => import("./attention-masks/view"),
  "vit-patching": () => import("./vit-patching/view"),
  "mae-masking": () => import("./mae-masking/view"),
  "infonce-queue": () => import("./infonce-queue/view"),
  "momentum-encoder": () => import("./momentum-encoder/view"),
  "clip-similarity": () => import("./clip-similarity/view"),
  distillation: () => import("./distillation/view"),
  "swin-windows": () => import("./swin-windows/view"),
  "detr-matching": () => import("./detr-matching/view"),
  "i3d-inflation": () => import("./i3d-inflation/view"),
  "slowfast-pathways": () => import("./slowfast-pathways/view"),
  "optical-flow-stack": () => import("./optical-flow-stack/view"),
};

export { widgetNames, isWidgetName, type WidgetName } from "./names";
