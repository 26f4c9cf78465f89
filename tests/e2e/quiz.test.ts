import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PrismaClient } from "@/app/generated/prisma/client";
import { fromStoredQuestion, presentQuestion, questionSeed } from "@/app/lib/domain/quiz";
import { scriptPrisma } from "../../scripts/lib/prisma";
import { hashPassword } from "@/app/lib/server/auth/password";
import { STRONG_PASSWORD, baseUrl, hasBrowser, launchBrowser, newPage, signIn, uniqueEmail } from "./browser";

/** The guest-token cookie (app/lib/server/auth/guest-token.ts). */
const GUEST_COOKIE = "paperdeck-quiz-guest";

/** Every response body the page received, to check that no answer arrives before it is given. */
function recordBodies(page: Page) {
  const pending: Promise<string>[] = [];
  page.on("response", (response) => {
    // A body that never completes (an aborted navigation) must not hang the check.
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(""), 5000));
    pending.push(Promise.race([response.text().catch(() => ""), timeout]));
  });
  return async () => (await Promise.all(pending)).join("\n");
}

/** Waits until the element with this test id shows exactly `text`. */
async function waitForText(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
}

async function attemptIdOf(page: Page): Promise<string> {
  await page.waitForURL(/\/quizzes\/[a-z0-9]+$/);
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

/** Answers the question on screen with the keyboard only: rightly, or with a wrong/empty answer. */
async function answerWithKeyboard(page: Page, prisma: PrismaClient, attemptId: string, right: boolean) {
  const runner = page.getByTestId("quiz-runner");
  await page.locator('[data-testid="quiz-runner"][data-phase="answering"]').waitFor();
  const questionId = (await runner.getAttribute("data-question-id")) ?? "";
  const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  const row = await prisma.quizQuestion.findUniqueOrThrow({ where: { id: questionId } });
  const question = fromStoredQuestion(row);
  const { order } = presentQuestion(question, questionSeed(attempt.seed, questionId));
  if (!right) {
    if (question.type === "short" || question.type === "numeric") await page.keyboard.type("zzz");
    // Left as shown, an ordering can be partly right: put every item one place off instead, or,
    // for a partial order (scored on its `before` pairs), reverse it, which breaks every pair.
    if (question.type === "ordering") {
      const wrong = question.before ? (p: number, n: number) => n - 1 - p : (p: number, n: number) => (p + 1) % n;
      await arrangeWithKeyboard(page, order, wrong);
    }
    return { questionId, explanation: row.explanation };
  }
  switch (question.type) {
    case "single":
      await page.keyboard.press(String(order.indexOf(question.answer) + 1));
      break;
    case "multiple":
      for (const a of question.answer) await page.keyboard.press(String(order.indexOf(a) + 1));
      break;
    case "truefalse":
      await page.keyboard.press(question.answer ? "1" : "2");
      break;
    case "short":
    case "numeric":
      await page.keyboard.type(String(question.answer));
      break;
    case "ordering":
      await arrangeWithKeyboard(page, order, (p) => p);
      break;
  }
  return { questionId, explanation: row.explanation };
}

/**
 * Puts the shown items (`order[shown] = original index`) into the arrangement where position p
 * holds original item `target(p, n)`: selection sort with the keyboard (select, move up).
 */
async function arrangeWithKeyboard(page: Page, order: number[], target: (p: number, n: number) => number) {
  const arrangement = [...order];
  for (let p = 0; p < arrangement.length; p += 1) {
    const want = target(p, arrangement.length);
    const q = arrangement.indexOf(want);
    if (q === p) continue;
    await page.keyboard.press(String(q + 1));
    for (let k = q; k > p; k -= 1) await page.keyboard.press("ArrowUp");
    arrangement.splice(q, 1);
    arrangement.splice(p, 0, want);
  }
}

describe.runIf(hasBrowser)("taking quizzes in a real browser", () => {
  let browser: Browser;
  let prisma: PrismaClient;
  beforeAll(async () => {
    browser = await launchBrowser();
    prisma = scriptPrisma(inject("databaseUrl"));
  });
  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
  });

  /** An account made in the database, then signed in through the page (the sign-in form is what matters here). */
  async function signInNewAccount(page: Page, prefix: string): Promise<string> {
    const email = uniqueEmail(prefix);
    await prisma.user.create({ data: { email, passwordHash: await hashPassword(STRONG_PASSWORD) } });
    await signIn(page, email);
    await page.getByTestId("user-menu").waitFor();
    return email;
  }

  it("takes a mixed quiz with the keyboard, shows the score and explanations, and retakes the missed ones", async () => {
    const { context, page } = await newPage(browser);
    await signInNewAccount(page, "quiz");
    const bodies = recordBodies(page);
    await page.goto("/quizzes/new?areas=vision,language&length=4&mode=each");
    await page.getByTestId("start-quiz").focus();
    await page.keyboard.press("Enter");
    const attemptId = await attemptIdOf(page);

    await waitForText(page, "quiz-progress", "Question 1 of 4");
    // With a keyboard (a fine pointer) the keys are shown.
    await expect(page.getByText("Keys: 1–9 pick").isVisible()).resolves.toBe(true);
    for (let i = 0; i < 4; i += 1) {
      await waitForText(page, "quiz-progress", `Question ${i + 1} of 4`);
      const { explanation } = await answerWithKeyboard(page, prisma, attemptId, i % 2 === 0);
      // Nothing the page received so far holds this question's explanation.
      expect(await bodies()).not.toContain(explanation.slice(0, 50));
      await page.keyboard.press("Enter");
      await page.getByTestId("quiz-feedback").waitFor();
      await expect(page.getByTestId("quiz-verdict").textContent()).resolves.toContain(i % 2 === 0 ? "Right" : "Wrong");
      expect(await page.getByTestId("quiz-passage-link").getAttribute("href")).toMatch(/^\/papers\/[a-z0-9-]+(#[a-z0-9-]+)?$/);
      await page.keyboard.press("Enter");
    }

    await page.getByTestId("quiz-score").waitFor();
    await expect(page.getByTestId("quiz-score").textContent()).resolves.toBe("50 %");
    await expect(page.getByTestId("quiz-explanation").count()).resolves.toBe(4);
    await expect(page.locator('[data-testid="quiz-feedback"][data-correct="false"]').count()).resolves.toBe(2);
    await expect(page.getByTestId("quiz-history-group").count()).resolves.toBe(1);

    await page.getByTestId("quiz-retake").click();
    await page.waitForURL((url) => url.pathname !== `/quizzes/${attemptId}` && url.pathname.startsWith("/quizzes/"));
    await expect(page.getByTestId("quiz-title").textContent()).resolves.toMatch(/^Missed in: /);
    await waitForText(page, "quiz-progress", "Question 1 of 2");
    const retakeId = await attemptIdOf(page);
    for (let i = 0; i < 2; i += 1) {
      await answerWithKeyboard(page, prisma, retakeId, true);
      await page.keyboard.press("Enter");
      await page.getByTestId("quiz-feedback").waitFor();
      await page.keyboard.press("Enter");
    }
    await page.getByTestId("quiz-score").waitFor();
    await expect(page.getByTestId("quiz-score").textContent()).resolves.toBe("100 %");
    await context.close();
  });

  it("resumes after a reload, and lets a guest on a phone see the score and keep it by signing in", async () => {
    const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto("/quizzes/new?note=moco&length=3&mode=end");
    await page.getByTestId("start-quiz").click();
    const attemptId = await attemptIdOf(page);
    await answerWithKeyboard(page, prisma, attemptId, true);
    await page.keyboard.press("Enter");
    await waitForText(page, "quiz-progress", "Question 2 of 3");
    await page.reload();
    await waitForText(page, "quiz-progress", "Question 2 of 3");
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // No keyboard hints on a touch screen.
    await expect(page.getByText("Keys: 1–9 pick").isVisible()).resolves.toBe(false);
    for (let i = 0; i < 2; i += 1) {
      await answerWithKeyboard(page, prisma, attemptId, false);
      await page.getByTestId("quiz-submit").tap();
      if (i === 0) await waitForText(page, "quiz-progress", "Question 3 of 3");
    }
    await page.getByTestId("quiz-score").waitFor();
    await expect(page.getByTestId("quiz-score").textContent()).resolves.toBe("33 %");
    await page.getByTestId("quiz-guest-note").waitFor();

    const email = await signInNewAccount(page, "guest");
    // Claimed by the sign-in itself, before any quiz page is opened, and the spent token dropped.
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.userId).toBe(user.id);
    expect(attempt.guestToken).toBeNull();
    expect((await context.cookies()).map((c) => c.name)).not.toContain(GUEST_COOKIE);
    await page.goto(`/quizzes/${attemptId}`);
    await page.getByTestId("quiz-score").waitFor();
    expect(await page.getByTestId("quiz-guest-note").count()).toBe(0);
    await context.close();
  });

  it("writes nothing while quiz pages render: a guest token a signed-in browser still holds waits for its next quiz action", async () => {
    const guest = await newPage(browser);
    await guest.page.goto("/quizzes/new?note=bert&length=2");
    await guest.page.getByTestId("start-quiz").click();
    const attemptId = await attemptIdOf(guest.page);
    const guestCookie = (await guest.context.cookies()).find((c) => c.name === GUEST_COOKIE);
    if (!guestCookie) throw new Error("the guest got no token");
    // A signed-in browser that also holds the guest's token, as after a sign-in whose claim failed.
    const holder = await newPage(browser);
    const email = await signInNewAccount(holder.page, "holder");
    await holder.context.addCookies([guestCookie]);
    const before = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(before).toMatchObject({ userId: null, guestToken: guestCookie.value });

    await holder.page.goto("/quizzes");
    await holder.page.getByTestId("start-quiz-form").waitFor();
    await holder.page.goto(`/quizzes/${attemptId}`);
    await holder.page.getByTestId("quiz-not-found").waitFor();
    expect((await holder.page.request.get(`/api/quiz-attempts/${attemptId}`)).status()).toBe(404);
    expect(await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toEqual(before);
    expect((await holder.context.cookies()).find((c) => c.name === GUEST_COOKIE)?.value).toBe(guestCookie.value);

    // The next quiz action may write: it claims the guest's attempt and drops the token.
    await holder.page.goto("/quizzes/new?note=vit&length=1");
    await holder.page.getByTestId("start-quiz").click();
    await attemptIdOf(holder.page);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await prisma.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ userId: user.id, guestToken: null });
    expect((await holder.context.cookies()).map((c) => c.name)).not.toContain(GUEST_COOKIE);
    await Promise.all([guest.context.close(), holder.context.close()]);
  });

  it("answers 404 for someone else's quiz, on the page and over HTTP", async () => {
    const owner = await newPage(browser);
    await owner.page.goto("/quizzes/new?note=bert&length=2");
    await owner.page.getByTestId("start-quiz").click();
    const attemptId = await attemptIdOf(owner.page);
    const stranger = await newPage(browser);
    await signInNewAccount(stranger.page, "stranger");
    // The page streams (the root has a loading state), so its status is sent before the lookup.
    await stranger.page.goto(`/quizzes/${attemptId}`);
    await stranger.page.getByTestId("quiz-not-found").waitFor();
    expect(await stranger.page.getByTestId("quiz-runner").count()).toBe(0);
    const api = await stranger.page.request.get(`/api/quiz-attempts/${attemptId}`);
    expect(api.status()).toBe(404);
    const mine = await owner.page.request.get(`/api/quiz-attempts/${attemptId}`);
    expect(mine.status()).toBe(200);
    const body = (await mine.json()) as { current: Record<string, unknown> | null };
    expect(Object.keys(body.current ?? {})).not.toContain("answer");
    await Promise.all([owner.context.close(), stranger.context.close()]);
  });
});
