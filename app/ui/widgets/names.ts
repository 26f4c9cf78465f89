/**
 * The widget names, as the UI knows them: one list, owned by the content pipeline (which
 * validates ```widget blocks without importing any view or TensorFlow.js).
 */
export {
  WIDGET_NAMES as widgetNames,
  isWidgetName,
  type WidgetName,
} from "@/app/lib/domain/content/widget-names";
