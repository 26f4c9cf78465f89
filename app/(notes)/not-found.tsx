import { setRequestLocale } from "next-intl/server";
import { NotFoundView } from "@/app/ui/shell/not-found-view";

/** An unknown note's 404, in the language of its URL. */
export default function NoteNotFound() {
  setRequestLocale("en");
  return <NotFoundView />;
}
