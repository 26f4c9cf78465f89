import { describe, expect, it } from "vitest";
import { WIDGET_MESSAGE, readWidgetMessage, widgetMessage } from "@/public/islands/widget-message.js";

describe("the message a widget's iframe sends the note page", () => {
  it("reads back what the embed page sends", () => {
    expect(readWidgetMessage(widgetMessage(412, "ready"))).toEqual({ type: WIDGET_MESSAGE, height: 412, state: "ready" });
  });

  it.each([
    ["another kind of message", { type: "other", height: 10, state: "ready" }],
    ["a height that is not a number", { type: WIDGET_MESSAGE, height: "10", state: "ready" }],
    ["a negative height", { type: WIDGET_MESSAGE, height: -1, state: "ready" }],
    ["an infinite height", { type: WIDGET_MESSAGE, height: Infinity, state: "ready" }],
    ["an unknown state", { type: WIDGET_MESSAGE, height: 10, state: "done" }],
    ["a string", "paperdeck:widget"],
    ["null", null],
  ])("ignores %s", (_label, data) => {
    expect(readWidgetMessage(data)).toBeNull();
  });
});
