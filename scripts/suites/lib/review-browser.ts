/**
 * A real review page in Chromium (playwright-core, Debian's chromium) during the chaos run:
 * it answers cards with the keyboard before, during and after the PostgreSQL outage. The page
 * keeps answers the server could not take (its outbox) and must have sent all of them after.
 */
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../lib/chromium";
import type { Account } from "./cluster";
import { COOKIE } from "./stack";

export interface BrowserResult {
  /** The card ids answered with the keyboard, in order. */
  answered: string[];
  /** Whether the page showed its pending-answers notice during the outage. */
  showedPending: boolean;
  /** Milliseconds from PostgreSQL being back until the page had nothing pending. */
  drainedAfterMs: number | null;
  error: string | null;
}

async function currentCardId(page: Page): Promise<string | null> {
  return page.getByTestId("review-card").getAttribute("data-card-id");
}

/** Space shows the back, a digit answers; resolves once the next card is on screen. */
async function answerWithKeyboard(page: Page, key: "3" | "4"): Promise<string> {
  const before = await currentCardId(page);
  if (!before) throw new Error("no card on the review page");
  await page.keyboard.press("Space");
  await page.getByTestId("card-back").waitFor({ timeout: 10_000 });
  await page.keyboard.press(key);
  await page.waitForFunction(
    (id) =>
      document.querySelector("[data-testid=review-card]")?.getAttribute("data-card-id") !== id,
    before,
    { timeout: 10_000 },
  );
  return before;
}

export class ReviewBrowser {
  private browser: Browser | null = null;
  private page: Page | null = null;
  readonly result: BrowserResult = {
    answered: [],
    showedPending: false,
    drainedAfterMs: null,
    error: null,
  };

  constructor(
    private readonly baseUrl: string,
    private readonly account: Account,
  ) {}

  async open(): Promise<void> {
    this.browser = await launchChromium();
    const context = await this.browser.newContext({ baseURL: this.baseUrl });
    await context.addCookies([{ name: COOKIE, value: this.account.token, url: this.baseUrl }]);
    this.page = await context.newPage();
    await this.page.goto("/review");
    await this.page
      .locator("[data-testid=review-session][data-ready=true]")
      .waitFor({ timeout: 30_000 });
  }

  async answer(count: number): Promise<void> {
    const page = this.page;
    if (!page || this.result.error) return;
    try {
      for (let i = 0; i < count; i += 1) {
        this.result.answered.push(await answerWithKeyboard(page, i % 2 === 0 ? "3" : "4"));
        await page.waitForTimeout(200);
      }
    } catch (error) {
      this.result.error = `answering: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** Whether the page says it holds answers it has not sent yet. */
  async pendingShown(): Promise<boolean> {
    return (await this.page?.getByTestId("pending-answers").count()) !== 0;
  }

  /** Waits until the page has sent everything (its pending notice gone); returns the wait. */
  async waitDrained(since: number, timeoutMs: number): Promise<void> {
    const page = this.page;
    if (!page) return;
    try {
      await page.getByTestId("pending-answers").waitFor({ state: "detached", timeout: timeoutMs });
      this.result.drainedAfterMs = performance.now() - since;
    } catch {
      this.result.error = `the page still had pending answers ${timeoutMs / 1000} s after PostgreSQL came back`;
    }
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => {});
  }
}
