import "#server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import initSqlJs, { type SqlJsStatic } from "sql.js";

/**
 * SQLite in WebAssembly (sql.js), for the Anki packages. Loaded once per process, on first
 * use; its wasm is read from node_modules (sql.js stays outside the server bundle, see
 * next.config.ts) and handed over as bytes, so nothing is fetched. Native SQLite bindings are
 * not used: better-sqlite3 13 crashes on this Node 20 (docs/engineering.md).
 */
let loading: Promise<SqlJsStatic> | null = null;

export const SQL_JS_WASM = path.join(process.cwd(), "node_modules", "sql.js", "dist", "sql-wasm.wasm");

export function sqlJs(): Promise<SqlJsStatic> {
  loading ??= readFile(SQL_JS_WASM)
    .then((wasm) => initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
