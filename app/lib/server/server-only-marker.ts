/**
 * `import "#server-only"`: the `server-only` marker, as every server module of the app uses it.
 * package.json's "imports" maps it to this empty module on the server and to
 * server-only-marker.browser.ts, which imports `server-only`, in browser bundles: a client
 * component that imports a server module still fails the build, as with `server-only` itself.
 *
 * Why not `server-only` directly: Turbopack refuses that package in every Pages Router module
 * (the answer route is Pages Router code), on the server too, and Node,
 * tsx and Vitest would resolve it to its throwing build; this works the same everywhere.
 */
export {};
