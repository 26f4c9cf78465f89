import { defineConfig } from "prisma/config";

// Only `prisma generate`/`validate`/`format` are run through the CLI (offline, with the native
// engine switched off); migrations go through scripts/db.ts and the WebAssembly engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
