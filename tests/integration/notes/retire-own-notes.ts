import { db } from "@/app/lib/server/db";
import { retireAllOwnNotesWith } from "./retire-own-notes-sql";

/** Takes every user's own notes out of the shared test database (see retire-own-notes-sql.ts). */
export async function retireAllOwnNotes(): Promise<void> {
  await retireAllOwnNotesWith((sql) => db.$executeRawUnsafe(sql));
}
