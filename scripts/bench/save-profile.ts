/**
 * `npx tsx scripts/bench/save-profile.ts` (issue 17, the save p95 target ≤ 100 ms): where the
 * server's part of saving an own note goes. On a throwaway PostgreSQL with the corpus synced, a
 * user saves a 20-card note 30 times (each save edits one card, as typing does), and the script
 * times the whole `updateOwnNote` and, separately, each of its steps run the same way:
 * reading the check's context (every slug the user can see), the checker (parse + validate),
 * writing the rows (`syncNoteItems`), and the reorder of the owner's notes.
 * Prints p50/p95 of each; the browser's Save → "Saved at" adds the action's round trip and the
 * rate-limit read (bench:notes (b)). Figures only.
 */
import { randomUUID } from "node:crypto";
import { ms, percentile, withBenchDatabase } from "./lib/bench-db";

const SAVES = 30;
const CARDS = 20;

function note(edit: number): string {
  const cards = Array.from({ length: CARDS }, (_, i) => `\`\`\`card\nid: fact-${i}\ntype: basic\nfront: What is fact ${i}?\nback: Answer ${i}${i === edit % CARDS ? `, edited ${edit}` : ""}, with $x_${i}$.\n\`\`\``);
  return `---\ntitle: "Save profile"\nshort: save-profile\nkind: concept\nauthors: []\narea: concepts\ntags: [own-notes]\nprerequisites: [clip]\nsummary: A note saved again and again.\n---\n\n## Idea\n\nA ==key term== and some words.\n\n${cards.join("\n\n")}\n`;
}

async function main() {
  await withBenchDatabase(async ({ client }) => {
    const { db } = await import("@/app/lib/server/db");
    const own = await import("@/app/lib/server/data/own-notes");
    const { checkOwnNote } = await import("@/app/lib/domain/content/own-note");
    const { paperData } = await import("@/app/lib/server/content-sync-rows");
    const { syncNoteItems } = await import("@/app/lib/server/content-sync-items");
    const { searchDocument } = await import("@/app/lib/domain/content/note-order");
    const { contentHash } = await import("@/app/lib/domain/content/content-hash");
    const { consumeNoteSave } = await import("@/app/lib/server/auth/rate-limit");
    const userId = `profile-${randomUUID()}`;
    await client.query(`INSERT INTO "User" (id, email, "updatedAt") VALUES ($1, $2, now())`, [userId, `${userId}@example.test`]);
    await client.query(`INSERT INTO "UserSettings" ("userId", parameters, "updatedAt") VALUES ($1, '{}', now())`, [userId]);
    const created = await own.createOwnNote(userId, note(0), new Date());
    const t = { total: [] as number[], rateLimit: [] as number[], context: [] as number[], check: [] as number[], rows: [] as number[], reorder: [] as number[], paperRow: [] as number[], empty: [] as number[] };
    const time = async <T>(list: number[], step: () => Promise<T> | T): Promise<T> => {
      const start = performance.now();
      const value = await step();
      list.push(performance.now() - start);
      return value;
    };
    for (let i = 1; i <= SAVES; i++) {
      // The limit allows 30 a minute: read it as the action does, on another user so it never refuses.
      await time(t.rateLimit, () => consumeNoteSave(`${userId}-limit-${i}`));
      await time(t.total, () => own.updateOwnNote(userId, created.id, note(i), new Date()));
    }
    // The same steps one by one, each in its own transaction (rolled back: nothing changes).
    for (let i = 1; i <= SAVES; i++) {
      const text = note(SAVES + i);
      await db
        .$transaction(async (tx) => {
          const context = await time(t.context, () => own.checkContext(tx, userId, created.id));
          const check = await time(t.check, () => checkOwnNote(created.slug, text, context));
          if (!check.note) throw new Error(check.errors[0]?.message);
          const checked = check.note;
          await time(t.paperRow, () => {
            const search = searchDocument(checked, check.cards, check.questions);
            const { sortKey: _sortKey, ...data } = paperData(checked, 0, search);
            return tx.paper.update({ where: { id: created.id }, data: { ...data, source: text, status: "valid", contentHash: contentHash({ file: checked.hash, search }), updatedAt: new Date() }, select: { updatedAt: true } });
          });
          await time(t.rows, () => syncNoteItems(tx, created.id, check.cards, check.questions, new Date()));
          await time(t.reorder, () => tx.paper.findMany({ where: { ownerId: userId }, select: { id: true, slug: true, prerequisites: true, sortKey: true, updatedAt: true } }));
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
    }
    // An empty interactive transaction: what BEGIN/COMMIT and the client's bookkeeping cost alone.
    for (let i = 0; i < SAVES; i++) await time(t.empty, () => db.$transaction(async (tx) => tx.$executeRaw`SELECT 1`));
    const line = (name: string, list: number[]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return `${name.padEnd(44)} p50 ${ms(percentile(sorted, 50)).padStart(9)}  p95 ${ms(percentile(sorted, 95)).padStart(9)}`;
    };
    console.log(`save of a ${CARDS}-card own note (server side, ${SAVES} saves):`);
    console.log(line("updateOwnNote (whole transaction)", t.total));
    console.log(line("  rate-limit read (consumeNoteSave)", t.rateLimit));
    console.log(line("  check context (slugs the user can see)", t.context));
    console.log(line("  checker (checkOwnNote: parse + validate)", t.check));
    console.log(line("  note row write (body, layout, search)", t.paperRow));
    console.log(line("  rows (syncNoteItems, one card changed)", t.rows));
    console.log(line("  reorder read (skipped now for a body edit)", t.reorder));
    console.log(line("  empty interactive transaction", t.empty));
    await db.$disconnect();
  });
}

class Rollback extends Error {}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
