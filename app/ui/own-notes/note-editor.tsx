"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import {
  blockAtCursor,
  blockIds,
  blockText,
  emptyCardForm,
  emptyQuizForm,
  formFromBlock,
  putBlock,
  withId,
  type BlockForm,
} from "@/app/lib/domain/content/block-form";
import { useContentError } from "@/app/ui/i18n/use-content-error";
import { deleteOwnNote } from "@/app/lib/server/actions/delete-own-note";
import { saveOwnNote } from "@/app/lib/server/actions/save-own-note";
import { BlockFormPanel } from "./block-form";
import { PreviewView } from "./preview-view";
import { useLivePreview } from "./use-live-preview";

/** Typing → server save (autosave); every change is in this browser's storage at once. */
const AUTOSAVE_DELAY_MS = 2500;
const RETRY_MS = 10_000;

/** The "Add a card / question here" form: a new block at `cursor`, or the block at `range`. */
interface BlockEdit {
  form: BlockForm;
  range: { start: number; end: number } | null;
  cursor: number;
}

/** Where two texts first differ (to move a block's range past an edit above it). */
function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

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
  const tb = useTranslations("blockForm");
  const textareaId = useId();
  const errorsId = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [noteId, setNoteId] = useState(props.noteId);
  const contentError = useContentError();
  const t = useTranslations("noteEditor");
  const [text, setText] = useState(props.initialSource);
  const [restored, setRestored] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [conflict, setConflict] = useState(false);
  const base = useRef(props.updatedAt);
  const savedText = useRef(props.noteId ? props.initialSource : null);
  const saving = useRef(false);
  const textRef = useRef(text);
  textRef.current = text;
  const [cursor, setCursor] = useState(0);
  const [blockEdit, setBlockEdit] = useState<BlockEdit | null>(null);
  const cursorBlock = useMemo(() => blockAtCursor(text, cursor), [text, cursor]);

  /** Opens the form: on the card/question the cursor is in, else for a new one at the cursor. */
  const openBlockForm = (kind: "card" | "quiz") => {
    const at = textareaRef.current?.selectionStart ?? cursor;
    const block = blockAtCursor(text, at);
    if (block?.kind === kind) setBlockEdit({ form: formFromBlock(block.kind, block.body), range: { start: block.start, end: block.end }, cursor: at });
    else setBlockEdit({ form: kind === "card" ? emptyCardForm() : emptyQuizForm(), range: null, cursor: at });
  };

  /** The form changed: a block already in the note is rewritten at once (the preview follows). */
  const onBlockFormChange = (form: BlockForm) => {
    if (!blockEdit?.range) {
      setBlockEdit({ ...blockEdit, form } as BlockEdit);
      return;
    }
    const block = blockText(form);
    const next = putBlock(text, block, 0, blockEdit.range);
    setText(next.text);
    setBlockEdit({ ...blockEdit, form, range: { start: next.start, end: next.start + block.length } });
  };

  const submitBlockForm = () => {
    if (!blockEdit) return;
    const others = blockEdit.range ? text.slice(0, blockEdit.range.start) + text.slice(blockEdit.range.end) : text;
    const form = withId(blockEdit.form, blockIds(others));
    const next = putBlock(text, blockText(form), blockEdit.cursor, blockEdit.range);
    setText(next.text);
    setBlockEdit(null);
    // Back to the text, on the block just written.
    window.requestAnimationFrame(() => {
      const area = textareaRef.current;
      if (!area) return;
      area.focus();
      area.setSelectionRange(next.start, next.start);
      setCursor(next.start);
    });
  };

  /** Typing in the text: a block open in the form is read again, so the form shows what the text says. */
  const onTextChange = (next: string) => {
    if (blockEdit?.range) {
      const { start } = blockEdit.range;
      const moved = firstDifference(text, next) < start ? start + next.length - text.length : start;
      const block = blockAtCursor(next, Math.max(0, moved));
      setBlockEdit(
        block && block.start === moved
          ? { ...blockEdit, form: formFromBlock(block.kind, block.body), range: { start: block.start, end: block.end } }
          : { ...blockEdit, range: null, cursor: Math.min(blockEdit.cursor, next.length) },
      );
    }
    setText(next);
  };

  // A text left in this browser (a reload, a lost connection) wins over the server's copy.
  useEffect(() => {
    const local = readLocal(props.noteId);
    if (local !== null && local !== props.initialSource) {
      setText(local);
      setRestored(true);
    }
  }, [props.noteId, props.initialSource]);

  // The preview follows every keystroke and the error list every pause, both rendered in a Web
  // Worker (the parser, KaTeX and the highlighter load there, not with the page); only sections
  // whose text changed are rendered again (preview.ts).
  const { live, errors, thread } = useLivePreview(text, props.slug, props.knownSlugs, props.ownPrerequisites);

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

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-3">
        {restored && (
          <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="restored-notice">
            {t("restored")}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {(["card", "quiz"] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              onClick={() => openBlockForm(kind)}
              aria-expanded={blockEdit !== null && blockEdit.form.kind === kind}
              data-testid={kind === "card" ? "add-card" : "add-question"}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              {cursorBlock?.kind === kind ? (kind === "card" ? tb("editCard") : tb("editQuestion")) : kind === "card" ? tb("addCard") : tb("addQuestion")}
            </button>
          ))}
        </div>
        {blockEdit && (
          <BlockFormPanel
            key={`${blockEdit.form.kind}-${blockEdit.range ? "edit" : "new"}`}
            form={blockEdit.form}
            editing={blockEdit.range !== null}
            onChange={onBlockFormChange}
            onSubmit={submitBlockForm}
            onCancel={() => {
              setBlockEdit(null);
              textareaRef.current?.focus();
            }}
          />
        )}
        <label htmlFor={textareaId} className="block text-sm font-medium">
          {t.rich("sourceLabel", { code: (chunks) => <code>{chunks}</code> })}
        </label>
        <textarea
          id={textareaId}
          ref={textareaRef}
          value={text}
          onChange={(e) => onTextChange(e.target.value)}
          onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
          spellCheck={false}
          aria-describedby={errorsId}
          aria-invalid={(errors?.length ?? 0) > 0}
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
            {errors?.length ? t("saveDraft") : t("save")}
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
          {!errors?.length ? (
            <p className="text-sm text-emerald-700 dark:text-emerald-400">{errors ? t("noProblems") : t("checking")}</p>
          ) : (
            <>
              <p className="text-sm font-medium text-red-700 dark:text-red-400">
                {t("problems", { count: errors.length })}
              </p>
              <ul className="mt-1 space-y-1 text-sm">
                {errors.map((e, i) => (
                  <li key={i} data-testid="note-error">
                    <button type="button" onClick={() => goToLine(e.line)} className="text-left text-red-700 hover:underline dark:text-red-400">
                      {t("line", { line: e.line, message: contentError(e) })}
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
        <div data-testid="note-preview" data-thread={thread ?? undefined} className="own-note-box note-prose rounded-md border border-slate-200 p-4 dark:border-slate-800">
          {live ? <PreviewView preview={live} /> : <p className="text-sm text-slate-500">{t("rendering")}</p>}
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
