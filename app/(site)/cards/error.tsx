"use client";
import { PageError } from "@/app/ui/shell/page-error";

export default function CardsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Your cards could not be shown" testId="cards-page-error" error={error} reset={reset} />;
}
