/**
 * The guards of the HTTP edge, tried as an attacker would: cross-site writes, wrong body types,
 * a signed-out cookie replayed, a rotated X-Forwarded-For. Plain HTTP against `next start`
 * (the browser only creates the account).
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/app/lib/server/auth/password";
import { discoverActions } from "@/scripts/suites/lib/discover";
import {
  STRONG_PASSWORD,
  baseUrl,
  closeBrowserAndDatabase,
  hasBrowser,
  newPage,
  openBrowserAndDatabase,
  signIn,
  uniqueEmail,
} from "./browser";

const EVIL = "https://evil.example";

/**
 * A new account made in the database, as sign-up makes it (sign-ups are limited per address,
 * and every test comes from one), then signed in through the page: its cookies.
 */
async function signedUpCookie(browser: Browser, db: pg.Client, email = uniqueEmail("guard")): Promise<string> {
  const id = randomUUID();
  await db.query(`INSERT INTO "User" (id, email, "passwordHash", "updatedAt") VALUES ($1, $2, $3, now())`, [
    id,
    email,
    await hashPassword(STRONG_PASSWORD),
  ]);
  await db.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [id]);
  const { context, page } = await newPage(browser);
  await signIn(page, email);
  await page.getByTestId("user-menu").waitFor();
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

const writes: { path: string; method: string; type: string; body: string }[] = [
  { path: "/api/import", method: "POST", type: "application/json", body: "{}" },
  { path: "/api/review/import", method: "POST", type: "text/csv", body: "card_id,review_time,review_rating\n" },
  { path: "/api/review/optimizer", method: "POST", type: "application/json", body: "{}" },
  { path: "/api/review/undo", method: "POST", type: "application/json", body: JSON.stringify({ clientId: crypto.randomUUID() }) },
  { path: "/api/review/answer", method: "POST", type: "application/json", body: "{}" },
  { path: "/api/me/study-set/moco", method: "PUT", type: "", body: "" },
];

describe.runIf(hasBrowser)("cross-site writes", () => {
  let browser: Browser;
  let db: pg.Client;
  let cookie: string;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
    cookie = await signedUpCookie(browser, db);
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  function send(write: (typeof writes)[number], headers: Record<string, string>) {
    return fetch(`${baseUrl()}${write.path}`, {
      method: write.method,
      headers: { Cookie: cookie, ...(write.type ? { "Content-Type": write.type } : {}), ...headers },
      body: write.body || undefined,
    });
  }

  it.each(writes)("refuses $method $path from another site with the victim's cookie", async (write) => {
    const response = await send(write, { Origin: EVIL });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/another site/);
  });

  it.each(writes)("refuses $method $path that says nothing of where it came from", async (write) => {
    const response = await send(write, {});
    expect(response.status).toBe(403);
  });

  it.each(writes.filter((w) => w.type))("refuses $method $path sent as a form's text/plain body", async (write) => {
    const response = await fetch(`${baseUrl()}${write.path}`, {
      method: write.method,
      headers: { Cookie: cookie, Origin: baseUrl(), "Content-Type": "text/plain" },
      body: write.body,
    });
    expect(response.status).toBe(415);
  });

  it("says in words which file an import expects when given the wrong one", async () => {
    const csvAsExport = await send({ ...writes[0]!, body: "card_id,review_time\n1,2\n" }, { Origin: baseUrl() });
    expect(csvAsExport.status).toBe(400);
    expect(((await csvAsExport.json()) as { error: string }).error).toMatch(/^This is not a PaperDeck export\. Choose the \.json file/);
    const jsonAsLog = await send({ ...writes[1]!, body: '{"version":1}' }, { Origin: baseUrl() });
    expect(jsonAsLog.status).toBe(400);
    expect(((await jsonAsLog.json()) as { error: string }).error).toMatch(/^This is not a review log\. Choose the \.csv file/);
  });

  it("accepts the same write from the site itself", async () => {
    const response = await send(writes[5]!, { Origin: baseUrl() });
    expect(response.status).toBe(200);
  });
});

describe.runIf(hasBrowser)("sign-out that does not sign out", () => {
  let browser: Browser;
  let db: pg.Client;
  beforeAll(async () => {
    ({ browser, db } = await openBrowserAndDatabase());
  });
  afterAll(() => closeBrowserAndDatabase(browser, db));

  it("a session from before 'sign out everywhere' (an older session version) is refused by routes and the answer", async () => {
    const email = uniqueEmail("stale");
    const cookie = await signedUpCookie(browser, db, email);
    await db.query(`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE email = $1`, [email]);
    const me = (await (await fetch(`${baseUrl()}/api/me`, { headers: { Cookie: cookie } })).json()) as { user: unknown };
    expect(me.user).toBeNull();
    expect((await fetch(`${baseUrl()}/api/review/queue`, { headers: { Cookie: cookie } })).status).toBe(401);
    const [card] = (await db.query<{ id: string }>(`SELECT id FROM "Card" WHERE "retiredAt" IS NULL LIMIT 1`)).rows;
    const answer = await fetch(`${baseUrl()}/api/review/answer`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: baseUrl(), "Content-Type": "application/json" },
      body: JSON.stringify({ clientId: crypto.randomUUID(), cardId: card!.id, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 1000 }),
    });
    expect(answer.status).toBe(401);
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "ReviewLog" l JOIN "User" u ON u.id = l."userId" WHERE u.email = $1`, [email]);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("a session cookie kept from before a plain sign-out no longer works anywhere", async () => {
    const cookie = await signedUpCookie(browser, db);
    const me = async () => ((await (await fetch(`${baseUrl()}/api/me`, { headers: { Cookie: cookie } })).json()) as { user: unknown }).user;
    expect(await me()).not.toBeNull();
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`, { headers: { Cookie: cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const signOut = await fetch(`${baseUrl()}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: [cookie, csrfCookie].filter(Boolean).join("; "), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(signOut.status).toBeLessThan(400);
    expect(await me()).toBeNull();
    const queue = await fetch(`${baseUrl()}/api/review/queue`, { headers: { Cookie: cookie } });
    expect(queue.status).toBe(401);
    const answer = await fetch(`${baseUrl()}/api/review/answer`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: baseUrl(), "Content-Type": "application/json" },
      body: JSON.stringify({ clientId: crypto.randomUUID(), cardId: "x", rating: 3, version: 0, answeredAt: Date.now(), durationMs: 1000 }),
    });
    expect(answer.status).toBe(401);
  });
});

describe("the sign-in limit and X-Forwarded-For", () => {
  it("anyone can lock anyone out: rotating X-Forwarded-For does not reset the limit", async () => {
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const email = uniqueEmail("rotated");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const response = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": `10.20.${i}.1` },
        body: new URLSearchParams({ email, password: "wrong password!", csrfToken, json: "true" }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});

describe("server actions over HTTP, as a hand-made request", () => {
  const actions = discoverActions();

  function post(action: (typeof actions)[number], headers: Record<string, string>, body = "[{}]") {
    return fetch(`${baseUrl()}${action.page}`, {
      method: "POST",
      headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
      body,
    });
  }

  it("finds the app's actions in the build", () => {
    expect(actions.length).toBeGreaterThanOrEqual(8);
  });

  it.each(actions.filter((a) => a.authed))("$name refuses a caller without a session with 401", async (action) => {
    const response = await post(action, { Origin: baseUrl() });
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).toContain('"status":401');
  });

  it.each(actions)("$name refuses a post that names no Origin", async (action) => {
    const response = await post(action, {});
    const text = await response.text();
    expect(response.status === 403 || text.includes('"status":403'), `${response.status} ${text.slice(0, 200)}`).toBe(true);
  });

  it.each(actions)("$name refuses another site's post, even with a forged X-Forwarded-Host", async (action) => {
    const response = await post(action, { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" });
    const text = await response.text();
    expect(response.status === 403 || text.includes('"status":403'), `${response.status} ${text.slice(0, 200)}`).toBe(true);
  });
});
