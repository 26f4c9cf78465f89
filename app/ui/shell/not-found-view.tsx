import Link from "next/link";
import { useTranslations } from "next-intl";

/** What every 404 says, in the page's language. */
export function NotFoundView() {
  const t = useTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("body")}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-accent-600 px-4 py-2 text-white hover:bg-accent-700">
        {t("back")}
      </Link>
    </div>
  );
}
