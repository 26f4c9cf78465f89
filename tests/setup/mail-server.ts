/**
 * A real SMTP server for tests (smtp-server), on a free port of 127.0.0.1, keeping every mail
 * it accepts, parsed with mailparser. Plain SMTP (no STARTTLS: its certificate would be
 * self-signed), with or without a login; recipients starting with "bounce-" are refused, as a
 * server refuses an address it does not know.
 */
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** The envelope's recipients, as the SMTP client gave them. */
  to: string[];
  from: string;
  /** The login the client used, when the server asked for one. */
  user: string | undefined;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface MailServer {
  /** What SMTP_URL should be to reach this server. */
  url: string;
  received: ReceivedMail[];
  /** The mails to this address so far. */
  mailsTo(address: string): ReceivedMail[];
  stop(): Promise<void>;
}

export async function startMailServer(options: { login?: { user: string; pass: string }; onMail?: (mail: ReceivedMail) => void } = {}): Promise<MailServer> {
  const received: ReceivedMail[] = [];
  const login = options.login;
  const server = new SMTPServer({
    disabledCommands: login ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.pass) return callback(null, { user: auth.username });
      callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce-")) {
        const refused = Object.assign(new Error("No such mailbox here"), { responseCode: 550 });
        return callback(refused);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        // Kept before the client hears "250": once sendMail resolves, the mail is here.
        simpleParser(raw)
          .then((parsed) => {
            const mail: ReceivedMail = {
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              user: typeof session.user === "string" ? session.user : undefined,
              raw,
              parsed,
            };
            received.push(mail);
            options.onMail?.(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const auth = login ? `${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@` : "";
  return {
    url: `smtp://${auth}127.0.0.1:${port}`,
    received,
    mailsTo: (address) => received.filter((m) => m.to.includes(address)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that goes to `path` on the site. */
export function linkIn(mail: ReceivedMail, path: string): URL {
  const text = mail.parsed.text ?? "";
  const found = text.match(/https?:\/\/\S+/g)?.map((l) => new URL(l)).find((u) => u.pathname === path);
  if (!found) throw new Error(`no link to ${path} in the mail:\n${text}`);
  return found;
}
