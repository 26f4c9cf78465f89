"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { ContentError } from "@/app/lib/domain/content/types";
import { deleteOwnNote } from "@/app/lib/server/actions/delete-own-note";
import { saveOwnNote } from "@/app/lib/server/actions/save-own-note";
import type { Preview } from "./preview";
import { PreviewView } from "./preview-view";

/** Typing → preview: short enough to feel live, long enough that a burst of keys renders once. */
const PREVIEW_DELAY_MS = 120;
/** Typing → server save (autosave); every change is in this browser's storage at once. */
const AUTOSAVE_DELAY_MS = 2500;
const RETRY_MS = 10_000;

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string; draft: boolean }
  | { kind: "local"; message: string }
  | { kind: "error"; message: string };

export interface NoteEditorProps {
  noteId: string | null;
  slug: string;
  initialSource: string;
  /** The server's version of the note (its last save), for the conflict check. */
  updatedAt: string | null;
  /** Slugs of the notes the author can see, for the prerequisite check. */
  knownSlugs: string[];
  /** Prerequisites of the author's other notes, for the cycle check. */
  ownPrerequisites: [string, string[]][];
}

const storageKey = (noteId: string | null) => `paperdeck:own-note:${noteId ?? "new"}`;

function readLocal(noteId: string | null): string | null {
  try {
    const raw = window.localStorage.getItem(storageKey(noteId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null && "text" in parsed && typeof parsed.text === "string" ? parsed.text : null;
  } catch {
    return null;
  }
}

function writeLocal(noteId: string | null, text: string | null) {
  try {
    if (text === null) window.localStorage.removeItem(storageKey(noteId));
    else window.localStorage.setItem(storageKey(noteId), JSON.stringify({ text, at: Date.now() }));
  } catch {
    // Storage full or refused (private mode): the server save still runs.
  }
}

/**
 * The note editor: a plain textarea (monospace, labelled, every key the browser's own), a live
 * preview rendered in the browser by the corpus's pipeline and sanitiser, every error with its
 * line, and saving that loses nothing: each change goes to this browser's storage at once and
 * to the server a moment later (again when the connection comes back).
 */
export function NoteEditor(props: NoteEditorProps) {
  const router = useRouter();
  const textareaId = useId();
  const errorsId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [noteId, setNoteId] = useState(props.noteId);
  const t = useTranslations("noteEditor");
  const [text, setText] = useState(props.initialSource);
  const [restored, setRestored] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState(false);
  const base = useRef(props.updatedAt);
  const savedText = useRef(props.noteId ? props.initialSource : null);
  const saving = useRef(false);
  const textRef = useRef(text);
  textRef.current = text;

  const context = useMemo(
    () => ({ knownSlugs: new Set(props.knownSlugs), ownPrerequisites: new Map(props.ownPrerequisites) }),
    [props.knownSlugs, props.ownPrerequisites],
  );

  // A text left in this browser (a reload, a lost connection) wins over the server's copy.
  useEffect(() => {
    const local = readLocal(props.noteId);
    if (local !== null && local !== props.initialSource) {
      setText(local);
      setRestored(true);
    }
  }, [props.noteId, props.initialSource]);

  // The preview, debounced; the renderer is loaded on first use.
  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void import("./preview").then(({ renderPreview }) => {
        if (!cancelled) setPreview(renderPreview(props.slug, text, context));
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [text, props.slug, context]);

  const saveNow = useCallback(async () => {
    if (saving.current || conflict) return;
    const sending = textRef.current;
    if (sending === savedText.current) return;
    saving.current = true;
    setSave({ kind: "saving" });
    try {
      const result = await saveOwnNote({ id: noteId ?? undefined, source: sending, baseUpdatedAt: base.current ?? undefined });
      if (!result.ok) {
        if (result.status === 409) setConflict(true);
        setSave(result.status === 429 ? { kind: "local", message: result.error } : { kind: "error", message: result.error });
        return;
      }
      base.current = result.data.savedAt;
      savedText.current = sending;
      setSave({ kind: "saved", at: result.data.savedAt, draft: result.data.status === "draft" });
      if (!noteId) {
        // The note exists now: its text moves to the note's own key, the URL to its editor.
        writeLocal(null, null);
        if (textRef.current !== sending) writeLocal(result.data.id, textRef.current);
        setNoteId(result.data.id);
        router.replace(`/notes/${result.data.id}/edit`);
      } else if (textRef.current === sending) {
        writeLocal(noteId, null);
      }
    } catch {
      setSave({ kind: "local", message: t("local") });
    } finally {
      saving.current = false;
    }
  }, [noteId, conflict, router]);

  // Every change: into this browser's storage now, to the server after a pause.
  useEffect(() => {
    if (text === savedText.current) return;
    writeLocal(noteId, text);
    const timer = window.setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, noteId, saveNow]);

  // A failed save is retried when the connection returns, and every little while.
  useEffect(() => {
    if (save.kind !== "local") return;
    const retry = () => void saveNow();
    window.addEventListener("online", retry);
    const timer = window.setTimeout(retry, RETRY_MS);
    return () => {
      window.removeEventListener("online", retry);
      window.clearTimeout(timer);
    };
  }, [save, saveNow]);

  const goToLine = (line: number) => {
    const area = textareaRef.current;
    if (!area) return;
    const lines = area.value.split("\n");
    const start = lines.slice(0, Math.max(0, line - 1)).reduce((n, l) => n + l.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  };

  const onDelete = async () => {
    if (!noteId || !window.confirm(t("confirmDelete"))) return;
    const result = await deleteOwnNote({ id: noteId });
    if (!result.ok) {
      setSave({ kind: "error", message: result.error });
      return;
    }
    writeLocal(noteId, null);
    router.push("/notes?deleted=1");
  };

  const errors: ContentError[] = preview?.errors ?? [];
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-3">
        {restored && (
          <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="restored-notice">
            {t("restored")}
          </p>
        )}
        <label htmlFor={textareaId} className="block text-sm font-medium">
          {t.rich("sourceLabel", { code: (chunks) => <code>{chunks}</code> })}
        </label>
        <textarea
          id={textareaId}
          ref={textareaRef}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          aria-describedby={errorsId}
          aria-invalid={errors.length > 0}
          data-testid="note-source"
          className="h-[70vh] w-full resize-y rounded-md border border-slate-300 bg-white p-3 font-mono text-sm leading-relaxed text-slate-900 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            onClick={() => void saveNow()}
            disabled={save.kind === "saving" || conflict}
            data-testid="note-save"
            className="rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60"
          >
            {errors.length ? t("saveDraft") : t("save")}
          </button>
          {noteId && (
            <>
              <Link href={`/notes/${noteId}`} className="text-sm text-accent-600 underline dark:text-accent-500">
                {t("view")}
              </Link>
              <button type="button" onClick={() => void onDelete()} data-testid="note-delete" className="text-sm text-red-700 underline dark:text-red-400">
                {t("delete")}
              </button>
            </>
          )}
          <SaveStatus save={save} />
        </div>
        <section id={errorsId} aria-label={t("problemsLabel")} data-testid="note-errors">
          {errors.length === 0 ? (
            <p className="text-sm text-emerald-700 dark:text-emerald-400">{preview ? t("noProblems") : t("checking")}</p>
          ) : (
            <>
              <p className="text-sm font-medium text-red-700 dark:text-red-400">
                {t("problems", { count: errors.length })}
              </p>
              <ul className="mt-1 space-y-1 text-sm">
                {errors.map((e, i) => (
                  <li key={i} data-testid="note-error">
                    <button type="button" onClick={() => goToLine(e.line)} className="text-left text-red-700 hover:underline dark:text-red-400">
                      {t("line", { line: e.line, message: e.message })}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <section aria-label={t("preview")} className="min-w-0">
        <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">{t("preview")}</h2>
        <div data-testid="note-preview" className="own-note-box note-prose rounded-md border border-slate-200 p-4 dark:border-slate-800">
          {preview ? <PreviewView preview={preview} /> : <p className="text-sm text-slate-500">{t("rendering")}</p>}
        </div>
      </section>
    </div>
  );
}

function SaveStatus({ save }: { save: SaveState }) {
  const t = useTranslations("noteEditor");
  const text =
    save.kind === "saving"
      ? t("saving")
      : save.kind === "saved"
        ? save.draft
          ? t("savedDraftAt", { at: new Date(save.at) })
          : t("savedAt", { at: new Date(save.at) })
        : save.kind === "local" || save.kind === "error"
          ? save.message
          : "";
  const tone = save.kind === "error" ? "text-red-700 dark:text-red-400" : save.kind === "local" ? "text-amber-700 dark:text-amber-300" : "text-slate-500";
  return (
    <span role="status" aria-live="polite" data-testid="save-status" className={`text-sm ${tone}`}>
      {text}
    </span>
  );
}
