import { withUser } from "@/app/lib/server/auth/guard";
import { exportUserDataChunks } from "@/app/lib/server/data/user-data";

/** Everything of the signed-in user as one JSON file, streamed page by page. */
export const GET = withUser((_request, user) => {
  const now = new Date();
  const chunks = exportUserDataChunks(user.id, now);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error(error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return Promise.resolve(new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="paperdeck-data-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  }));
});
