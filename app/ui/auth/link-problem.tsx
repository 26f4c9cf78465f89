import Link from "next/link";

/** A mailed link that cannot be used: what went wrong, and where to get a new one. */
export function LinkProblem({ message, href, label }: { message: string; href: string; label: string }) {
  return (
    <div className="space-y-4">
      <p data-testid="link-problem" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
        {message}
      </p>
      <Link
        href={href}
        data-testid="link-problem-action"
        className="inline-block rounded-md bg-accent-600 px-4 py-2 font-medium text-white hover:bg-accent-700"
      >
        {label}
      </Link>
    </div>
  );
}
