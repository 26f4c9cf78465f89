import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getSessionUser } from "@/app/lib/server/auth/session";
import { listQuizSources } from "@/app/lib/server/data/quiz-questions";
import { QUIZ_LENGTH_DEFAULT, QUIZ_LENGTH_MAX, QUIZ_LENGTH_MIN } from "@/app/lib/schemas/quiz";
import { StartQuizForm, type StartQuizDefaults } from "@/app/ui/quiz/start-quiz-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quizStart"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * `/quizzes/new?note=<slug>` (the note page's "Quiz me"), `?areas=vision,video`, `?weak=1`,
 * with optional `length` and `mode`: the options prefilled, one Enter from starting.
 */
export default async function NewQuizPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const t = await getTranslations("quizStart");
  const user = await getSessionUser();
  const sources = await listQuizSources(user?.id ?? null, await getLocale());
  const known = new Set(sources.flatMap((a) => a.notes.map((n) => n.slug)));
  const note = first(search.note);
  const areas = (first(search.areas) ?? "").split(",").filter((a) => sources.some((s) => s.area === a));
  const lengthParam = Number(first(search.length));
  const length = Number.isInteger(lengthParam) ? Math.min(QUIZ_LENGTH_MAX, Math.max(QUIZ_LENGTH_MIN, lengthParam)) : QUIZ_LENGTH_DEFAULT;
  const defaults: StartQuizDefaults = {
    kind: note && known.has(note) ? "note" : first(search.weak) && user ? "weak" : "areas",
    note: note && known.has(note) ? note : "",
    areas: areas.length > 0 ? areas : sources.map((a) => a.area),
    length,
    mode: first(search.mode) === "end" ? "end" : "each",
  };
  const noteTitle = sources.flatMap((a) => a.notes).find((n) => n.slug === defaults.note)?.short;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{noteTitle ? t("titleNote", { note: noteTitle }) : t("title")}</h1>
        <Link href="/quizzes" className="text-sm text-accent-600 underline dark:text-accent-500">
          {t("all")}
        </Link>
      </header>
      {note && !known.has(note) && (
        <p className="text-sm text-amber-700 dark:text-amber-400" data-testid="quiz-unknown-note">
          {t("unknownNote", { note })}
        </p>
      )}
      <div className="rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-800">
        <StartQuizForm sources={sources} signedIn={user !== null} defaults={defaults} autoFocus />
      </div>
    </div>
  );
}
