import { themeScript } from "./theme";

/** The pre-paint theme script (see theme.ts), for the document's <head>. */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
