import Link from "next/link";

export default function NoteNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">No such note</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">It may have been renamed or removed from the library.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
        Browse the library
      </Link>
    </div>
  );
}
