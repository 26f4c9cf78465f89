import { NotFoundView } from "@/app/ui/shell/not-found-view";

/** A 404 of the site's pages (`notFound()`), inside the site's layout. */
export default function NotFound() {
  return <NotFoundView />;
}
