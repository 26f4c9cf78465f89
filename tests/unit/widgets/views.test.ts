import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { englishOn, englishOnlyFragments } from "@/tests/e2e/english-phrases";
import { readyTf } from "@/app/ui/widgets/tf";
import { isWidgetName, widgetLoaders, widgetNames } from "@/app/ui/widgets/registry";
import { fmt, formatNumber } from "@/app/ui/widgets/ui";
import { gaussianMatrix, mulberry32 } from "@/app/ui/widgets/prng";

beforeAll(readyTf);

/** A view rendered on the server as a note page renders it: inside the reader's messages. */
function render(View: ComponentType, locale: "en" | "zh-CN"): string {
  const messages = locale === "en" ? en : zh;
  return renderToString(createElement(NextIntlClientProvider, { locale, messages, timeZone: "UTC", children: createElement(View) }));
}

/** The visible text and labelling attributes of rendered HTML (tags and test ids dropped). */
function textsOfHtml(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1] ?? "");
  const text = html.replace(/<[^>]*>/g, "\n").split("\n").map((s) => s.trim()).filter(Boolean);
  return [...text, ...attributes];
}

describe("widget registry", () => {
  it("has a loader for exactly the thirteen widget names", () => {
    expect(Object.keys(widgetLoaders).sort()).toEqual([...widgetNames].sort());
    expect(widgetNames).toHaveLength(13);
    expect(isWidgetName("infonce-queue")).toBe(true);
    expect(isWidgetName("not-a-widget")).toBe(false);
  });

  // Rendering on the server catches a view that throws on its default inputs. How fast it
  // renders is the widgets benchmark's to measure (npm run bench:widgets), not a test's.
  it.each([...widgetNames])(
    "renders the %s view with its test ids and labelled controls",
    async (name) => {
      const { default: View } = await widgetLoaders[name]();
      const html = render(View, "en");
      expect(html).toContain(`data-testid="widget-${name}"`);
      const inputs = html.match(/<(input|select)\b[^>]*>/g) ?? [];
      expect(inputs.length).toBeGreaterThan(0);
      for (const input of inputs) {
        expect(input).toMatch(/data-testid="widget-/);
        // Each control is named: by a <label for=id> (useId) or by aria-label.
        expect(input).toMatch(/\bid="|aria-label="/);
      }
    },
  );
});

describe("widgets in Chinese", () => {
  const fragments = englishOnlyFragments(en, zh);
  // Each view's labels, captions, table heads, options and aria descriptions come from its
  // widgets.<name> namespace: rendered in Chinese, none of the English catalogue is left and
  // no run of English words (formulas and symbols such as "q·k" or "λ L1" are not words).
  it.each([...widgetNames])("renders the %s view with no English left in Chinese", async (name) => {
    const { default: View } = await widgetLoaders[name]();
    const html = render(View, "zh-CN");
    expect(englishOn(textsOfHtml(html), fragments)).toEqual([]);
    expect(html).toMatch(/[\u4e00-\u9fff]/);
  });

  it("has a title for every widget in both languages", () => {
    for (const name of widgetNames) {
      expect(en.widgets[name].title).toBeTruthy();
      expect(zh.widgets[name].title).not.toBe(en.widgets[name].title);
    }
  });
});

describe("shared helpers", () => {
  it("formats numbers with a true minus sign and no negative zero", () => {
    expect(fmt(-1.23456, 2)).toBe("−1.23");
    expect(fmt(-0.0001, 2)).toBe("0.00");
    expect(fmt(Infinity)).toBe("∞");
    expect(formatNumber(-0.5, 1, "zh-CN")).toBe("−0.5");
    expect(formatNumber(10000, 0, "zh-CN")).toBe("10000");
    // The locale's formatter, not toFixed: a locale with a decimal comma gets its comma.
    expect(formatNumber(1.25, 2, "de")).toBe("1,25");
  });

  it("draws the same seeded numbers every time, uniform in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 1);
  });

  it("draws standard normal matrices with mean near 0 and variance near 1", () => {
    const values = gaussianMatrix(7, 100, 50).flat();
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeGreaterThan(0.9);
    expect(variance).toBeLessThan(1.1);
  });
});
