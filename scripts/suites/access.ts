/**
 * `npm run test:access`: every discovered route handler, method and protected page, called
 * without a session, with another user's session on A's ids, with a forged middleware
 * subrequest header, as RSC/prefetch requests, cross-site with a valid session, and with a
 * revoked, a tampered and a stale session. Every call must be refused (or, for the public
 * routes, answer without anyone else's data) and A's rows must not change. Exit 1 on a failure.
 */
import { randomUUID } from "node:crypto";
import {
  actionFilesMissingFrom,
  discoverActions,
  discoverProtectedPages,
  discoverRoutes,
  isNextAuth,
  METHODS,
  type ActionTarget,
  type Method,
} from "./lib/discover";
import { COOKIE, snapshot, startStack, type Stack } from "./lib/stack";

type Access = "user" | "public";
interface Row {
  access: Access;
  /** What B's session on A's ids may get: refused outright, or B's own (empty) data. */
  otherUser: "refuse" | "own";
  request: (s: Stack) => { path: string; body?: string; contentType?: string };
}

const json = "application/json";
/** Per route: the expected behaviour. A discovered route without a row fails the suite. */
const TABLE: Record<string, Row> = {
  "GET /api/health": {
    access: "public",
    otherUser: "own",
    request: () => ({ path: "/api/health" }),
  },
  "GET /api/me": { access: "public", otherUser: "own", request: () => ({ path: "/api/me" }) },
  // The header's language switch: a guest's choice goes in a cookie, a reader's in their own settings.
  "PUT /api/me/locale": {
    access: "public",
    otherUser: "own",
    request: () => ({ path: "/api/me/locale", contentType: json, body: JSON.stringify({ locale: "en" }) }),
  },
  "GET /api/me/notes/[slug]": {
    access: "public",
    otherUser: "own",
    request: (s) => ({ path: `/api/me/notes/${s.slug}` }),
  },
  "GET /api/quiz-attempts/[id]": {
    access: "public",
    otherUser: "refuse",
    request: (s) => ({ path: `/api/quiz-attempts/${s.attemptId}` }),
  },
  "GET /api/export": { access: "user", otherUser: "own", request: () => ({ path: "/api/export" }) },
  "GET /api/export/anki": {
    access: "user",
    otherUser: "own",
    request: (s) => ({ path: `/api/export/anki?note=${s.slug}` }),
  },
  "GET /api/export/apkg": {
    access: "user",
    otherUser: "own",
    request: (s) => ({ path: `/api/export/apkg?note=${s.slug}` }),
  },
  // The reader's own cards on a corpus note's passages: B gets B's own (none of A's).
  "GET /api/me/notes/[slug]/cards": {
    access: "user",
    otherUser: "own",
    request: (s) => ({ path: `/api/me/notes/${s.slug}/cards` }),
  },
  // One of A's own notes by id as a file: B's session gets 404 and nothing of A's.
  "GET /api/own-notes/export": {
    access: "user",
    otherUser: "refuse",
    request: (s) => ({ path: `/api/own-notes/export?id=${s.ownNoteId}` }),
  },
  // An import makes notes of the caller's own: B's upload becomes B's notes, A's are untouched.
  "POST /api/own-notes/import": {
    access: "user",
    otherUser: "own",
    request: () => ({
      path: "/api/own-notes/import?name=suite-import.md",
      contentType: "text/markdown",
      body: "---\ntitle: Imported by the suite\n---\n\nText.\n",
    }),
  },
  "POST /api/import/apkg": {
    access: "user",
    otherUser: "own",
    request: () => ({
      path: "/api/import/apkg",
      contentType: "application/octet-stream",
      body: "PK\u0005\u0006 not really a package",
    }),
  },
  "POST /api/import": {
    access: "user",
    otherUser: "own",
    request: () => ({
      path: "/api/import",
      contentType: json,
      body: JSON.stringify({ version: 1 }),
    }),
  },
  "PUT /api/me/study-set/[slug]": {
    access: "user",
    otherUser: "own",
    request: (s) => ({ path: `/api/me/study-set/${s.slug}` }),
  },
  "DELETE /api/me/study-set/[slug]": {
    access: "user",
    otherUser: "own",
    request: (s) => ({ path: `/api/me/study-set/${s.slug}` }),
  },
  "POST /api/review/answer": {
    access: "user",
    // Cards are shared content: B may answer the card A studies, which touches B's own state
    // only (here a 409, B's version being 0); A's rows must not change.
    otherUser: "own",
    request: (s) => ({
      path: "/api/review/answer",
      contentType: json,
      // A's card at A's current version: from B it must not touch A's state.
      body: JSON.stringify({
        clientId: s.answerClientId,
        cardId: s.cardId,
        rating: 1,
        version: 1,
        answeredAt: Date.now(),
        durationMs: 10,
      }),
    }),
  },
  "GET /api/review/export": {
    access: "user",
    otherUser: "own",
    request: () => ({ path: "/api/review/export" }),
  },
  "POST /api/review/import": {
    access: "user",
    otherUser: "own",
    request: (s) => ({
      path: "/api/review/import",
      contentType: "text/csv",
      body: `card_id,review_time,review_rating,review_state,review_duration\n${s.cardId},${Date.now() - 1000},3,0,1000\n`,
    }),
  },
  "GET /api/review/optimizer": {
    access: "user",
    otherUser: "own",
    request: () => ({ path: "/api/review/optimizer" }),
  },
  "POST /api/review/optimizer": {
    access: "user",
    otherUser: "own",
    request: () => ({ path: "/api/review/optimizer" }),
  },
  "GET /api/review/queue": {
    access: "user",
    otherUser: "own",
    request: () => ({ path: "/api/review/queue?limit=5" }),
  },
  "POST /api/cards/control": {
    access: "user",
    // Cards are shared content: B's control on the card A studies writes B's own state only.
    otherUser: "own",
    request: (s) => ({
      path: "/api/cards/control",
      contentType: json,
      // Its own clientId (B reusing A's answer id would make it B's control, which B may undo),
      // and a flag, which leaves B's version at 0: the answer row's B must still meet a 409.
      body: JSON.stringify({ clientId: randomUUID(), cardIds: [s.cardId], action: "flag", flag: 1 }),
    }),
  },
  "POST /api/review/undo": {
    access: "user",
    otherUser: "refuse",
    request: (s) => ({
      path: "/api/review/undo",
      contentType: json,
      body: JSON.stringify({ clientId: s.answerClientId }),
    }),
  },
};

/**
 * Server actions open to guests (quizzes, sign-up): what each must refuse. Authenticated
 * actions need no row (each must answer 401 without a valid session); a public action without
 * a row fails the suite.
 */
const PUBLIC_ACTIONS: Record<string, { onAsAttempt?: (s: Stack, questionId: string) => unknown }> =
  {
    signUp: {},
    // A mailed link's token is the credential: nothing of A's is named by a session or an id.
    requestPasswordReset: {},
    resetPassword: {},
    verifyEmail: {},
    startQuiz: {},
    answerQuizQuestion: {
      onAsAttempt: (s, questionId) => ({
        attemptId: s.attemptId,
        questionId,
        response: null,
        timeMs: 1,
      }),
    },
    retakeMissedQuestions: { onAsAttempt: (s) => ({ attemptId: s.attemptId }) },
    discardQuizAttempt: { onAsAttempt: (s) => ({ attemptId: s.attemptId }) },
  };

/**
 * Authenticated actions on one of A's own notes (issue 17): B's session naming A's note must be
 * "not found", and A's note must stay as it was.
 */
const OWN_NOTE_ACTIONS: Record<string, (s: Stack) => unknown> = {
  saveOwnNote: (s) => ({ id: s.ownNoteId, source: "hijacked by B" }),
  deleteOwnNote: (s) => ({ id: s.ownNoteId }),
  restoreOwnNote: (s) => ({ id: s.ownNoteId }),
  // A's own note is not a corpus note: B cannot copy it by its slug.
  copyCorpusNote: (s) => ({ slug: `my-${s.ownNoteMarker}` }),
  // A personal card is a card of A's own note: B naming one is "not found".
  updatePassageCard: (s) => ({ id: s.ownPassageCardId, front: "hijacked by B", back: "hijacked by B" }),
  deletePassageCard: (s) => ({ id: s.ownPassageCardId }),
  // A's own note is no corpus note: B cannot attach a card to it.
  addPassageCard: (s) => ({ slug: `my-${s.ownNoteMarker}`, anchor: "idea", front: "f", back: "b" }),
};

interface Result {
  target: string;
  variant: string;
  status: number;
  verdict: string;
}

const results: Result[] = [];
function record(target: string, variant: string, status: number, problem: string | null) {
  results.push({ target, variant, status, verdict: problem ? `FAIL: ${problem}` : "ok" });
}

/**
 * Markers of A's data that no other caller may see. `asked` is the path requested: an id the
 * caller put in the URL may come back in it (Next echoes the path in its payload) without
 * anything of A's being shown.
 */
function leaks(s: Stack, body: string, asked = ""): string | null {
  const markers = [
    ["A's email", s.a.email],
    ["A's id", s.a.id],
    ["A's answer clientId", s.answerClientId],
    ["A's attempt id", s.attemptId],
    ["A's own note", s.ownNoteMarker],
    ["A's own note id", s.ownNoteId],
  ] as const;
  for (const [what, marker] of markers.filter(([, m]) => !asked.includes(m))) {
    if (body.includes(marker)) return `body shows ${what}`;
  }
  return null;
}

/**
 * One request, redirects not followed, except Next's cache-busting redirect of an RSC request
 * (a 307 to the same path with a corrected `_rsc` query), which a browser's router follows with
 * the same headers: the answer after it is the one that must refuse.
 */
async function call(
  s: Stack,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) {
  let target = path;
  for (let hop = 0; ; hop++) {
    const res = await fetch(s.baseUrl + target, {
      method,
      headers,
      body: method === "GET" ? undefined : body,
      redirect: "manual",
    });
    const location = res.headers.get("location") ?? "";
    const next = location ? new URL(location, s.baseUrl) : null;
    const cacheBusting =
      res.status === 307 &&
      next !== null &&
      next.origin === s.baseUrl &&
      next.searchParams.has("_rsc") &&
      next.pathname === new URL(target, s.baseUrl).pathname;
    if (!cacheBusting || hop >= 2) return { status: res.status, location, text: await res.text() };
    await res.body?.cancel();
    target = next.pathname + next.search;
  }
}

/** Posts a server action as Next's client does (arguments as a JSON array in a text body). */
async function callAction(
  s: Stack,
  action: ActionTarget,
  headers: Record<string, string>,
  args: unknown[] = [{}],
) {
  const res = await fetch(s.baseUrl + action.page, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      ...headers,
    },
    body: JSON.stringify(args),
  });
  return { status: res.status, text: await res.text() };
}

/** An action's own refusal (the result's status) or the HTTP status when Next refused it. */
function actionStatus(r: { status: number; text: string }): number {
  const inBody = /"ok":false,"status":(\d{3})/.exec(r.text)?.[1];
  return inBody ? Number(inBody) : r.status;
}

/** An RSC payload without the random ids (22 base64url characters) each render makes afresh. */
const withoutRenderIds = (text: string) => text.replace(/"[A-Za-z0-9_-]{20,}"/g, '"~"');

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const FORGED = {
  "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
};

async function main(): Promise<number> {
  const routes = discoverRoutes();
  const pages = discoverProtectedPages();
  const skipped = routes.filter(isNextAuth);
  console.log(
    `discovered ${routes.length} route files, ${routes.reduce((n, r) => n + r.methods.length, 0)} handlers, ${pages.length} protected pages (server actions: read from the build below)`,
  );
  for (const r of skipped) {
    console.log(
      `  skipped as a target: ${r.pattern} (next-auth's own endpoints; exercised by the revoked-session sign-out below)`,
    );
  }
  const s = await startStack("access");
  try {
    // A second sign-in of A, signed out through next-auth: its cookie must stop working.
    const revokedSid = randomUUID();
    const revoked = await s.mint(s.a, 0, revokedSid);
    const csrfRes = await fetch(`${s.baseUrl}/api/auth/csrf`);
    const csrfCookie =
      (csrfRes.headers.getSetCookie().find((c) => c.includes("csrf-token")) ?? "").split(";")[0] ??
      "";
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const signout = await fetch(`${s.baseUrl}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: s.baseUrl,
        Cookie: `${csrfCookie}; ${COOKIE}=${revoked}`,
      },
      body: new URLSearchParams({ csrfToken, json: "true" }).toString(),
    });
    const inTable = await s.db.query(`SELECT 1 FROM "RevokedSession" WHERE "sessionId" = $1`, [
      revokedSid,
    ]);
    record(
      "POST /api/auth/signout",
      "sign-out revokes sid",
      signout.status,
      inTable.rowCount === 1 ? null : "sid not in RevokedSession",
    );
    const tampered =
      s.a.token.slice(0, 40) + (s.a.token[40] === "A" ? "B" : "A") + s.a.token.slice(41);

    const noSession = [
      ["guest", {}],
      ["forged-subrequest", FORGED],
      ["revoked", { Cookie: `${COOKIE}=${revoked}` }],
      ["tampered", { Cookie: `${COOKIE}=${tampered}` }],
      ["stale-sv", { Cookie: `${COOKIE}=${s.c.token}` }],
    ] as const;

    const before = await snapshot(s.db, s.a.id);
    for (const route of routes.filter((r) => !isNextAuth(r))) {
      for (const method of route.methods) {
        const key = `${method} ${route.pattern}`;
        const row = TABLE[key];
        if (!row) {
          record(key, "table", 0, "new route without a row");
          continue;
        }
        const req = row.request(s);
        const base: Record<string, string> = {
          Origin: s.baseUrl,
          ...(req.contentType ? { "Content-Type": req.contentType } : {}),
        };
        for (const [variant, extra] of noSession) {
          const r = await call(s, method, req.path, { ...base, ...extra }, req.body);
          let problem = leaks(s, r.text);
          if (!problem && r.status >= 500) problem = `server error ${r.text.slice(0, 120)}`;
          if (!problem && row.access === "user" && r.status !== 401) problem = `expected 401`;
          if (!problem && row.access === "public") {
            if (key === "GET /api/me" && !/"user":null/.test(r.text))
              problem = "a user is reported signed in";
            if (key === "GET /api/me/notes/[slug]" && !/"signedIn":false/.test(r.text))
              problem = "reported signed in";
            if (key === "GET /api/quiz-attempts/[id]" && r.status !== 404) problem = "expected 404";
          }
          record(key, variant, r.status, problem);
        }
        // B on A's ids.
        const asB = await call(
          s,
          method,
          req.path,
          { ...base, Cookie: `${COOKIE}=${s.b.token}` },
          req.body,
        );
        let problem = leaks(s, asB.text);
        if (!problem && asB.status >= 500) problem = `server error ${asB.text.slice(0, 120)}`;
        if (!problem && row.otherUser === "refuse" && ![403, 404].includes(asB.status))
          problem = "expected 403/404";
        if (!problem && key === "GET /api/me" && !asB.text.includes(s.b.email))
          problem = "not B's own identity";
        if (!problem && key === "GET /api/me/notes/[slug]" && /"inStudySet":true/.test(asB.text))
          problem = "shows A's study set";
        record(key, "other-user (B)", asB.status, problem);
        // Cross-site with A's valid session.
        if (STATE_CHANGING.has(method)) {
          const r = await call(
            s,
            method,
            req.path,
            { ...base, Origin: "https://evil.example", Cookie: `${COOKIE}=${s.a.token}` },
            req.body,
          );
          record(key, "cross-origin (A)", r.status, r.status === 403 ? null : "expected 403");
          const r2 = await call(
            s,
            method,
            req.path,
            {
              ...base,
              Origin: "null",
              "Sec-Fetch-Site": "cross-site",
              Cookie: `${COOKIE}=${s.a.token}`,
            },
            req.body,
          );
          record(key, "origin null (A)", r2.status, r2.status === 403 ? null : "expected 403");
        }
      }
      // A method the route does not export.
      const missing = METHODS.find((m: Method) => !route.methods.includes(m));
      if (missing && route.kind === "app") {
        const path =
          TABLE[`${route.methods[0]} ${route.pattern}`]?.request(s).path ?? route.pattern;
        const r = await call(s, missing, path, { Origin: s.baseUrl });
        record(
          `${missing} ${route.pattern}`,
          "unexported method",
          r.status,
          [401, 404, 405].includes(r.status) ? null : "expected 405",
        );
      }
    }

    const actions = discoverActions();
    for (const file of actionFilesMissingFrom(actions))
      record(file, "manifest", 0, "an action file the build does not list");
    const question = await s.db.query<{ id: string }>(
      `SELECT "questionIds"[1] AS id FROM "QuizAttempt" WHERE id = $1`,
      [s.attemptId],
    );
    const questionId = question.rows[0]?.id ?? "";
    for (const action of actions) {
      const key = `action ${action.name}`;
      const row = PUBLIC_ACTIONS[action.name];
      if (!action.authed && !row) {
        record(key, "table", 0, "a public action without a row");
        continue;
      }
      const site = { Origin: s.baseUrl };
      if (action.authed) {
        for (const [variant, extra] of noSession) {
          const r = await callAction(s, action, { ...site, ...extra });
          const status = actionStatus(r);
          record(
            key,
            variant,
            status,
            leaks(s, r.text) ?? (status === 401 ? null : "expected 401"),
          );
        }
      }
      const onOwnNote = OWN_NOTE_ACTIONS[action.name];
      if (onOwnNote) {
        const r = await callAction(s, action, { ...site, Cookie: `${COOKIE}=${s.b.token}` }, [onOwnNote(s)]);
        const status = actionStatus(r);
        record(key, "other-user (B) on A's note", status, leaks(s, r.text) ?? (status === 404 ? null : "expected 404"));
      }
      if (row?.onAsAttempt) {
        const args = [row.onAsAttempt(s, questionId)];
        for (const [variant, extra] of [
          ...noSession,
          ["other-user (B)", { Cookie: `${COOKIE}=${s.b.token}` }] as const,
        ]) {
          const r = await callAction(s, action, { ...site, ...extra }, args);
          const status = actionStatus(r);
          record(
            key,
            `${variant} on A's attempt`,
            status,
            leaks(s, r.text) ?? ([403, 404].includes(status) ? null : "expected 403/404"),
          );
        }
      }
      // Cross-site with A's valid session, and a forged X-Forwarded-Host: refused before anything runs.
      const cross = await callAction(s, action, {
        Origin: "https://evil.example",
        "X-Forwarded-Host": "evil.example",
        Cookie: `${COOKIE}=${s.a.token}`,
      });
      record(
        key,
        "cross-origin (A)",
        actionStatus(cross),
        actionStatus(cross) === 403 ? null : "expected 403",
      );
      const noOrigin = await callAction(s, action, { Cookie: `${COOKIE}=${s.a.token}` });
      record(
        key,
        "no Origin (A)",
        actionStatus(noOrigin),
        actionStatus(noOrigin) === 403 ? null : "expected 403",
      );
    }

    const pageVariants: [string, Record<string, string>, string][] = [
      ["guest", {}, ""],
      ["forged-subrequest", FORGED, ""],
      ["rsc", { RSC: "1" }, ""],
      ["prefetch", { RSC: "1", "Next-Router-Prefetch": "1" }, ""],
      ["?_rsc", {}, "?_rsc=x"],
      ["revoked", { Cookie: `${COOKIE}=${revoked}` }, ""],
      ["revoked rsc", { Cookie: `${COOKIE}=${revoked}`, RSC: "1" }, "?_rsc=x"],
      [
        "revoked prefetch",
        { Cookie: `${COOKIE}=${revoked}`, RSC: "1", "Next-Router-Prefetch": "1" },
        "",
      ],
      ["tampered", { Cookie: `${COOKIE}=${tampered}` }, ""],
      ["tampered rsc", { Cookie: `${COOKIE}=${tampered}`, RSC: "1" }, ""],
      ["stale-sv", { Cookie: `${COOKIE}=${s.c.token}` }, ""],
      ["stale-sv rsc", { Cookie: `${COOKIE}=${s.c.token}`, RSC: "1" }, "?_rsc=x"],
    ];
    const targets = [
      ...pages.map((p) => ({ name: p.pattern, path: p.pattern })),
      { name: "/quizzes/[id]", path: `/quizzes/${s.attemptId}` },
      { name: "/notes/<A's note>", path: `/notes/${s.ownNoteId}` },
      { name: "/notes/<A's note>/edit", path: `/notes/${s.ownNoteId}/edit` },
    ];
    for (const page of targets) {
      for (const [variant, headers, query] of pageVariants) {
        const r = await call(s, "GET", page.path + query, headers);
        let problem = leaks(s, r.text, page.path);
        if (!problem && r.text.includes(s.c.email)) problem = "shows C's email";
        const redirected = r.status >= 300 && r.status < 400 && r.location.includes("/signin");
        const rscRedirect =
          r.status === 200 &&
          /NEXT_REDIRECT[^"]*\/signin|\/signin\?callbackUrl/.test(r.text) &&
          !/"user":\{/.test(r.text);
        // A prefetch of a dynamic page answers its route tree and loading shell only: no page
        // component runs, so no guard does either. It is harmless when it is the same whoever
        // asks: what A's own valid session gets for the same prefetch (less the random ids
        // each render makes).
        const sameForEveryone =
          variant.includes("prefetch") &&
          r.status === 200 &&
          withoutRenderIds((await call(s, "GET", page.path + query, { ...headers, Cookie: `${COOKIE}=${s.a.token}` })).text) ===
            withoutRenderIds(r.text);
        if (page.name === "/quizzes/[id]") {
          if (
            !problem &&
            !(
              redirected ||
              r.status === 404 ||
              rscRedirect ||
              (r.status === 200 && !r.text.includes("Suite attempt"))
            )
          )
            problem = "expected 404 or no attempt";
          if (!problem && r.text.includes("Suite attempt")) problem = "shows A's attempt";
        } else if (!problem && !(redirected || r.status === 404 || rscRedirect || sameForEveryone)) {
          problem = `expected a redirect to /signin or 404 (location ${r.location || "-"})`;
        }
        record(`GET ${page.name}`, variant, r.status, problem);
      }
      const asB = await call(s, "GET", page.path, { Cookie: `${COOKIE}=${s.b.token}` });
      let problem = leaks(s, asB.text, page.path);
      if (!problem && asB.text.includes("Suite attempt")) problem = "shows A's attempt";
      if (!problem && asB.status >= 500) problem = "server error";
      if (!problem && page.name.startsWith("/notes/<A's note>") && asB.status !== 404) problem = "expected 404 for A's note";
      record(`GET ${page.name}`, "other-user (B)", asB.status, problem);
    }
    const note = await s.db.query<{ source: string | null; deletedAt: Date | null }>(`SELECT source, "deletedAt" FROM "Paper" WHERE id = $1`, [s.ownNoteId]);
    const noteRow = note.rows[0];
    record("A's own note", "unchanged", 0, noteRow && noteRow.source === s.ownNoteMarker && noteRow.deletedAt === null ? null : "changed by another caller");
    const after = await snapshot(s.db, s.a.id);
    for (const table of Object.keys(before)) {
      record(
        `A's ${table}`,
        "unchanged",
        0,
        before[table] === after[table] ? null : `${before[table]} -> ${after[table]}`,
      );
    }
  } finally {
    await s.stop();
  }

  const w = [
    Math.max(...results.map((r) => r.target.length)),
    Math.max(...results.map((r) => r.variant.length)),
  ];
  console.log(`\n${"target".padEnd(w[0] ?? 0)}  ${"variant".padEnd(w[1] ?? 0)}  status  verdict`);
  for (const r of results)
    console.log(
      `${r.target.padEnd(w[0] ?? 0)}  ${r.variant.padEnd(w[1] ?? 0)}  ${String(r.status).padStart(6)}  ${r.verdict}`,
    );
  const failed = results.filter((r) => r.verdict !== "ok");
  console.log(
    `\n${results.length} checks: ${results.length - failed.length} ok, ${failed.length} failed`,
  );
  for (const r of failed)
    console.log(`  FAILED ${r.target} [${r.variant}] ${r.status} ${r.verdict}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
