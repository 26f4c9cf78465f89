/**
 * `npm run bench:widgets`: what the concept widgets cost a reader.
 *
 *  - Bytes on the wire (compressed, as served by `next start`) for a note without widgets,
 *    and for a note with a widget before it scrolls into view and after it has loaded; the
 *    difference is what the widget costs: its view and TensorFlow.js, which the note page
 *    fetches when the widget nears the viewport. Also that difference for every widget, and
 *    whether any TensorFlow.js reached the note without widgets.
 *  - The time from a control change to the updated picture, measured in the note page: the
 *    control's value is set and its input/change event dispatched (what a slider drag or a
 *    key press does), then a MutationObserver waits for the displayed value to change
 *    ("DOM updated") and a requestAnimationFrame + message after it marks the next frame
 *    ("next frame", when the new picture is on screen). p50/p95 over 30 changes per control.
 *
 * Figures only; no thresholds. Targets from the issue: no TF.js on a widget-less note,
 * widget code ≤ 150 KB gzipped, control change → updated picture ≤ 50 ms.
 */
import type { Browser, Frame, Page } from "playwright-core";
import { ms, percentile } from "./lib/bench-db";
import { kb, withAppInBrowser } from "./lib/serve-app";

/** Strings only TensorFlow.js code contains (string literals survive minification). */
const TFJS_MARKERS = ["tfjsflags", "is already registered", "Backend name '"];
const isTfjs = (body: string) => TFJS_MARKERS.some((marker) => body.includes(marker));

const PLAIN_NOTE = "alphacode";
const WIDGET_NOTE = { slug: "knowledge-distillation", widget: "distillation" };
const WIDGET_NOTES: { slug: string; widget: string }[] = [
  { slug: "batchnorm-vs-layernorm", widget: "norm-compare" },
  { slug: "bert", widget: "attention-masks" },
  { slug: "vit", widget: "vit-patching" },
  { slug: "mae", widget: "mae-masking" },
  { slug: "moco", widget: "infonce-queue" },
  { slug: "moco", widget: "momentum-encoder" },
  { slug: "clip", widget: "clip-similarity" },
  { slug: "knowledge-distillation", widget: "distillation" },
  { slug: "swin-transformer", widget: "swin-windows" },
  { slug: "detr", widget: "detr-matching" },
  { slug: "i3d", widget: "i3d-inflation" },
  { slug: "slowfast", widget: "slowfast-pathways" },
  { slug: "two-stream", widget: "optical-flow-stack" },
];

type Snapshot = {
  total: number;
  scripts: number;
  tfjs: number;
  /** Script URL → compressed bytes. */
  urls: Map<string, number>;
  tfjsUrls: Set<string>;
};

/** A page whose compressed transfer sizes are tallied by CDP, and its scripts tagged as TF.js or not. */
async function meteredPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const info = new Map<string, { url: string; type: string }>();
  const sizes = new Map<string, number>();
  const tfjsUrls = new Set<string>();
  const reading: Promise<void>[] = [];
  cdp.on("Network.responseReceived", (e) => info.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on("Network.loadingFinished", (e) => sizes.set(e.requestId, e.encodedDataLength));
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    reading.push(
      response
        .text()
        .then((body) => void (isTfjs(body) && tfjsUrls.add(response.url())))
        .catch(() => undefined),
    );
  });
  const snapshot = async (): Promise<Snapshot> => {
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    await Promise.all(reading);
    let total = 0;
    let scripts = 0;
    let tfjs = 0;
    const urls = new Map<string, number>();
    for (const [requestId, bytes] of sizes) {
      total += bytes;
      const entry = info.get(requestId);
      if (entry?.type !== "Script") continue;
      scripts += bytes;
      urls.set(entry.url, bytes);
      if (tfjsUrls.has(entry.url)) tfjs += bytes;
    }
    return { total, scripts, tfjs, urls, tfjsUrls: new Set(tfjsUrls) };
  };
  return { page, snapshot, close: () => context.close() };
}

const slotSelector = (widget: string) => `[data-testid="widget-slot"][data-widget="${widget}"]`;

/** Scrolls to the widget, waits until it is drawn and returns the frame it runs in (the page's own). */
async function loadWidget(page: Page, widget: string): Promise<Frame> {
  const slot = page.locator(slotSelector(widget));
  await slot.scrollIntoViewIfNeeded();
  await page.locator(`${slotSelector(widget)}[data-state="ready"]`).waitFor({ timeout: 30_000 });
  return page.mainFrame();
}

const line = (label: string, s: Snapshot) =>
  `${label.padEnd(58)} total ${kb(s.total).padStart(9)}   scripts ${kb(s.scripts).padStart(9)}   TF.js ${s.tfjs ? kb(s.tfjs) : "none"}`;

async function bytes(browser: Browser, baseUrl: string): Promise<void> {
  console.log("\nBytes transferred (compressed, cache disabled, viewport 1280×720)");

  const plain = await meteredPage(browser);
  await plain.page.goto(`${baseUrl}/papers/${PLAIN_NOTE}`);
  await plain.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const plainBytes = await plain.snapshot();
  console.log(line(`note without widgets (/papers/${PLAIN_NOTE})`, plainBytes));
  await plain.close();

  const metered = await meteredPage(browser);
  await metered.page.goto(`${baseUrl}/papers/${WIDGET_NOTE.slug}`);
  const before = await metered.snapshot();
  const state = await metered.page.locator(slotSelector(WIDGET_NOTE.widget)).getAttribute("data-state");
  console.log(line(`note with a widget (/papers/${WIDGET_NOTE.slug}), before it loads`, before) + `   [slot: ${state}]`);
  await loadWidget(metered.page, WIDGET_NOTE.widget);
  const after = await metered.snapshot();
  console.log(line(`note with a widget (/papers/${WIDGET_NOTE.slug}), after it loads`, after));
  console.log(
    `${"the widget's cost (after − before)".padEnd(58)} total ${kb(after.total - before.total).padStart(9)}   scripts ${kb(after.scripts - before.scripts).padStart(9)}   TF.js ${kb(after.tfjs - before.tfjs)}`,
  );
  for (const [url, size] of after.urls) {
    if (before.urls.has(url)) continue;
    console.log(`    ${kb(size).padStart(9)}  ${new URL(url).pathname}${after.tfjsUrls.has(url) ? "  (TF.js)" : ""}`);
  }
  await metered.close();

  console.log("\nWidget cost per widget (bytes fetched when the widget scrolls into view: TF.js, view)");
  let largest = 0;
  for (const { slug, widget } of WIDGET_NOTES) {
    const m = await meteredPage(browser);
    await m.page.goto(`${baseUrl}/papers/${slug}`);
    const b = await m.snapshot();
    const waiting = (await m.page.locator(slotSelector(widget)).getAttribute("data-state")) === "waiting";
    await loadWidget(m.page, widget);
    const a = await m.snapshot();
    const code = a.total - b.total;
    largest = Math.max(largest, code);
    console.log(
      `  ${widget.padEnd(20)} ${kb(code).padStart(9)}  (TF.js ${kb(a.tfjs - b.tfjs)}, view and helpers ${kb(code - (a.tfjs - b.tfjs))})${waiting ? "" : "  [loaded with the page: in or near the first viewport]"}`,
    );
    await m.close();
  }
  console.log(`  largest widget cost: ${kb(largest)} (target for widget code ≤ 150 KB)`);
}

type Probe = {
  slug: string;
  widget: string;
  label: string;
  control: string;
  readout: string;
  values: (number | string)[];
};

/** 30 values sweeping up and down a range, never the same twice in a row. */
function sweep(min: number, max: number, step: number, count = 30): number[] {
  const stops: number[] = [];
  for (let v = min; v <= max + 1e-9; v += step) stops.push(Number(v.toFixed(6)));
  const cycle = stops.length > 1 ? [...stops, ...stops.slice(1, -1).reverse()] : stops;
  return Array.from({ length: count }, (_, i) => cycle[(i + 1) % cycle.length] as number);
}

const cycle = (values: (number | string)[], count = 30) =>
  Array.from({ length: count }, (_, i) => values[(i + 1) % values.length] as number | string);

const PROBES: Probe[] = [
  { slug: "knowledge-distillation", widget: "distillation", label: "temperature T → loss", control: "temperature", readout: "loss", values: sweep(1, 8, 0.5) },
  { slug: "moco", widget: "infonce-queue", label: "temperature τ → loss", control: "temperature", readout: "loss", values: sweep(0.03, 0.5, 0.03) },
  { slug: "moco", widget: "infonce-queue", label: "negatives K → chance loss", control: "negatives", readout: "chance-loss", values: sweep(4, 64, 4) },
  { slug: "clip", widget: "clip-similarity", label: "log-scale t → loss", control: "log-temperature", readout: "loss", values: sweep(1, 4.5, 0.25) },
  { slug: "clip", widget: "clip-similarity", label: "pairs N → loss", control: "n", readout: "loss", values: sweep(2, 8, 1) },
  { slug: "detr", widget: "detr-matching", label: "λ L1 → matched cost", control: "weight-l1", readout: "total-cost", values: sweep(0, 10, 0.5) },
  { slug: "detr", widget: "detr-matching", label: "predictions N → unmatched", control: "predictions", readout: "unmatched-count", values: sweep(3, 8, 1) },
  { slug: "batchnorm-vs-layernorm", widget: "norm-compare", label: "cell x[0,0] → batch-norm mean", control: "input-0-0", readout: "bn-mean-0", values: sweep(1, 30, 1) },
  { slug: "bert", widget: "attention-masks", label: "seed → GPT self-weight", control: "seed", readout: "gpt-self-weight", values: sweep(1, 30, 1) },
  { slug: "vit", widget: "vit-patching", label: "patch size P → tokens", control: "patch-size", readout: "token-count", values: cycle([2, 4, 8, 16, 8, 4]) },
  { slug: "mae", widget: "mae-masking", label: "mask ratio → visible patches", control: "ratio", readout: "visible-count", values: sweep(0.1, 0.95, 0.05) },
  { slug: "moco", widget: "momentum-encoder", label: "steps → lag (m = 0.999)", control: "steps", readout: "lag-0.999", values: sweep(100, 2000, 100) },
  { slug: "swin-transformer", widget: "swin-windows", label: "window size M → masked pairs", control: "window-size", readout: "masked-pairs", values: cycle([2, 4]) },
  { slug: "i3d", widget: "i3d-inflation", label: "temporal size N → output frames", control: "time-size", readout: "output-frames", values: sweep(1, 5, 1) },
  { slug: "slowfast", widget: "slowfast-pathways", label: "α → Fast's share", control: "alpha", readout: "fast-share", values: cycle([2, 4, 8, 16, 8, 4]) },
  { slug: "two-stream", widget: "optical-flow-stack", label: "stack length L → channels", control: "length", readout: "channel-count", values: sweep(1, 10, 1) },
];

type Sample = { dom: number; frame: number } | null;

/** Runs in the note page: sets the control to each value and times the readout's change. */
async function timeChanges(
  frame: Frame,
  probe: { widget: string; control: string; readout: string; values: (number | string)[] },
): Promise<Sample[]> {
  return frame.evaluate(async ({ widget, control, readout, values }) => {
    const root = document.querySelector(`[data-testid="widget-${widget}"]`);
    const input = document.querySelector(`[data-testid="widget-${widget}-${control}"]`);
    const output = document.querySelector(`[data-testid="widget-${widget}-${readout}"]`);
    if (!root || !output || !(input instanceof HTMLInputElement || input instanceof HTMLSelectElement))
      throw new Error(`missing control or readout in ${widget}`);
    const proto = input instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    const eventName = input instanceof HTMLSelectElement ? "change" : "input";
    const nextFrame = () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          // A message after the frame's callbacks: the frame has been produced.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(0);
        }),
      );
    const samples: ({ dom: number; frame: number } | null)[] = [];
    for (const value of values) {
      const before = output.textContent;
      let observer: MutationObserver | undefined;
      const changed = new Promise<number | null>((resolve) => {
        observer = new MutationObserver(() => {
          if (output.textContent !== before) resolve(performance.now());
        });
        observer.observe(root, { subtree: true, childList: true, characterData: true });
        setTimeout(() => resolve(null), 2000);
      });
      const started = performance.now();
      // The prototype's setter, as a user's edit would: React's own value tracker then sees a change.
      Reflect.set(proto, "value", String(value), input);
      input.dispatchEvent(new Event(eventName, { bubbles: true }));
      const domAt = await changed;
      observer?.disconnect();
      if (domAt === null) {
        samples.push(null);
        continue;
      }
      const frameAt = await nextFrame();
      samples.push({ dom: domAt - started, frame: frameAt - started });
      await new Promise((r) => setTimeout(r, 30));
    }
    return samples;
  }, probe);
}

async function latency(browser: Browser, baseUrl: string): Promise<void> {
  console.log("\nControl change → updated picture (in the note page; 3 warm-up changes, then 30 timed)");
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  // tsx compiles this file with esbuild's keepNames, which wraps the functions inside
  // page.evaluate in a `__name(fn, "name")` helper that exists only in Node: give the page one.
  await page.addInitScript("globalThis.__name = (fn) => fn;");
  let current = "";
  for (const probe of PROBES) {
    if (current !== probe.slug) {
      await page.goto(`${baseUrl}/papers/${probe.slug}`);
      current = probe.slug;
    }
    const widgetFrame = await loadWidget(page, probe.widget);
    await timeChanges(widgetFrame, { ...probe, values: probe.values.slice(-3).reverse() });
    const samples = await timeChanges(widgetFrame, probe);
    const ok = samples.filter((s): s is { dom: number; frame: number } => s !== null);
    const dom = ok.map((s) => s.dom).sort((a, b) => a - b);
    const frame = ok.map((s) => s.frame).sort((a, b) => a - b);
    const missed = samples.length - ok.length;
    console.log(
      `  ${`${probe.widget}: ${probe.label}`.padEnd(56)} next frame p50 ${ms(percentile(frame, 50)).padStart(8)}  p95 ${ms(percentile(frame, 95)).padStart(8)}   DOM updated p50 ${ms(percentile(dom, 50)).padStart(8)}  p95 ${ms(percentile(dom, 95)).padStart(8)}   (${ok.length} changes${missed ? `, ${missed} showed no change` : ""})`,
    );
  }
  await context.close();
}

async function main() {
  await withAppInBrowser(async (browser, baseUrl) => {
    await bytes(browser, baseUrl);
    await latency(browser, baseUrl);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
