import { useState } from "react";

/**
 * Whether a note is in the signed-in user's study set, and the switch: PUT or DELETE
 * /api/me/study-set/<slug>, the state then taken from the server's answer. A refusal or a
 * failed request leaves the state as it was and says why in `error`. Used by the note page's
 * button and the library tiles' switch.
 */
export function useStudySet(slug: string, initial: boolean) {
  const [inSet, setInSet] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/me/study-set/${encodeURIComponent(slug)}`, { method: inSet ? "DELETE" : "PUT" });
      const body = (await response.json().catch(() => ({}))) as { inStudySet?: unknown; error?: unknown };
      if (!response.ok || typeof body.inStudySet !== "boolean") {
        setError(typeof body.error === "string" ? body.error : "Something went wrong on our side. Nothing was saved.");
      } else {
        setInSet(body.inStudySet);
      }
    } catch {
      setError("Could not reach the server. Nothing was saved.");
    } finally {
      setPending(false);
    }
  }

  return { inSet, pending, error, toggle: () => void toggle() };
}
