/**
 * The box a note's widget sits in, shared by the React slot (`WidgetSlot`, in the embed page)
 * and the note page's server markup (`WidgetFrame`). No hooks: it renders on either side.
 */
import type { ReactNode } from "react";
import type { WidgetState as SlotState } from "@/public/islands/widget-message.js";

export type { SlotState };

/**
 * `bare`: without border, margin and caption, for the widget inside the note page's iframe,
 * whose figure around the iframe has them.
 */
export function WidgetFigure({
  name,
  state,
  caption,
  bare = false,
  children,
}: {
  name: string;
  state: SlotState;
  caption?: string | null;
  bare?: boolean;
  children: ReactNode;
}) {
  return (
    <figure
      data-testid="widget-slot"
      data-widget={name}
      data-state={state}
      className={bare ? undefined : "my-6 rounded-lg border border-dashed border-zinc-300 dark:border-zinc-700"}
    >
      {children}
      {caption && !bare && (
        <figcaption className="border-t border-zinc-200 px-3 py-2 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {caption}
        </figcaption>
      )}
    </figure>
  );
}

export function WidgetPlaceholder({ label, testId }: { label: string; testId: string }) {
  return (
    <div
      data-testid={testId}
      className="flex min-h-40 items-center justify-center p-4 text-sm text-zinc-500 dark:text-zinc-400"
    >
      {label}
    </div>
  );
}

export const WAITING_LABEL = "Interactive figure (loads when it scrolls into view)";
