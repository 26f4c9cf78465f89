import "#server-only";

/**
 * "Your data in your hands": everything of one user as one JSON file, and that file imported
 * back on this or another instance. Cards and questions travel as (note slug, key); review
 * logs are matched by clientId and quiz attempts by id, so an import adds only what is missing.
 *
 * One file per concern: the export (`user-data-export.ts`), the import
 * (`user-data-import.ts`, with its validation and bulk writes beside it) and the deletion of an
 * account with all its data (`user-data-delete.ts`). This file keeps the names importable
 * from where they always were.
 */
export { exportUserDataChunks } from "./user-data-export";
export { importUserData, importUserDataJson, type ImportSummary } from "./user-data-import";
export { deleteAccountAndData } from "./user-data-delete";
