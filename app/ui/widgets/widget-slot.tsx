"use client";

/**
 * A note's widget, where its ```widget block is in the note: a client component in the note
 * page, loaded when it nears the viewport.
 *
 * The slot shows a skeleton of the figure with its caption until it comes within ~200 px of the viewport; only then does it
 * fetch the widget's view and TensorFlow.js, which live in their own chunks behind the dynamic
 * imports of `registry.ts`. Nothing in this file imports tfjs statically, so a page without
 * widgets downloads none of it, and the note's text is there before the library arrives. A
 * failed load (offline, a bad deploy, a backend that will not start) or a widget that throws
 * while drawing is caught here and shown as a short message; the rest of the note is untouched.
 * The figure's `data-state` says where the slot is (tests and styles read it).
 */
import {
  Component,
  Suspense,
  lazy,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
} from "react";
import { useTranslations } from "next-intl";
import { widgetBoxStyle } from "./box-sizes";
import { isWidgetName, widgetLoaders, type WidgetName } from "./registry";

/** waiting: not near the viewport yet · loading: its code is on the way · ready: drawn · error: failed. */
type SlotState = "waiting" | "loading" | "ready" | "error";


/** Starts the view download and the tfjs backend together; the view renders once both are done. */
function lazyView(name: WidgetName): ComponentType {
  return lazy(async () => {
    const [view] = await Promise.all([
      widgetLoaders[name](),
      import("./tf").then((tf) => tf.readyTf()),
    ]);
    // The view's first render (its tensors) starts in a task of its own: without this it runs
    // in the same task as the last chunk's evaluation and the backend's start, one long task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return view;
  });
}

class WidgetErrorBoundary extends Component<
  { name: string; onError: () => void; onRetry: () => void; children: ReactNode; failedText: string; retryText: string },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The reader gets a short message; the console gets the detail for whoever debugs it.
    console.error(`Widget "${this.props.name}" failed`, error, info.componentStack);
    this.props.onError();
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div
        role="alert"
        data-testid="widget-slot-error"
        className="space-y-2 p-3 text-sm text-amber-900 dark:text-amber-200"
      >
        <p>{this.props.failedText}</p>
        <button
          type="button"
          onClick={() => {
            this.setState({ failed: false });
            this.props.onRetry();
          }}
          className="rounded border border-amber-400 px-2 py-1 text-xs hover:bg-amber-50 focus:outline-2 focus:outline-blue-500 dark:border-amber-600 dark:hover:bg-amber-950"
        >
          {this.props.retryText}
        </button>
      </div>
    );
  }
}

/** Tells the slot the view has rendered (for the data-state that tests and styles read). */
function Mounted({ onMount, children }: { onMount: () => void; children: ReactNode }) {
  useEffect(onMount, [onMount]);
  return children;
}

/**
 * What the slot shows until the widget is drawn: the figure's shape (a skeleton of a title,
 * controls and a plot, pulsing while it loads) with its caption and state in words, so the
 * reader sees what is coming rather than an empty box.
 */
function Placeholder({ label, caption, testId, loading }: { label: string; caption: string | null; testId: string; loading: boolean }) {
  return (
    <div data-testid={testId} className="flex flex-1 flex-col gap-3 p-3 sm:p-4" role={loading ? "status" : undefined}>
      <div aria-hidden="true" data-testid="widget-skeleton" className={`flex flex-1 flex-col gap-3 ${loading ? "animate-pulse" : ""}`}>
        <div className="h-4 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="flex gap-3">
          <div className="h-8 w-24 rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-8 w-24 rounded bg-slate-200 dark:bg-slate-800" />
        </div>
        <div className="min-h-28 flex-1 rounded bg-slate-100 dark:bg-slate-900" />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {caption && <span data-testid="widget-skeleton-caption" className="font-medium">{caption} </span>}
        <span className="text-slate-500 dark:text-slate-400">{label}</span>
      </p>
    </div>
  );
}

export function WidgetSlot({ name, caption = null }: { name: string; caption?: string | null }) {
  const t = useTranslations("widgetSlot");
  const box = useRef<HTMLDivElement>(null);
  const [View, setView] = useState<ComponentType | null>(null);
  const [state, setState] = useState<SlotState>("waiting");
  const [attempt, setAttempt] = useState(0);
  const known = isWidgetName(name);

  useEffect(() => {
    if (View !== null || !isWidgetName(name)) return;
    const load = () => setView(() => lazyView(name));
    const element = box.current;
    // Without IntersectionObserver (very old browsers) load straight away rather than never.
    if (!element || typeof IntersectionObserver === "undefined") {
      load();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          load();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [View, name]);

  const onMount = useCallback(() => setState("ready"), []);
  const retry = useCallback(() => {
    if (!isWidgetName(name)) return;
    // A fresh lazy component, since React.lazy remembers a rejected import.
    setView(() => lazyView(name));
    setState("loading");
    setAttempt((n) => n + 1);
  }, [name]);
  const shownState: SlotState = !known
    ? "error"
    : View === null
      ? "waiting"
      : state === "waiting"
        ? "loading"
        : state;

  return (
    <figure
      data-testid="widget-slot"
      data-widget={name}
      data-state={shownState}
      className="my-6 rounded-lg border border-dashed border-slate-300 dark:border-slate-700"
    >
      {/* The box the drawn widget will take is reserved from the start (its measured height,
          box-sizes.ts), so neither the skeleton nor the widget moves the text below it. */}
      <div ref={box} style={isWidgetName(name) ? widgetBoxStyle(name) : undefined} className="flex min-h-(--widget-box-phone) flex-col sm:min-h-0 lg:min-h-(--widget-box-desktop)">
        {!known ? (
          <p role="alert" data-testid="widget-slot-error" className="p-3 text-sm text-amber-900 dark:text-amber-200">
            {t("unknown", { name })}
          </p>
        ) : View ? (
          <WidgetErrorBoundary key={attempt} name={name} onError={() => setState("error")} onRetry={retry} failedText={t("failed")} retryText={t("retry")}>
            <Suspense fallback={<Placeholder label={t("loading")} caption={caption} testId="widget-slot-loading" loading />}>
              <Mounted onMount={onMount}>
                <View />
              </Mounted>
            </Suspense>
          </WidgetErrorBoundary>
        ) : (
          <Placeholder label={t("waiting")} caption={caption} testId="widget-slot-placeholder" loading={false} />
        )}
      </div>
      {caption && (
        <figcaption className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {caption}
        </figcaption>
      )}
    </figure>
  );
}
