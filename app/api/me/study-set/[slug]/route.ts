import { studySetSchema } from "@/app/lib/schemas/review";
import { withUser } from "@/app/lib/server/auth/guard";
import { addPaperToStudySet, removePaperFromStudySet } from "@/app/lib/server/data/study-set";
import { BadRequestError } from "@/app/lib/server/errors";

type Params = { slug: string };
const noStore = { "Cache-Control": "private, no-store" };

async function paperSlug(context: { params: Promise<Params> }): Promise<string> {
  const parsed = studySetSchema.safeParse({ paperSlug: (await context.params).slug });
  if (!parsed.success) throw new BadRequestError("A note's slug is 1 to 120 characters.");
  return parsed.data.paperSlug;
}

/**
 * The study-set switch of the note page and the library tiles (`useStudySet`): PUT adds the
 * note's cards to the signed-in user's study set, DELETE takes them out (their history
 * stays). 401 signed out, 404 for a note that does not exist. PUT and DELETE cannot come from another site's form,
 * and a cross-site fetch of them needs a CORS preflight this route never grants.
 */
export const PUT = withUser<Params>(async (_request, user, context) => {
  const slug = await paperSlug(context);
  await addPaperToStudySet(user.id, slug);
  return Response.json({ paperSlug: slug, inStudySet: true }, { headers: noStore });
}, { accepts: [""] });

export const DELETE = withUser<Params>(async (_request, user, context) => {
  const slug = await paperSlug(context);
  await removePaperFromStudySet(user.id, slug);
  return Response.json({ paperSlug: slug, inStudySet: false }, { headers: noStore });
}, { accepts: [""] });
