import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** The mail module without SMTP_URL: printed in development, withheld (link and all) in production. */
const mail = {
  to: "someone@example.test",
  subject: "Reset your PaperDeck password",
  paragraphs: ["Open this link:", "It works once."],
  link: { href: "http://localhost:3000/reset-password?token=abc", label: "Choose a new password" },
};

async function freshMailModule(environment: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(environment)) vi.stubEnv(key, value);
  return import("@/app/lib/server/mail");
}

describe("mail without an SMTP server", () => {
  let printed: string[];
  beforeEach(() => {
    printed = [];
    vi.spyOn(console, "info").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  const base = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db", NEXTAUTH_SECRET: "x".repeat(40), SMTP_URL: "" };

  it("prints the mail and its link to the console in development, saying why", async () => {
    const { sendMail } = await freshMailModule({ ...base, NODE_ENV: "development" });
    await expect(sendMail(mail)).resolves.toBe("printed");
    const output = printed.join("\n");
    expect(output).toContain("SMTP_URL is not set, so this mail was printed here instead of sent.");
    expect(output).toContain("To: someone@example.test");
    expect(output).toContain(mail.link.href);
  });

  it("does not print the link of a production server, only that the mail was not sent", async () => {
    const { sendMail } = await freshMailModule({ ...base, NODE_ENV: "production" });
    await expect(sendMail(mail)).resolves.toBe("not-sent");
    const output = printed.join("\n");
    expect(output).toContain("SMTP_URL is not set");
    expect(output).not.toContain("token=abc");
  });

  it("builds links from NEXTAUTH_URL, never a request's host", async () => {
    const { linkTo } = await freshMailModule({ ...base, NEXTAUTH_URL: "https://paperdeck.example.org/" });
    expect(linkTo("/reset-password?token=t")).toBe("https://paperdeck.example.org/reset-password?token=t");
  });

  it("refuses an SMTP_URL that is not smtp:// or smtps://", async () => {
    const { linkTo } = await freshMailModule({ ...base, SMTP_URL: "http://mail.example.org" });
    expect(() => linkTo("/x")).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
  });
});
