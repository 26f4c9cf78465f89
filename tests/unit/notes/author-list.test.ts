import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuthorList } from "@/app/ui/notes/author-list";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const authors = Array.from({ length: 58 }, (_, i) => `Author ${i + 1}`);
// The page gives every component its language's messages; so does the test.
const render = (props: Parameters<typeof AuthorList>[0], locale: "en" | "zh-CN" = "en") =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, { locale, messages: locale === "en" ? en : zh, timeZone: "UTC", children: createElement(AuthorList, props) }),
  );

describe("AuthorList", () => {
  it("lists up to ten authors in full, with no disclosure", () => {
    const html = render({ authors: authors.slice(0, 10) });
    expect(html).toBe(`<p data-testid="author-list">${authors.slice(0, 10).join(", ")}</p>`);
  });

  it("shows the first ten and et al., and all 58 behind a native <details>", () => {
    const html = render({ authors });
    expect(html).toContain(`<p class="author-list-short">${authors.slice(0, 10).join(", ")}, <i>et al.</i></p>`);
    expect(/<p class="author-list-short">.*?<\/p>/.exec(html)?.[0]).not.toContain("Author 11");
    expect(html).toMatch(/<details class="group"><summary [^>]*><span class="group-open:hidden">Show all 58 authors<\/span>/);
    expect(html).toContain(`<p class="mt-1" data-testid="author-list-all">${authors.join(", ")}</p>`);
  });

  it("says et al. and its disclosure in Chinese on a Chinese page", () => {
    const html = render({ authors }, "zh-CN");
    expect(html).toContain(`${authors.slice(0, 10).join(", ")}, <i>等</i>`);
    expect(html).toContain("显示全部 58 位作者");
  });

  it("takes a shorter limit for list views", () => {
    const html = render({ authors: authors.slice(0, 5), limit: 3 });
    expect(html).toContain("Author 1, Author 2, Author 3, <i>et al.</i>");
    expect(html).toContain("Show all 5 authors");
  });

  it("renders nothing for a concept without authors", () => {
    expect(render({ authors: [] })).toBe("");
  });
});
