import { withUser } from "@/app/lib/server/auth/guard";
import { exportReviewLogCsv } from "@/app/lib/server/data/review-csv";

/** The signed-in user's review log as the FSRS optimizer's CSV. */
export const GET = withUser(async (_request, user) => {
  const csv = await exportReviewLogCsv(user.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="paperdeck-revlog-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
