import type { ActionResult } from "@/app/lib/server/auth/guard";

/**
 * What a mail-link form (forgot password, reset, verify, send a verification link) shows after
 * a submit. One mapping from an action's result, used by the form's script and by its
 * no-script server action alike, so both say the same.
 */
export type EmailLinkFormState = {
  status: "idle" | "done" | "error";
  message: string | null;
  fieldErrors: Record<string, string[]>;
  /** The link itself is unknown, used or expired: the form offers a new one. */
  linkProblem?: boolean;
  /** What the visitor typed, kept when the page is re-rendered without JavaScript. */
  email?: string;
  /**
   * What the form itself says (its message key in `emailLinks`), shown in the reader's
   * language by useEmailLinkMessage; `message` keeps the English for anything else.
   */
  said?: "unreachable" | "resetRequested" | "verified" | "alreadyVerified" | "verificationSent";
};

export const INITIAL_EMAIL_LINK_FORM_STATE: EmailLinkFormState = { status: "idle", message: null, fieldErrors: {} };

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export const UNREACHABLE_STATE: EmailLinkFormState = {
  status: "error",
  message: "Could not reach the server. Check your connection and try again.",
  fieldErrors: {},
  said: "unreachable",
};

function failed(result: Failure, email?: string): EmailLinkFormState {
  return {
    status: "error",
    message: result.error,
    fieldErrors: result.fieldErrors ?? {},
    // 404 and 410 are the link's own problems (unknown; used or expired): see EmailLinkError.
    linkProblem: result.status === 404 || result.status === 410,
    email,
  };
}

export function resetRequestedState(result: ActionResult<{ message: string }>, email: string): EmailLinkFormState {
  return result.ok ? { status: "done", message: result.data.message, fieldErrors: {}, email, said: "resetRequested" } : failed(result, email);
}

/** A reset that failed; the password rule's answer goes under the password field. */
export function resetFailedState(result: Failure): EmailLinkFormState {
  const state = failed(result);
  return state.linkProblem || result.status !== 400 || result.fieldErrors
    ? state
    : { ...state, message: null, fieldErrors: { password: [result.error] } };
}

export function verifiedState(result: ActionResult<{ email: string }>): EmailLinkFormState {
  return result.ok
    ? { status: "done", message: `Thank you: ${result.data.email} is verified.`, fieldErrors: {}, email: result.data.email, said: "verified" }
    : failed(result);
}

export function verificationSentState(result: ActionResult<{ email: string; alreadyVerified: boolean }>): EmailLinkFormState {
  if (!result.ok) return failed(result);
  const message = result.data.alreadyVerified
    ? `${result.data.email} is already verified.`
    : `We sent a link to ${result.data.email}. It works for 24 hours.`;
  const said = result.data.alreadyVerified ? "alreadyVerified" : "verificationSent";
  return { status: "done", message, fieldErrors: {}, email: result.data.email, said };
}
