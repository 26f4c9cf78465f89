/** Chooses notes and downloads their cards for Anki; a plain GET form, so it works without JavaScript. */
export function AnkiExportForm({ notes }: { notes: { slug: string; title: string; cards: number }[] }) {
  return (
    <form action="/api/export/anki" method="get" className="space-y-2" data-testid="anki-form">
      <fieldset>
        <legend className="text-sm font-medium">Export cards for Anki (front, back, tags; tab-separated)</legend>
        <div className="mt-2 grid max-h-56 grid-cols-1 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm sm:grid-cols-2 dark:border-slate-800">
          {notes.map((n) => (
            <label key={n.slug} className="flex items-center gap-2">
              <input type="checkbox" name="note" value={n.slug} />
              <span className="truncate">{n.title}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">({n.cards})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700" data-testid="anki-export">
        Download for Anki
      </button>
    </form>
  );
}
