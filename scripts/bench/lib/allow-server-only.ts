/**
 * Imported for its effect by benchmarks that load the app's server modules (with dynamic
 * imports, after this has run). Those modules start with `import "server-only"`, which throws
 * outside React's server build: this process resolves it to an empty module instead.
 */
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
  import.meta.url,
);
