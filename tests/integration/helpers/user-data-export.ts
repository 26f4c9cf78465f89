import { exportUserDataChunks } from "@/app/lib/server/data/user-data";

/** The whole export as one string, as GET /api/export streams it. */
export async function exportUserData(userId: string, now: Date): Promise<string> {
  let text = "";
  for await (const chunk of exportUserDataChunks(userId, now)) text += chunk;
  return text;
}
