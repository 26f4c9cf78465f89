import "#server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env, type Env } from "./env";

/**
 * The one owner of outgoing mail (nodemailer). Mail goes to the SMTP server in SMTP_URL; without
 * one, in development and tests, the mail is printed to the server's console instead, so a
 * reset or verification link can still be followed. A production server without SMTP_URL logs
 * that a mail was not sent, never its link: a log is read by more people than a mailbox.
 */

export interface Mail {
  to: string;
  subject: string;
  /** Paragraphs of plain text, in order; `link` goes after the first. */
  paragraphs: string[];
  link: { href: string; label: string };
}

/** What became of a mail: handed to the SMTP server, printed to the console, or neither. */
export type Delivery = "sent" | "printed" | "not-sent";

let cached: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (cached?.url !== url) {
    cached = {
      url,
      // nodemailer waits two minutes for a silent server by default; a request should not.
      transporter: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return cached.transporter;
}

/** The site's own URL, from NEXTAUTH_URL: never from a request's Host, which a client writes. */
function siteOrigin(e: Env): string {
  if (e.NEXTAUTH_URL) return e.NEXTAUTH_URL.replace(/\/+$/, "");
  if (e.NODE_ENV !== "production") return `http://localhost:${process.env.PORT ?? 3000}`;
  throw new Error("NEXTAUTH_URL must be set to mail links to this site.");
}

/** An absolute link to a path of this site, for a mail. */
export function linkTo(pathAndQuery: string): string {
  return `${siteOrigin(env())}${pathAndQuery.startsWith("/") ? "" : "/"}${pathAndQuery}`;
}

function sender(e: Env): string {
  if (e.MAIL_FROM) return e.MAIL_FROM;
  return `PaperDeck <no-reply@${new URL(siteOrigin(e)).hostname}>`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function bodies(mail: Mail): { text: string; html: string } {
  const [first = "", ...rest] = mail.paragraphs;
  const text = [first, mail.link.href, ...rest].join("\n\n") + "\n";
  const p = (t: string) => `<p>${escapeHtml(t)}</p>`;
  const href = escapeHtml(mail.link.href);
  const html = [
    p(first),
    `<p><a href="${href}">${escapeHtml(mail.link.label)}</a></p>`,
    `<p style="color:#64748b;font-size:13px">Or paste this address into your browser: ${href}</p>`,
    ...rest.map(p),
  ].join("\n");
  return { text, html };
}

/**
 * Sends a mail, or prints it when no SMTP server is configured. Throws when the SMTP server
 * refuses it or cannot be reached; the caller decides whether the user hears of it.
 */
export async function sendMail(mail: Mail): Promise<Delivery> {
  const e = env();
  const { text, html } = bodies(mail);
  if (!e.SMTP_URL) {
    if (e.NODE_ENV === "production") {
      console.warn(`[mail] SMTP_URL is not set: the mail "${mail.subject}" to ${mail.to} was not sent.`);
      return "not-sent";
    }
    const rule = "-".repeat(72);
    console.info(
      `\n${rule}\n[mail] SMTP_URL is not set, so this mail was printed here instead of sent.\n` +
        `To: ${mail.to}\nSubject: ${mail.subject}\n\n${text}${rule}\n`,
    );
    return "printed";
  }
  await transporter(e.SMTP_URL).sendMail({ from: sender(e), to: mail.to, subject: mail.subject, text, html });
  return "sent";
}
