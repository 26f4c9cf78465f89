/**
 * `import "#server-only"`: the `server-only` marker, as every server module of the app uses it.
 * package.json's "imports" maps it to this empty module on the server and to
 * server-only-marker.browser.ts, which imports `server-only`, in browser bundles: a client
 * component that imports a server module still fails the build, as with `server-only` itself.
 *
 * Why not `server-only` directly: the answer route is a Pages API route (docs/engineering.md),
 * and in a Pages Router bundle Next leaves `server-only` external, so Node loads its throwing
 * build: with `import "server-only"` every answer was a 500 ("Failed to load external module
 * server-only", Next 16.4.6). Node, tsx and Vitest would load the throwing build too; this
 * works the same everywhere. It goes when the answer route moves to the App Router.
 */
export {};
