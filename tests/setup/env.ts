// Runs in each test worker before the test files are imported: the app's modules read these.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
