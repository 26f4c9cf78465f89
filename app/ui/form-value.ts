/** A form field as text ("" when missing or a file), so inputs go to zod as plain strings. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
