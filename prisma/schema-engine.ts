/**
 * Prisma's own schema engine, in its WebAssembly build, driven through the pg driver adapter.
 *
 * Why: the prisma CLI downloads a native schema engine for `migrate *`, which cannot be
 * fetched on these machines. The WebAssembly engine is the same engine, so migrations are
 * produced and applied exactly as `prisma migrate dev/deploy` would (same SQL, same
 * `_prisma_migrations` rows). Node 20 cannot import `.wasm` modules, so the module is
 * instantiated by hand from its generated bindings.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  MigrationDirectory,
  MigrationList,
  SchemaEngine as WasmSchemaEngine,
} from "@prisma/schema-engine-wasm";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

declare global {
  // Once per process, on globalThis: the generated bindings module is shared, and giving it a
  // second wasm instance leaves its cached memory views on the first (garbled strings).
  var paperdeckEngineBindings: Promise<Bindings> | undefined;
}

async function loadBindings(): Promise<Bindings> {
  globalThis.paperdeckEngineBindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmBytes = await readFile(bgPath.replace(/\.js$/, ".wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return globalThis.paperdeckEngineBindings;
}

/** Connection fields as the adapter wants them (it misreads some connection strings). */
export function connectionFields(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, "") || "postgres",
  };
}

/**
 * One engine call at a time per process: the wasm-bindgen glue keeps shared buffers, and two
 * engines interleaving their async calls (e.g. two Vitest projects migrating at once)
 * corrupted its strings. Calls queue behind each other instead.
 */
declare global {
  // On globalThis: test runners may load this module more than once in one process.
  var paperdeckEngineQueue: Promise<unknown> | undefined;
}
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = (globalThis.paperdeckEngineQueue ?? Promise.resolve()).then(task, task);
  globalThis.paperdeckEngineQueue = run.catch(() => undefined);
  return run;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

async function openEngine(url: string, datamodel: string, log: (m: string) => void) {
  const bindings = await loadBindings();
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(connectionFields(url)));
  const engine: WasmSchemaEngine = await bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    (message: string) => log(message),
    adapterFactory,
  );
  return engine;
}

/** Reads prisma/migrations/ the way the CLI does (directories sorted by name). */
export async function listMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  let names: string[] = [];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    names = [];
  }
  const migrationDirectories: MigrationDirectory[] = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (!(await stat(full)).isDirectory()) continue;
    let content: { tag: "ok"; value: string } | { tag: "error"; value: string };
    try {
      content = { tag: "ok", value: await readFile(path.join(full, "migration.sql"), "utf8") };
    } catch (error) {
      content = { tag: "error", value: String(error) };
    }
    migrationDirectories.push({
      path: name,
      migrationFile: { path: "migration.sql", content },
    });
  }
  let lockContent: string | null = null;
  try {
    lockContent = await readFile(path.join(dir, "migration_lock.toml"), "utf8");
  } catch {
    lockContent = null;
  }
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

function engineMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error && "message" in error) return String(error.message);
  return String(error);
}

/**
 * `prisma migrate deploy`. Each migration.sql is wrapped in BEGIN/COMMIT, so a failing one
 * leaves the schema untouched; it is then marked rolled back (as `prisma migrate resolve
 * --rolled-back` would) so that the fixed migration can be applied by the next run.
 * Note: the engine splits scripts on every semicolon, comments included.
 */
export function applyMigrations(url: string, log: (m: string) => void = () => {}): Promise<string[]> {
  return serialized(() => applyMigrationsNow(url, log));
}

async function applyMigrationsNow(url: string, log: (m: string) => void): Promise<string[]> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const engine = await openEngine(url, schema, log);
  try {
    const migrationsList = await listMigrations();
    const before = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilter,
    });
    try {
      const result = await engine.applyMigrations({ migrationsList, filters: noFilter });
      return result.appliedMigrationNames;
    } catch (error) {
      const after = await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: noFilter,
      });
      const newlyFailed = after.failedMigrationNames.filter(
        (name) => !before.failedMigrationNames.includes(name),
      );
      for (const migrationName of newlyFailed) {
        await engine.markMigrationRolledBack({ migrationName });
      }
      throw new MigrationError(engineMessage(error));
    }
  } catch (error) {
    throw error instanceof MigrationError ? error : new MigrationError(engineMessage(error));
  } finally {
    engine.free();
  }
}

/** `prisma migrate status`. */
export function migrationStatus(url: string) {
  return serialized(() => migrationStatusNow(url));
}

async function migrationStatusNow(url: string) {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const engine = await openEngine(url, schema, () => {});
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: await listMigrations(),
      optInToShadowDatabase: false,
      filters: noFilter,
    });
  } catch (error) {
    throw new MigrationError(engineMessage(error));
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes a database from `fromSchema` (null: empty) to `toSchema`, as the engine
 * writes it into migration.sql. Both ends are datamodels, so the database is not read.
 */
export function diffSchemas(url: string, fromSchema: string | null, toSchema: string): Promise<string> {
  return serialized(() => diffSchemasNow(url, fromSchema, toSchema));
}

async function diffSchemasNow(url: string, fromSchema: string | null, toSchema: string): Promise<string> {
  // The engine opens its connection on start even though a datamodel diff never queries it.
  const engine = await openEngine(url, toSchema, () => {});
  try {
    const result = await engine.diff({
      from: fromSchema
        ? { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: fromSchema }] }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toSchema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? "";
  } catch (error) {
    throw new MigrationError(engineMessage(error));
  } finally {
    engine.free();
  }
}
