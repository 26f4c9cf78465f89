"use client";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { RevealAnswer } from "@/app/ui/notes/reveal-answer";
import { WidgetSlot } from "@/app/ui/widgets/widget-slot";
import type { LivePreview } from "./preview";

/**
 * The preview's markup. Every HTML string here came out of the sanitising pipeline
 * (preview.ts), which is why it may be set as HTML. Memoised: a keystroke re-renders the editor
 * at once and the preview only when its sections change (the deferred render).
 */
export const PreviewView = memo(function PreviewView({ preview }: { preview: LivePreview }) {
  const t = useTranslations("noteEditor");
  // The type as the "Add a card here" form names it, in the reader's language.
  const tb = useTranslations("blockForm");
  return (
    <div>
      {preview.title && <h1 className="mb-4 text-2xl font-bold">{preview.title}</h1>}
      {preview.segments.map((segment) => {
        switch (segment.kind) {
          case "html":
            return <div key={segment.key} dangerouslySetInnerHTML={{ __html: segment.html }} />;
          case "card":
            return (
              <aside key={segment.key} aria-label={t("flashcard")} className="my-5 rounded-lg border border-accent-100 bg-accent-50 p-4 dark:border-slate-700 dark:bg-slate-900">
                <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-accent-700 dark:text-accent-500">{t("cardType", { type: tb(`cardType_${segment.type}`) })}</p>
                <div className="card-html" dangerouslySetInnerHTML={{ __html: segment.frontHtml }} />
                <RevealAnswer>
                  <div className="card-html" dangerouslySetInnerHTML={{ __html: segment.backHtml }} />
                </RevealAnswer>
              </aside>
            );
          case "quiz":
            return (
              <aside key={segment.key} aria-label={t("quizQuestion")} className="my-5 rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700">
                <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("questionType", { type: tb(`quizType_${segment.type}`) })}</p>
                <div className="card-html" dangerouslySetInnerHTML={{ __html: segment.promptHtml }} />
                {segment.choicesHtml.length > 0 && (
                  <ol className="ml-5 list-[upper-alpha]">
                    {segment.choicesHtml.map((html, j) => (
                      <li key={j} dangerouslySetInnerHTML={{ __html: html }} />
                    ))}
                  </ol>
                )}
                <RevealAnswer>
                  <div className="card-html" dangerouslySetInnerHTML={{ __html: segment.explanationHtml }} />
                </RevealAnswer>
              </aside>
            );
          case "widget":
            return <WidgetSlot key={segment.key} name={segment.name} caption={segment.caption} />;
        }
      })}
    </div>
  );
});
