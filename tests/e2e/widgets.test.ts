/**
 * The concept widgets in a real browser: each widget's note loads, the widget loads (in the
 * note page itself, no iframe) when it scrolls into view, and moving a control changes a
 * displayed value to the number the widget's maths core gives (computed here, in Node, with the
 * same core). Also: a note without widgets downloads no TensorFlow.js, a note with widgets shows
 * its text while the library is still on its way, and a widget whose code fails to load shows a
 * message while the note stays readable.
 */
import type { Browser, Locator, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readyTf } from "@/app/ui/widgets/tf";
import { widgetNames, type WidgetName } from "@/app/ui/widgets/names";
import { toyImage } from "@/app/ui/widgets/toy-image";
import { batchNorm } from "@/app/ui/widgets/norm-compare/core";
import { attentionWeights, toyScores } from "@/app/ui/widgets/attention-masks/core";
import { patchify } from "@/app/ui/widgets/vit-patching/core";
import { randomMasking, visibleCount } from "@/app/ui/widgets/mae-masking/core";
import { infoNce, toyContrastiveBatch } from "@/app/ui/widgets/infonce-queue/core";
import { momentumTrajectories } from "@/app/ui/widgets/momentum-encoder/core";
import { INITIAL_LOG_SCALE, clipLoss, logitScale, toyClipBatch } from "@/app/ui/widgets/clip-similarity/core";
import { distillationLoss } from "@/app/ui/widgets/distillation/core";
import { cyclicShiftedWindows, maskedPairs, windowCount } from "@/app/ui/widgets/swin-windows/core";
import { hungarian, matchingCost, toyScene } from "@/app/ui/widgets/detr-matching/core";
import { boringVideoCheck } from "@/app/ui/widgets/i3d-inflation/core";
import { slowFastShapes } from "@/app/ui/widgets/slowfast-pathways/core";
import { stackFlows, toyFlows } from "@/app/ui/widgets/optical-flow-stack/core";
import { hasBrowser, launchBrowser, newPage } from "./browser";

/**
 * Markers that only TensorFlow.js code contains: tfjs-core's URL flag prefix and its
 * backend registry's messages. Minification keeps string literals, so they survive the build.
 */
const TFJS_MARKERS = ["tfjsflags", "is already registered", "Backend name '"] as const;
const isTfjs = (body: string) => TFJS_MARKERS.some((marker) => body.includes(marker));

/** What a displayed number reads as, once "−" is a minus again and any unit is dropped. */
function shownNumber(text: string): number {
  const cleaned = text.replace(/−/g, "-").replace("(equal)", "").replace(/[%\s]/g, "");
  const value = Number(cleaned);
  if (!Number.isFinite(value)) throw new Error(`not a number: "${text}"`);
  return value;
}

/** The expected value: a number shown with `digits` decimals, or exact text. */
type Expected = { number: number; digits: number } | { text: string };

type Case = {
  name: WidgetName;
  slug: string;
  /** The control's value when the widget first shows. */
  initial: number | string;
  /** Moves one control; returns the control's new value as the page holds it. */
  act: (root: Locator) => Promise<number | string>;
  /** The displayed values that must change, and what the core says they become. */
  check: (value: number | string) => Record<string, Expected>;
};

const id = (name: WidgetName, part: string) => `widget-${name}-${part}`;

/** Presses a key on a range slider and reads back the value the browser settled on. */
async function nudge(root: Locator, testId: string, key: "ArrowRight" | "ArrowLeft") {
  const slider = root.getByTestId(testId);
  await slider.focus();
  await slider.press(key);
  return Number(await slider.inputValue());
}

const GREY_16 = toyImage(16).map((row) =>
  row.map(([r = 0, g = 0, b = 0]) => 0.299 * r + 0.587 * g + 0.114 * b),
);
const SOBEL = [
  [1, 0, -1],
  [2, 0, -2],
  [1, 0, -1],
];

const CASES: Case[] = [
  {
    name: "norm-compare",
    slug: "batchnorm-vs-layernorm",
    initial: 1,
    act: async (root) => {
      await root.getByTestId(id("norm-compare", "input-0-0")).fill("9");
      return 9;
    },
    check: (v) => {
      const grid = [
        [Number(v), 10, 100],
        [2, 20, 50],
        [3, 15, 80],
        [4, 5, 120],
      ];
      const bn = batchNorm(grid, 1e-5);
      return {
        [id("norm-compare", "bn-mean-0")]: { number: bn.mean[0] ?? NaN, digits: 2 },
        [id("norm-compare", "bn-0-0")]: { number: bn.normalized[0]?.[0] ?? NaN, digits: 2 },
      };
    },
  },
  {
    name: "attention-masks",
    slug: "bert",
    initial: 1,
    act: async (root) => {
      await root.getByTestId(id("attention-masks", "seed")).fill("7");
      return 7;
    },
    check: (seed) => {
      // "the cat sat on the mat": 6 tokens; the query row is token 3.
      const gpt = attentionWeights(toyScores(6, Number(seed)), "causal");
      return { [id("attention-masks", "gpt-self-weight")]: { number: gpt[2]?.[2] ?? NaN, digits: 3 } };
    },
  },
  {
    name: "vit-patching",
    slug: "vit",
    initial: 8,
    act: async (root) => {
      await root.getByTestId(id("vit-patching", "patch-size")).selectOption("4");
      return 4;
    },
    check: (p) => ({
      [id("vit-patching", "token-count")]: { text: String(patchify(toyImage(32), Number(p)).tokens.length) },
    }),
  },
  {
    name: "mae-masking",
    slug: "mae",
    initial: 0.75,
    act: (root) => nudge(root, id("mae-masking", "ratio"), "ArrowRight"),
    check: (ratio) => ({
      [id("mae-masking", "visible-count")]: {
        text: String(randomMasking(64, Number(ratio), 0).visible.length),
      },
      [id("mae-masking", "visible-count-224")]: { text: String(visibleCount(196, Number(ratio))) },
    }),
  },
  {
    name: "infonce-queue",
    slug: "moco",
    initial: 0.07,
    act: (root) => nudge(root, id("infonce-queue", "temperature"), "ArrowRight"),
    check: (tau) => {
      const batch = toyContrastiveBatch(1, 16, 0.6);
      const result = infoNce(batch.query, batch.positive, batch.negatives, Number(tau));
      return {
        [id("infonce-queue", "loss")]: { number: result.loss, digits: 4 },
        [id("infonce-queue", "positive-prob")]: { number: result.probs[0] ?? NaN, digits: 4 },
      };
    },
  },
  {
    name: "momentum-encoder",
    slug: "moco",
    initial: 300,
    act: (root) => nudge(root, id("momentum-encoder", "steps"), "ArrowRight"),
    check: (steps) => {
      const query = new Array<number>(Number(steps)).fill(1);
      const keys = momentumTrajectories(query, [0.9, 0.99, 0.999]);
      const last = Number(steps) - 1;
      return {
        [id("momentum-encoder", "lag-0.99")]: { number: 1 - (keys[1]?.[last] ?? NaN), digits: 4 },
        [id("momentum-encoder", "lag-0.999")]: { number: 1 - (keys[2]?.[last] ?? NaN), digits: 4 },
      };
    },
  },
  {
    name: "clip-similarity",
    slug: "clip",
    initial: Number(INITIAL_LOG_SCALE.toFixed(2)),
    act: (root) => nudge(root, id("clip-similarity", "log-temperature"), "ArrowRight"),
    check: (t) => {
      const batch = toyClipBatch(1, 4, 2.5);
      const result = clipLoss(batch.images, batch.texts, logitScale(Number(t)));
      return {
        [id("clip-similarity", "loss")]: { number: result.loss, digits: 4 },
        [id("clip-similarity", "loss-image-to-text")]: { number: result.imageToText, digits: 4 },
      };
    },
  },
  {
    name: "distillation",
    slug: "knowledge-distillation",
    initial: 4,
    act: (root) => nudge(root, id("distillation", "temperature"), "ArrowRight"),
    check: (T) => {
      const result = distillationLoss({
        student: [3, 1, 2, 0.5, 0],
        teacher: [6, 4, 3, -1, -2],
        label: 0,
        temperature: Number(T),
        alpha: 0.7,
      });
      return {
        [id("distillation", "loss")]: { number: result.total, digits: 4 },
        [id("distillation", "teacher-soft-0")]: { number: result.teacherSoft[0] ?? NaN, digits: 3 },
      };
    },
  },
  {
    name: "swin-windows",
    slug: "swin-transformer",
    initial: 4,
    act: async (root) => {
      await root.getByTestId(id("swin-windows", "window-size")).selectOption("2");
      return 2;
    },
    check: (m) => {
      const M = Number(m);
      const shift = Math.floor(M / 2);
      return {
        [id("swin-windows", "masked-pairs")]: { text: String(maskedPairs(8, 8, M, shift)) },
        [id("swin-windows", "window-count")]: {
          text: String(windowCount(cyclicShiftedWindows(8, 8, M, shift))),
        },
      };
    },
  },
  {
    name: "detr-matching",
    slug: "detr",
    initial: 5,
    act: (root) => nudge(root, id("detr-matching", "weight-l1"), "ArrowRight"),
    check: (l1) => {
      const scene = toyScene(1, 5, 3, 3);
      const cost = matchingCost(scene.predictions, scene.targets, { cls: 1, l1: Number(l1), giou: 2 });
      return { [id("detr-matching", "total-cost")]: { number: hungarian(cost.total).cost, digits: 3 } };
    },
  },
  {
    name: "i3d-inflation",
    slug: "i3d",
    initial: 0,
    act: async (root) => {
      await root.getByTestId(id("i3d-inflation", "moving")).check();
      return 1;
    },
    check: (speed) => ({
      [id("i3d-inflation", "max-difference")]: {
        number: boringVideoCheck(GREY_16, SOBEL, 3, 5, Number(speed)).maxDifference,
        digits: 4,
      },
    }),
  },
  {
    name: "slowfast-pathways",
    slug: "slowfast",
    initial: 8,
    act: async (root) => {
      await root.getByTestId(id("slowfast-pathways", "alpha")).selectOption("4");
      return 4;
    },
    check: (alpha) => {
      const shapes = slowFastShapes(
        { rawFrames: 64, tau: 16, alpha: Number(alpha), beta: 1 / 8, channels: 64 },
        "time-strided-conv",
      );
      const share = shapes.fastToSlowCost / (1 + shapes.fastToSlowCost);
      return {
        [id("slowfast-pathways", "fast-share")]: { number: share * 100, digits: 1 },
        [id("slowfast-pathways", "fast-shape")]: {
          text: `${shapes.fast.frames} × ${shapes.fast.channels}`,
        },
      };
    },
  },
  {
    name: "optical-flow-stack",
    slug: "two-stream",
    initial: 10,
    act: (root) => nudge(root, id("optical-flow-stack", "length"), "ArrowLeft"),
    check: (length) => {
      const centre = stackFlows(toyFlows(Number(length), 8, "rotate", 1, 1))[4]?.[4] ?? [];
      return {
        [id("optical-flow-stack", "channel-count")]: { text: String(centre.length) },
        // The last channel shown: dy of the last stacked field.
        [`${id("optical-flow-stack", "centre-vector")} > li:last-child`]: {
          number: centre[centre.length - 1] ?? NaN,
          digits: 2,
        },
      };
    },
  },
];

/** A test id, or a test id followed by a CSS tail (for list items without their own id). */
function readout(slot: Locator, key: string): Locator {
  const [testId, ...rest] = key.split(" > ");
  const base = slot.getByTestId(testId ?? key);
  return rest.length ? base.locator(rest.join(" > ")) : base;
}

/** "dy10: −0.12" → "−0.12"; other texts are returned as they are. */
const valuePart = (text: string) => text.replace(/^[a-z]+\d+:\s*/, "").trim();

function expectShows(key: string, shownText: string, want: Expected | undefined): void {
  if (!want) throw new Error(`no expectation for ${key}`);
  const text = valuePart(shownText);
  if ("text" in want) {
    expect(text, key).toBe(want.text);
    return;
  }
  const gap = Math.abs(shownNumber(text) - want.number);
  // Within one unit of the last digit shown (the browser and Node round the same float32s).
  expect(gap, `${key} shows ${text}; the core gives ${want.number}`).toBeLessThanOrEqual(
    10 ** -want.digits + 1e-9,
  );
}

const slotSelector = (name: WidgetName) => `[data-testid="widget-slot"][data-widget="${name}"]`;

/** The note page's figure for a widget: the widget renders inside it, in the page itself. */
function widgetSlot(page: Page, name: WidgetName): Locator {
  return page.locator(slotSelector(name));
}

/** Opens the note, scrolls to the widget and waits until the note's figure says it is drawn. */
async function openWidget(page: Page, slug: string, name: WidgetName): Promise<{ slot: Locator; root: Locator }> {
  await page.goto(`/papers/${slug}`);
  const slot = widgetSlot(page, name);
  await slot.scrollIntoViewIfNeeded();
  await page.locator(`${slotSelector(name)}[data-state="ready"]`).waitFor();
  return { slot, root: slot.getByTestId(`widget-${name}`) };
}

describe.runIf(hasBrowser)("concept widgets in a real browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    await readyTf();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("covers every widget", () => {
    expect(CASES.map((c) => c.name).sort()).toEqual([...widgetNames].sort());
  });

  it.each(CASES)(
    "loads the $name widget in its note and moves a control to the value its maths core gives",
    async ({ name, slug, initial, act, check }) => {
      const { context, page } = await newPage(browser);
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      const { slot, root } = await openWidget(page, slug, name);
      // In the page's own document, not in a frame.
      expect(await page.locator("iframe").count()).toBe(0);

      const start = check(initial);
      const keys = Object.keys(start);
      const before: string[] = [];
      for (const key of keys) {
        const text = (await readout(slot, key).textContent()) ?? "";
        // What the widget first shows is already the core's answer for its starting inputs…
        expectShows(key, text, start[key]);
        before.push(text);
      }
      const value = await act(root);
      expect(value).not.toBe(initial);
      const expected = check(value);
      for (const [i, key] of keys.entries()) {
        const shown = readout(slot, key);
        // …and after the control moves, the displayed value changes to the core's new answer.
        await expect.poll(() => shown.textContent(), { timeout: 5_000 }).not.toBe(before[i]);
        expectShows(key, (await shown.textContent()) ?? "", expected[key]);
      }
      expect(await slot.getByTestId("widget-slot-error").count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  /** The figure's height while the widget waits, and once it is drawn (CSS px). */
  async function heightsAround(page: Page, slug: string, name: WidgetName): Promise<[number, number]> {
    await page.goto(`/papers/${slug}`, { waitUntil: "networkidle" });
    const slot = widgetSlot(page, name);
    expect(await slot.getAttribute("data-state")).toBe("waiting");
    const before = (await slot.boundingBox())?.height ?? 0;
    await slot.scrollIntoViewIfNeeded();
    await page.locator(`${slotSelector(name)}[data-state="ready"]`).waitFor();
    const after = (await slot.boundingBox())?.height ?? 0;
    return [before, after];
  }

  // The slot reserves the drawn widget's box (app/ui/widgets/box-sizes.ts), so a reader who
  // scrolls to it sees nothing below move when it loads (issue 12: CLS ≤ 0.05; 0.061 before).
  it.each(CASES)("reserves the $name widget's box before drawing it, at 1280 px: the figure does not grow", async ({ name, slug }) => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 1280, height: 720 });
    const [before, after] = await heightsAround(page, slug, name);
    expect(Math.abs(after - before)).toBeLessThanOrEqual(2);
    await context.close();
  });

  it("reserves MoCo's momentum widget's box on a 390 px phone as well", async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    const [before, after] = await heightsAround(page, "moco", "momentum-encoder");
    expect(Math.abs(after - before)).toBeLessThanOrEqual(2);
    await context.close();
  });

  it("moves MoCo's momentum slider to 0.9999 and shows the key its closed form gives", async () => {
    const { context, page } = await newPage(browser);
    const { slot, root } = await openWidget(page, "moco", "momentum-encoder");
    const key = readout(slot, id("momentum-encoder", "key"));
    const before = await key.textContent();
    const value = await nudge(root, id("momentum-encoder", "momentum"), "ArrowRight");
    expect(value).toBe(4);
    // 300 steps after the query encoder jumps from 0 to 1: θ_k = 1 − m^300, with m = 0.9999.
    await expect.poll(() => key.textContent(), { timeout: 5_000 }).not.toBe(before);
    expectShows(id("momentum-encoder", "key"), (await key.textContent()) ?? "", { number: 1 - 0.9999 ** 300, digits: 4 });
    expectShows(id("momentum-encoder", "time-constant"), (await readout(slot, id("momentum-encoder", "time-constant")).textContent()) ?? "", {
      number: 10000,
      digits: 0,
    });
    await context.close();
  });

  it("downloads no TensorFlow.js for a note without widgets, nor for one before its widget nears the viewport", async () => {
    const { context, page } = await newPage(browser);
    const scripts: { url: string; tfjs: boolean }[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .text()
          .then((body) => void scripts.push({ url: response.url(), tfjs: isTfjs(body) }))
          .catch(() => undefined),
      );
    });

    await page.goto("/papers/alphacode", { waitUntil: "networkidle" });
    await page.getByTestId("note-body").waitFor();
    expect(await page.getByTestId("widget-slot").count()).toBe(0);
    // Scrolling through the whole note loads nothing more.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => s.tfjs).map((s) => s.url)).toEqual([]);

    // A note with a widget below the fold loads none either until the widget nears the viewport…
    scripts.length = 0;
    await page.goto("/papers/knowledge-distillation", { waitUntil: "networkidle" });
    await Promise.all(pending);
    expect(await page.locator(slotSelector("distillation")).getAttribute("data-state")).toBe("waiting");
    expect(scripts.filter((s) => s.tfjs).map((s) => s.url)).toEqual([]);
    // …and the same check finds TensorFlow.js once the widget has loaded (so it can fail).
    await openWidget(page, "knowledge-distillation", "distillation");
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    expect(scripts.filter((s) => s.tfjs).length).toBeGreaterThan(0);
    await context.close();
  });

  /** Routes every JS chunk through `hold` when it contains TensorFlow.js. */
  async function interceptTfjs(page: Page, hold: (route: Route, body: string) => Promise<void>) {
    await page.route("**/_next/static/chunks/**/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (isTfjs(body)) return hold(route, body);
      return route.fulfill({ response, body });
    });
  }

  it("shows a note's text while the widget library is still on its way", async () => {
    const { context, page } = await newPage(browser);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: string[] = [];
    await interceptTfjs(page, async (route, body) => {
      held.push(route.request().url());
      await gate;
      await route.fulfill({ status: 200, contentType: "application/javascript", body });
    });

    await page.goto("/papers/knowledge-distillation");
    const slot = widgetSlot(page, "distillation");
    await slot.scrollIntoViewIfNeeded();
    // The slot has asked for the widget; the library is held back…
    await page.locator('[data-widget="distillation"][data-state="loading"]').waitFor();
    await expect.poll(() => held.length).toBeGreaterThan(0);
    // …and meanwhile the note is there to read, the figure a placeholder.
    await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("note-body").isVisible()).resolves.toBe(true);
    expect(((await page.getByTestId("note-body").textContent()) ?? "").length).toBeGreaterThan(1000);
    await slot.getByTestId("widget-slot-loading").waitFor();
    expect(await slot.getByTestId("widget-distillation").count()).toBe(0);
    expect(await slot.getAttribute("data-state")).toBe("loading");

    release();
    await page.locator('[data-widget="distillation"][data-state="ready"]').waitFor();
    await expect(slot.getByTestId("widget-distillation").isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("shows a message when the widget code fails to load, and the note stays readable", async () => {
    const { context, page } = await newPage(browser);
    page.on("console", () => undefined);
    let aborted = 0;
    await interceptTfjs(page, async (route) => {
      aborted += 1;
      await route.abort("failed");
    });

    await page.goto("/papers/knowledge-distillation");
    const slot = widgetSlot(page, "distillation");
    await slot.scrollIntoViewIfNeeded();
    await page.locator('[data-widget="distillation"][data-state="error"]').waitFor();
    expect(aborted).toBeGreaterThan(0);
    const message = slot.getByTestId("widget-slot-error");
    await expect(message.textContent()).resolves.toContain("could not be loaded");
    await expect(message.getByRole("button", { name: "Try again" }).isVisible()).resolves.toBe(true);
    // The note around it is untouched.
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBeTruthy();
    await expect(page.getByTestId("note-body").isVisible()).resolves.toBe(true);
    expect(((await page.getByTestId("note-body").textContent()) ?? "").length).toBeGreaterThan(1000);
    expect(await slot.getByTestId("widget-distillation").count()).toBe(0);
    await context.close();
  });
});
