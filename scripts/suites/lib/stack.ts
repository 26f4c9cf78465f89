/**
 * A throwaway PostgreSQL (migrated, content synced), the built app (NEXT_DIST_DIR=.next-suites)
 * and three users: A with data (an answer, a study-set note, a quiz attempt, settings), B, and
 * C whose session version is made stale. Session cookies are minted with next-auth's encode.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { applyMigrations } from "../../../prisma/schema-engine";
import { startThrowawayPostgres } from "../../lib/embedded-postgres";
import { runContentSync } from "../../lib/content-sync-runner";
import { serveBuiltApp, type RunningApp } from "../../lib/next-app";

export const COOKIE = "next-auth.session-token";

export interface SuiteUser {
  id: string;
  email: string;
  token: string;
  sid: string;
}

export interface Stack {
  baseUrl: string;
  db: pg.Client;
  secret: string;
  a: SuiteUser;
  b: SuiteUser;
  c: SuiteUser;
  slug: string;
  cardId: string;
  answerClientId: string;
  attemptId: string;
  /** One of A's own notes (issue 17), and a word found only in it. */
  ownNoteId: string;
  ownNoteMarker: string;
  /** A's personal card on a corpus passage (a card of A's companion own note). */
  ownPassageCardId: string;
  mint: (user: { id: string; email: string }, sv: number, sid?: string) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * The built app (NEXT_DIST_DIR=.next-suites unless set, built when stale) on a free port.
 */
export async function serveSuiteApp(options: Parameters<typeof serveBuiltApp>[0]): Promise<RunningApp> {
  process.env.NEXT_DIST_DIR ??= ".next-suites";
  return serveBuiltApp(options);
}

/** A next-auth session cookie value for a user made in the database (no sign-in round trip). */
export function mintSession(secret: string, user: { id: string; email: string }, sv = 0, sid: string = randomUUID()) {
  return encode({ token: { sub: user.id, uid: user.id, sv, sid, email: user.email, name: null }, secret });
}

export async function startStack(label: string): Promise<Stack> {
  // Its own build folder unless told otherwise, so suites run beside a dev server or a test run.
  process.env.NEXT_DIST_DIR ??= ".next-suites";
  const database = await startThrowawayPostgres(`paperdeck-${label}`);
  const cleanups: (() => Promise<void>)[] = [database.stop];
  const stopAll = async () => {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error(e));
  };
  try {
    await applyMigrations(database.url);
    await runContentSync(database.url, { quiet: true });
    const secret = randomBytes(32).toString("base64url");
    const app = await serveSuiteApp({ databaseUrl: database.url, secret, label });
    cleanups.push(app.stop);
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    cleanups.push(() => db.end());

    const mint = (user: { id: string; email: string }, sv: number, sid: string = randomUUID()) =>
      mintSession(secret, user, sv, sid);
    const makeUser = async (name: string): Promise<SuiteUser> => {
      const id = `suite${name}${randomBytes(6).toString("hex")}`;
      const email = `${name}-${id}@suite.test`;
      await db.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [id, email]);
      const sid = randomUUID();
      return { id, email, sid, token: await mint({ id, email }, 0, sid) };
    };
    const [a, b, c] = [await makeUser("a"), await makeUser("b"), await makeUser("c")];
    await db.query(`UPDATE "User" SET "sessionVersion" = 1 WHERE id = $1`, [c.id]);

    const card = await db.query<{ id: string; slug: string }>(
      `SELECT c.id, p.slug FROM "Card" c JOIN "Paper" p ON p.id = c."paperId"
        WHERE c."retiredAt" IS NULL AND p."retiredAt" IS NULL ORDER BY p.slug, c.position LIMIT 1`,
    );
    const { id: cardId, slug } = card.rows[0] ?? { id: "", slug: "" };
    if (!cardId) throw new Error("no card in the synced content");
    const site = { Origin: app.baseUrl, Cookie: `${COOKIE}=${a.token}` };
    // A first read warms the server's database client: on a loaded machine the first write's
    // transaction otherwise spends its 5 s budget starting it up.
    await (await fetch(`${app.baseUrl}/api/me/notes/${slug}`, { headers: site })).text();
    const put = await fetch(`${app.baseUrl}/api/me/study-set/${slug}`, { method: "PUT", headers: site });
    if (!put.ok) throw new Error(`seeding: PUT study-set ${put.status} ${await put.text()}`);
    const answerClientId = randomUUID();
    const ans = await fetch(`${app.baseUrl}/api/review/answer`, {
      method: "POST",
      headers: { ...site, "Content-Type": "application/json" },
      body: JSON.stringify({ clientId: answerClientId, cardId, rating: 3, version: 0, answeredAt: Date.now(), durationMs: 1200 }),
    });
    if (!ans.ok) throw new Error(`seeding: POST answer ${ans.status} ${await ans.text()}`);
    await db.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())
      ON CONFLICT ("userId") DO NOTHING`, [a.id]);
    const question = await db.query<{ id: string }>(`SELECT id FROM "QuizQuestion" WHERE "retiredAt" IS NULL LIMIT 1`);
    const attemptId = `suiteattempt${randomBytes(6).toString("hex")}`;
    await db.query(
      `INSERT INTO "QuizAttempt" (id, "userId", scope, title, seed, mode, "questionIds")
       VALUES ($1, $2, $3, 'Suite attempt', 'seed', 'each', $4)`,
      [attemptId, a.id, JSON.stringify({ kind: "note", slug }), [question.rows[0]?.id ?? ""]],
    );
    // One of A's own notes, written as the editor writes it (a valid note with a card).
    const ownNoteMarker = `suiteownnote${randomBytes(6).toString("hex")}`;
    const ownNoteId = `suitenote${randomBytes(6).toString("hex")}`;
    await db.query(
      `INSERT INTO "Paper" (id, slug, title, short, kind, area, summary, body, rendered, "contentHash", "ownerId", source, status, "updatedAt", tags, authors, prerequisites, introduces)
       VALUES ($1, $2, $3, $3, 'concept', 'concepts', $3, $3, '{"bodyStartLine":1,"blocks":[],"headings":[]}', '', $4, $3, 'valid', now(), '{}', '{}', '{}', '{}')`,
      [ownNoteId, `my-${ownNoteMarker}`, ownNoteMarker, a.id],
    );
    // A's personal card on the corpus note's passage (issue 17): a card of A's companion own note.
    const ownPassageCardId = `suitecard${randomBytes(6).toString("hex")}`;
    const companionId = `suitenote${randomBytes(6).toString("hex")}`;
    await db.query(
      `INSERT INTO "Paper" (id, slug, title, short, kind, area, summary, body, rendered, "contentHash", "ownerId", source, status, "updatedAt", tags, authors, prerequisites, introduces)
       VALUES ($1, $2, $3, $3, 'concept', 'concepts', $3, $3, '{"bodyStartLine":1,"blocks":[],"headings":[]}', '', $4, $3, 'valid', now(), '{my-passage-cards}', '{}', $5, '{}')`,
      [companionId, `my-${ownNoteMarker}-cards`, ownNoteMarker, a.id, [slug]],
    );
    await db.query(
      `INSERT INTO "Card" (id, "paperId", key, type, front, back, anchor, "contentHash", "updatedAt") VALUES ($1, $2, 'p-suite', 'basic', $3, $3, 'idea', '', now())`,
      [ownPassageCardId, companionId, ownNoteMarker],
    );
    return { baseUrl: app.baseUrl, db, secret, a, b, c, slug, cardId, answerClientId, attemptId, ownNoteId, ownNoteMarker, ownPassageCardId, mint, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Counts and a hash of each of a user's tables, to show that nothing changed. */
export async function snapshot(db: pg.Client, userId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ["CardState", "ReviewLog", "CardAction", "StudySetPaper", "QuizAttempt", "UserSettings"]) {
    const r = await db.query<{ n: string; h: string | null }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h
         FROM "${table}" t WHERE t."userId" = $1`,
      [userId],
    );
    out[table] = `${r.rows[0]?.n} rows ${r.rows[0]?.h?.slice(0, 12)}`;
  }
  return out;
}
