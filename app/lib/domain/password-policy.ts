/**
 * The password rule (OWASP ASVS 5.0 §6.2), one pure function for sign-up and change-password.
 * No composition rules; length, the breached/common list and the account's own details only.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const COMMON_PASSWORD_MESSAGE = "This password is one of the 10,000 most common ones. Choose another.";

/** The form a password is checked, hashed and verified in: Unicode NFKC. */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** Length in characters (code points), not UTF-16 units: an emoji counts once. */
function length(text: string): number {
  return [...text].length;
}

// C0 (NUL, TAB, CR, LF…), DEL and C1 controls.
const CONTROL = /\p{Cc}/u;

/** Parts of the account a password may not be or contain: the email, its local part, the name. */
function personalParts(account: { email?: string | null; name?: string | null }): string[] {
  const parts: string[] = [];
  const email = account.email?.normalize("NFKC").trim().toLowerCase();
  if (email) {
    parts.push(email);
    const local = email.split("@")[0] ?? "";
    if (length(local) >= 4) parts.push(local);
  }
  const name = account.name?.normalize("NFKC").trim().toLowerCase();
  if (name) {
    if (length(name) >= 4) parts.push(name);
    for (const word of name.split(/\s+/)) if (length(word) >= 4) parts.push(word);
  }
  return parts;
}

/**
 * Why `password` may not be used by this account, in words for the form, or null when it may.
 * `isCommon` looks a candidate up in the breached/common list; it is given the trimmed,
 * lower-cased NFKC form, so " Password1" is found as "password1".
 */
export function passwordProblem(
  password: string,
  account: { email?: string | null; name?: string | null },
  isCommon: (candidate: string) => boolean,
): string | null {
  const normalized = normalizePassword(password);
  if (CONTROL.test(normalized)) {
    return "A password may not contain control characters such as NUL, tabs or line breaks.";
  }
  if (length(normalized) < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length(normalized) > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const comparable = normalized.trim().toLowerCase();
  if (!comparable) return "Use some characters other than spaces.";
  if (isCommon(comparable)) return COMMON_PASSWORD_MESSAGE;
  const whole = normalized.toLowerCase();
  const personal = personalParts(account);
  if (personal.some((part) => comparable === part || whole.includes(part))) {
    return "Do not use your email address or name in your password.";
  }
  return null;
}
