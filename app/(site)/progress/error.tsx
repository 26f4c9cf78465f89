"use client";
import { PageError } from "@/app/ui/shell/page-error";

export default function ProgressError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Your progress could not be shown" testId="progress-page-error" error={error} reset={reset} />;
}
