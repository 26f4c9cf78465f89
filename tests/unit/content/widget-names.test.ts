import { expect, it } from "vitest";
import { WIDGET_NAMES } from "@/app/lib/domain/content/widget-names";
import { widgetLoaders } from "@/app/ui/widgets/registry";

it("every widget name a note may use has a view in the registry, and no view is unnamed", () => {
  expect(Object.keys(widgetLoaders).sort()).toEqual([...WIDGET_NAMES].sort());
});
