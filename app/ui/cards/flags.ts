/** The flags' names and colours (Anki's numbering: Ctrl+1 red … Ctrl+4 blue), shared by the review page and the browser. */
export const FLAG_STYLES = [
  { flag: 0, name: "No flag", swatch: "bg-transparent border border-slate-400" },
  { flag: 1, name: "Red", swatch: "bg-red-500" },
  { flag: 2, name: "Orange", swatch: "bg-orange-400" },
  { flag: 3, name: "Green", swatch: "bg-emerald-500" },
  { flag: 4, name: "Blue", swatch: "bg-sky-500" },
] as const;

export function flagName(flag: number): string {
  return FLAG_STYLES[flag]?.name ?? "No flag";
}
