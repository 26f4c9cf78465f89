import Link from "next/link";
import { SiteShell } from "@/app/ui/shell/site-shell";

/**
 * Every 404 of the site, an unknown note's too. Rendered in the root layout, outside
 * (site)/layout.tsx, so it brings the site's header itself.
 */
export default function NotFound() {
  return (
    <SiteShell>
      <div className="mx-auto max-w-lg py-16 text-center">
        <h1 className="text-2xl font-semibold">Not found</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          There is nothing at this address. A note you followed a link to may have been renamed or removed from the library.
        </p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
          Browse the library
        </Link>
      </div>
    </SiteShell>
  );
}
