import { expect, it } from "vitest";
import { WIDGET_NAMES } from "@/app/lib/domain/content/widget-names";
import { widgetNames } from "@/app/ui/widgets/names";

it("the content pipeline and the widget registry know the same widget names", () => {
  expect([...WIDGET_NAMES].sort()).toEqual([...widgetNames].sort());
});
