"use client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { createPortal } from "react-dom";
import { addPassageCard } from "@/app/lib/server/actions/add-passage-card";
import { deletePassageCard } from "@/app/lib/server/actions/delete-passage-card";
import { updatePassageCard } from "@/app/lib/server/actions/update-passage-card";
import { RevealAnswer } from "./reveal-answer";

interface Card {
  id: string;
  anchor: string;
  front: string;
  back: string;
  /** The sides rendered and sanitised by the server (the notes' untrusted pipeline). */
  frontHtml: string;
  backHtml: string;
}
interface Section {
  /** The English heading's anchor: what a card is anchored to, on either edition's page. */
  anchor: string;
  text: string;
  host: HTMLElement;
}

/**
 * "Add my own card here" beside each section heading of a corpus note, and the reader's own
 * cards shown in their sections, to them only. The page is static and shared, so this asks
 * GET /api/me/notes/<slug>/cards after load (a guest gets 401 and sees nothing) and mounts
 * into a slot it adds after each heading of the rendered body. On the Chinese page the headings
 * have Chinese anchors: the answer's English → Chinese map finds each one's English section.
 */
export function PassageCards({ slug }: { slug: string }) {
  const t = useTranslations("passageCards");
  const chinese = useLocale().startsWith("zh");
  const [cards, setCards] = useState<Card[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [sections, setSections] = useState<Section[]>([]);

  const load = useCallback(async () => {
    const response = await fetch(`/api/me/notes/${encodeURIComponent(slug)}/cards`, { cache: "no-store" });
    if (response.status === 401) return null;
    if (!response.ok) throw new Error(String(response.status));
    return (await response.json()) as { cards: Card[]; anchors: Record<string, string> };
  }, [slug]);

  useEffect(() => {
    let live = true;
    load()
      .then((loaded) => {
        if (!live || loaded === null) return;
        setCards(loaded.cards);
        const english = new Map(Object.entries(loaded.anchors).map(([en, zh]) => [zh, en]));
        const body = document.querySelector('[data-testid="note-body"]');
        const found: Section[] = [];
        for (const heading of body?.querySelectorAll<HTMLElement>("h2[id], h3[id]") ?? []) {
          // A Chinese heading with no English counterpart has no section a card could name.
          const anchor = chinese ? english.get(heading.id) : heading.id;
          if (!anchor) continue;
          const host = document.createElement("div");
          host.dataset.passageCards = anchor;
          heading.after(host);
          found.push({ anchor, text: heading.textContent ?? anchor, host });
        }
        setSections(found);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      document.querySelectorAll("[data-passage-cards]").forEach((host) => host.remove());
      setSections([]);
    };
  }, [load, chinese]);

  const refresh = async () => setCards((await load())?.cards ?? null);

  return (
    <>
      {failed && (
        <p className="text-xs text-red-600 dark:text-red-400" data-testid="passage-cards-error">
          {t("loadFailed")}
        </p>
      )}
      {cards &&
        sections.map((section) =>
          createPortal(
            <SectionCards slug={slug} section={section} cards={cards.filter((c) => c.anchor === section.anchor)} onChange={refresh} />,
            section.host,
            section.anchor,
          ),
        )}
    </>
  );
}

function SectionCards({ slug, section, cards, onChange }: { slug: string; section: Section; cards: Card[]; onChange: () => Promise<void> }) {
  const t = useTranslations("passageCards");
  const [adding, setAdding] = useState(false);
  return (
    <div className="not-prose my-3 space-y-2" data-testid={`passage-${section.anchor}`}>
      {cards.map((card) => (
        <OwnCard key={card.id} card={card} onChange={onChange} />
      ))}
      {adding ? (
        <CardForm
          label={t("addHereLabel", { section: section.text })}
          onCancel={() => setAdding(false)}
          onSave={async (front, back) => {
            const result = await addPassageCard({ slug, anchor: section.anchor, front, back });
            if (!result.ok) return result.error;
            setAdding(false);
            await onChange();
            return null;
          }}
        />
      ) : (
        <button
          type="button"
          onClick={() => setAdding(true)}
          aria-label={t("addHereLabel", { section: section.text })}
          data-testid="add-passage-card"
          className="rounded-md border border-dashed border-slate-300 px-2 py-1 text-xs text-slate-600 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-400 dark:hover:bg-slate-900"
        >
          + {t("addHere")}
        </button>
      )}
    </div>
  );
}

function OwnCard({ card, onChange }: { card: Card; onChange: () => Promise<void> }) {
  const t = useTranslations("passageCards");
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (editing) {
    return (
      <CardForm
        label={t("editLabel", { front: card.front })}
        initial={card}
        onCancel={() => setEditing(false)}
        onSave={async (front, back) => {
          const result = await updatePassageCard({ id: card.id, front, back });
          if (!result.ok) return result.error;
          setEditing(false);
          await onChange();
          return null;
        }}
      />
    );
  }
  const remove = async () => {
    setError(null);
    try {
      const result = await deletePassageCard({ id: card.id });
      if (!result.ok) setError(t("failed", { error: result.error }));
      else await onChange();
    } catch {
      setError(t("offline"));
    }
  };
  return (
    <div className="rounded-md border border-accent-600/40 bg-accent-50/40 p-3 text-sm dark:bg-slate-900" data-testid="own-passage-card">
      <p className="mb-1 text-xs font-medium text-slate-500 dark:text-slate-400">{t("yourCard")}</p>
      {/* Both sides came out of the server's sanitising pipeline, which is why they may be set as HTML. */}
      <div className="card-html" data-testid="own-passage-card-front" dangerouslySetInnerHTML={{ __html: card.frontHtml }} />
      <RevealAnswer>
        <div className="card-html text-slate-700 dark:text-slate-300" dangerouslySetInnerHTML={{ __html: card.backHtml }} />
      </RevealAnswer>
      <div className="mt-2 flex gap-3 text-xs">
        <button type="button" onClick={() => setEditing(true)} aria-label={t("editLabel", { front: card.front })} className="text-accent-600 underline dark:text-accent-100">
          {t("edit")}
        </button>
        <button type="button" onClick={() => void remove()} aria-label={t("deleteLabel", { front: card.front })} className="text-red-600 underline dark:text-red-400">
          {t("delete")}
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

function CardForm({
  label,
  initial,
  onSave,
  onCancel,
}: {
  label: string;
  initial?: { front: string; back: string };
  onSave: (front: string, back: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const t = useTranslations("passageCards");
  const id = useId();
  const [front, setFront] = useState(initial?.front ?? "");
  const [back, setBack] = useState(initial?.back ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const problem = await onSave(front, back);
      if (problem) setError(t("failed", { error: problem }));
    } catch {
      setError(t("offline"));
    } finally {
      setPending(false);
    }
  };
  const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-700 dark:bg-slate-950";
  return (
    <form
      aria-label={label}
      data-testid="passage-card-form"
      className="space-y-2 rounded-md border border-slate-300 p-3 dark:border-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
    >
      <label htmlFor={`${id}-front`} className="block text-xs font-medium">
        {t("front")}
      </label>
      <textarea id={`${id}-front`} required maxLength={2000} rows={2} value={front} onChange={(e) => setFront(e.target.value)} className={field} autoFocus />
      <label htmlFor={`${id}-back`} className="block text-xs font-medium">
        {t("back")}
      </label>
      <textarea id={`${id}-back`} required maxLength={2000} rows={2} value={back} onChange={(e) => setBack(e.target.value)} className={field} />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-md bg-accent-600 px-3 py-1 text-sm text-white hover:bg-accent-700 disabled:opacity-60">
          {pending ? t("saving") : t("save")}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-700">
          {t("cancel")}
        </button>
      </div>
      {error && (
        <p role="alert" data-testid="passage-card-error" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
