import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { INITIAL_EMAIL_LINK_FORM_STATE, UNREACHABLE_STATE, type EmailLinkFormState } from "./email-link-form-state";

/**
 * A form that works both ways, as sign-up's does: posted before JavaScript runs, it goes to
 * `withoutScript` (a server action, through useActionState); once JavaScript runs, onSubmit
 * calls `withScript`, which calls the guarded action directly. `withScript` returns nothing
 * when it has navigated away.
 */
export function useEmailLinkForm(
  withoutScript: (previous: EmailLinkFormState, form: FormData) => Promise<EmailLinkFormState>,
  withScript: (form: FormData) => Promise<EmailLinkFormState | undefined>,
) {
  const [posted, formAction] = useActionState(withoutScript, INITIAL_EMAIL_LINK_FORM_STATE);
  const [current, setCurrent] = useState<EmailLinkFormState | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    try {
      const next = await withScript(form);
      if (next) setCurrent(next);
    } catch {
      setCurrent(UNREACHABLE_STATE);
    } finally {
      setPending(false);
    }
  }

  return {
    state: current ?? posted,
    formAction,
    onSubmit: (event: React.FormEvent<HTMLFormElement>) => void submit(event),
    pending,
  };
}

/** The form's message in the reader's language: its own words by key, the server's as given (the guard translated them). */
export function useEmailLinkMessage(state: EmailLinkFormState): string | null {
  const t = useTranslations("emailLinks");
  return state.said ? t(state.said, { email: state.email ?? "" }) : state.message;
}
