import Link from "next/link";
import { FormError } from "./form-parts";

/** A mailed link that cannot be used: what went wrong, and where to get a new one. */
export function LinkProblem({ message, href, label }: { message: string; href: string; label: string }) {
  return (
    <div className="space-y-4">
      <FormError testId="link-problem">{message}</FormError>
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
