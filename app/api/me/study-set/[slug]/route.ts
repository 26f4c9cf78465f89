import { noteSlugParamsSchema } from "@/app/lib/schemas/review";
import { withUser } from "@/app/lib/server/auth/guard";
import { addPaperToStudySet, removePaperFromStudySet } from "@/app/lib/server/data/study-set";

const noStore = { "Cache-Control": "private, no-store" };

/**
 * The study-set switch of the note page and the library tiles (`useStudySet`): PUT adds the
 * note's cards to the signed-in user's study set (and says whether that switched the user from
 * all notes to the set: `switched`, `studyAll`, `setSize`), DELETE takes them out (their history
 * stays). 401 signed out, 404 for a note that does not exist. PUT and DELETE cannot come from another site's form,
 * and a cross-site fetch of them needs a CORS preflight this route never grants.
 */
export const PUT = withUser(
  async (_request, user, { slug }) => {
    const addition = await addPaperToStudySet(user.id, slug);
    return Response.json({ paperSlug: slug, inStudySet: true, ...addition }, { headers: noStore });
  },
  { params: noteSlugParamsSchema, accepts: [""] },
);

export const DELETE = withUser(
  async (_request, user, { slug }) => {
    await removePaperFromStudySet(user.id, slug);
    return Response.json({ paperSlug: slug, inStudySet: false }, { headers: noStore });
  },
  { params: noteSlugParamsSchema, accepts: [""] },
);
