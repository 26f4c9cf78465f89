/**
 * Vitest global setup for browser tests: the built app served by `next start` on a free port
 * against the test database (rebuilt only when the sources are newer than the build).
 */
import type { TestProject } from "vitest/node";
import { serveBuiltApp } from "../../scripts/lib/next-app";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const app = await serveBuiltApp({ secret: "e2e-secret-e2e-secret-e2e-secret-0123456789", label: "e2e" });
  project.provide("baseUrl", app.baseUrl);
  return app.stop;
}
