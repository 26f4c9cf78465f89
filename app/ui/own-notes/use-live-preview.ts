"use client";
import { useEffect, useRef, useState } from "react";
import type { ContentError } from "@/app/lib/domain/content/types";
import type { LivePreview } from "./preview";
import type { PreviewReply, PreviewRequest } from "./preview-protocol";

/** Typing → the full check of the note (its error list): after a pause, as it parses everything. */
const CHECK_DELAY_MS = 300;
/** A worker that owes a render this long (it failed to load, hangs, or the machine is swamped)
 *  hands the preview to the page's thread: a slower preview beats none. */
const WORKER_DEADLINE_MS = 2000;

type PreviewModule = typeof import("./preview");

/**
 * The editor's live preview and error list for `text`, rendered in a Web Worker
 * (preview.worker.ts) so that typing never waits for the parser. One render is in flight at a
 * time and only the newest text waits behind it: a burst of keys costs one render more, not
 * one a key. The page's thread renders instead while the worker is late (it takes the preview
 * back when it answers: its first render includes loading the parser, KaTeX and the
 * highlighter) and for good once it fails. `thread` says which one rendered (tests read it).
 */
export function useLivePreview(text: string, slug: string, knownSlugs: string[], ownPrerequisites: [string, string[]][]) {
  const [live, setLive] = useState<LivePreview | null>(null);
  const [errors, setErrors] = useState<ContentError[] | null>(null);
  const [fallback, setFallback] = useState<PreviewModule | null>(null);
  const [thread, setThread] = useState<"worker" | "page" | null>(null);
  const worker = useRef<Worker | null>(null);
  const busy = useRef(false);
  const waiting = useRef<string | null>(null);
  const sent = useRef(0);
  const lastCheck = useRef(0);
  const deadline = useRef<number | undefined>(undefined);
  const late = useRef<() => void>(() => {});

  useEffect(() => {
    const usePageThread = () => void import("./preview").then((module) => setFallback(() => module));
    const failed = () => {
      window.clearTimeout(deadline.current);
      worker.current?.terminate();
      worker.current = null;
      usePageThread();
    };
    late.current = usePageThread;
    let started: Worker;
    try {
      // The pattern Turbopack bundles as a worker (as retention-simulator.tsx does).
      started = new Worker(new URL("./preview.worker.ts", import.meta.url), { type: "module" });
    } catch {
      failed();
      return;
    }
    worker.current = started;
    started.onmessage = (event: MessageEvent<PreviewReply>) => {
      const reply = event.data;
      if (reply.kind === "failed") return failed();
      window.clearTimeout(deadline.current);
      // An answer, late or not: the worker has the preview (again).
      setFallback(null);
      if (reply.kind === "check") {
        if (reply.id === lastCheck.current) setErrors(reply.errors);
        return;
      }
      setLive(reply.preview);
      setThread("worker");
      busy.current = false;
      const next = waiting.current;
      waiting.current = null;
      if (next !== null) send(next);
    };
    // A worker whose script fails may raise no error at all: hence also the deadline.
    started.onerror = failed;
    started.onmessageerror = failed;
    return () => {
      window.clearTimeout(deadline.current);
      started.terminate();
      worker.current = null;
      busy.current = false;
    };
    // Once: `send` reads refs only.
  }, []);

  const send = (next: string) => {
    const target = worker.current;
    if (!target) return;
    if (busy.current) {
      waiting.current = next;
      return;
    }
    busy.current = true;
    const request: PreviewRequest = { kind: "render", id: ++sent.current, text: next };
    window.clearTimeout(deadline.current);
    deadline.current = window.setTimeout(() => late.current(), WORKER_DEADLINE_MS);
    target.postMessage(request);
  };

  // Every keystroke: the newest text to the worker, or rendered here while it is late or gone.
  useEffect(() => {
    if (fallback) {
      setLive(fallback.renderLivePreview(text));
      setThread("page");
    } else send(text);
  }, [text, fallback]);

  // The full check once typing pauses.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (fallback) {
        setErrors(fallback.checkPreview(slug, text, { knownSlugs: new Set(knownSlugs), ownPrerequisites: new Map(ownPrerequisites) }));
        return;
      }
      const request: PreviewRequest = { kind: "check", id: ++lastCheck.current, slug, text, knownSlugs, ownPrerequisites };
      worker.current?.postMessage(request);
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, slug, knownSlugs, ownPrerequisites, fallback]);

  return { live, errors, thread };
}
