"use client";
import { useEffect, useRef, useState } from "react";
import { widgetMessage } from "@/public/islands/widget-message.js";
import type { WidgetName } from "./names";
import type { SlotState } from "./widget-figure";
import { WidgetSlot } from "./widget-slot";

/**
 * A widget as its embed page shows it, inside the note page's iframe: it posts its height
 * (watched with a ResizeObserver, as controls and pictures change size) and its slot state to
 * the page around it, on this origin only.
 */
export function WidgetEmbed({ name }: { name: WidgetName }) {
  const box = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(0);
  const [state, setState] = useState<SlotState>("waiting");
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(Math.ceil(element.getBoundingClientRect().height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (window.parent === window || height === 0) return;
    window.parent.postMessage(widgetMessage(height, state), window.location.origin);
  }, [height, state]);
  return (
    <div ref={box}>
      <WidgetSlot name={name} onStateChange={setState} />
    </div>
  );
}
