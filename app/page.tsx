import { db } from "@/app/lib/server/db";

export default async function LibraryPage() {
  const papers = await db.paper.findMany({ where: { retiredAt: null }, orderBy: [{ area: "asc" }, { sortKey: "asc" }] });
  return (
    <div>
      <h1 className="text-2xl font-semibold">Library</h1>
      <ul>{papers.map((p) => <li key={p.id}>{p.short}</li>)}</ul>
    </div>
  );
}
