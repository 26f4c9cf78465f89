import { useState } from "react";
import { readErrorMessage, readStudySetChange } from "@/app/lib/schemas/shell-responses";
import { setStudyAll } from "@/app/lib/server/actions/set-study-all";

/** What the last addition did to what the user studies, for the message beside the button. */
export type StudySetNotice =
  | { kind: "switched"; setSize: number }
  | { kind: "added"; setSize: number }
  | { kind: "kept-all"; setSize: number }
  | { kind: "switched-back" };

/**
 * Whether a note is in the signed-in user's study set, and the switch: PUT or DELETE
 * /api/me/study-set/<slug>, the state then taken from the server's answer. A refusal or a
 * failed request leaves the state as it was and says why in `error`. Adding a note says what
 * it changed (`notice`): the first note switches a user who studied all notes to the set, and
 * `studyAllAgain` undoes that switch. Used by the note page's button and the library tiles' switch.
 */
export function useStudySet(slug: string, initial: boolean) {
  const [inSet, setInSet] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<StudySetNotice | null>(null);

  async function toggle() {
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      const response = await fetch(`/api/me/study-set/${encodeURIComponent(slug)}`, { method: inSet ? "DELETE" : "PUT" });
      const json: unknown = await response.json().catch(() => undefined);
      const body = readStudySetChange(json);
      if (!response.ok || !body) {
        setError(readErrorMessage(json) ?? "Something went wrong on our side. Nothing was saved.");
      } else {
        setInSet(body.inStudySet);
        if (body.inStudySet) {
          const setSize = body.setSize ?? 1;
          setNotice(
            body.switched === true
              ? { kind: "switched", setSize }
              : body.studyAll === true
                ? { kind: "kept-all", setSize }
                : { kind: "added", setSize },
          );
        }
      }
    } catch {
      setError("Could not reach the server. Nothing was saved.");
    } finally {
      setPending(false);
    }
  }

  async function studyAllAgain() {
    setPending(true);
    setError(null);
    const result = await setStudyAll({ studyAll: true }).catch(() => null);
    setPending(false);
    if (result?.ok) setNotice({ kind: "switched-back" });
    else setError(result?.error ?? "Could not reach the server. Nothing was saved.");
  }

  return { inSet, pending, error, notice, toggle: () => void toggle(), studyAllAgain: () => void studyAllAgain() };
}
