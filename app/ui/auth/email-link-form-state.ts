/** What a mail-link form (forgot password, reset, verify) shows after a post. */
export type EmailLinkFormState = {
  status: "idle" | "done" | "error";
  message: string | null;
  fieldErrors: Record<string, string[]>;
  /** The link itself is unknown, used or expired: the form offers a new one. */
  linkProblem?: boolean;
  /** What the visitor typed, kept when the page is re-rendered without JavaScript. */
  email?: string;
};

export const INITIAL_EMAIL_LINK_FORM_STATE: EmailLinkFormState = { status: "idle", message: null, fieldErrors: {} };
