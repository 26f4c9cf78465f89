import { themeScript } from "@/public/islands/theme.js";

/** The pre-paint theme script (see public/islands/theme.js), for a document's <head>. */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
