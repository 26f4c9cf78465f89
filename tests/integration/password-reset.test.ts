/**
 * Password resets and address checks by mail, end to end through nodemailer and a real SMTP
 * server started here (smtp-server, with a login), the mails read back with mailparser.
 */
import { afterAll, describe, expect, it } from "vitest";
import { startMailServer, linkIn, type ReceivedMail } from "../setup/mail-server";

// The server is up before the app's modules read the environment (env() is read once).
const smtp = await startMailServer({ login: { user: "paperdeck", pass: "s3cret: pass@word" } });
process.env.SMTP_URL = smtp.url;
process.env.MAIL_FROM = "PaperDeck <no-reply@paperdeck.test>";

const { db } = await import("@/app/lib/server/db");
const { hashPassword, verifyPassword } = await import("@/app/lib/server/auth/password");
const { LIMITS, MAIL_LIMITS, recordFailedSignIn, signInBlockedFor } = await import("@/app/lib/server/auth/rate-limit");
const { EmailLinkError, hashToken } = await import("@/app/lib/server/auth/email-tokens");
const { RESET_REQUESTED_MESSAGE, requestPasswordReset, resetPassword } = await import("@/app/lib/server/auth/password-reset");
const { sendVerificationLink, verifyEmail } = await import("@/app/lib/server/auth/email-verification");
const { deleteAccountAndData } = await import("@/app/lib/server/data/user-data");
const { AppError, BadRequestError, TooManyRequestsError } = await import("@/app/lib/server/errors");
const { COMMON_PASSWORD_MESSAGE } = await import("@/app/lib/domain/password-policy");

afterAll(() => smtp.stop());

const OLD_PASSWORD = "an old password that works 1";
const NEW_PASSWORD = "a brand new password 2";
let counter = 0;
const uniqueEmail = (prefix = "reset") => `${prefix}-${Date.now()}-${(counter += 1)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
const uniqueIp = () => `198.51.100.${counter % 250}-${Math.random().toString(36).slice(2)}`;

async function userWithPassword(email = uniqueEmail()) {
  return db.user.create({
    data: { email, name: "Reset Tester", passwordHash: await hashPassword(OLD_PASSWORD), settings: { create: {} } },
    select: { id: true, email: true, sessionVersion: true },
  });
}

async function passwordHashOf(userId: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  return row.passwordHash;
}

/** The one mail this address has received since `before` mails. */
function onlyNewMailTo(address: string, before = 0): ReceivedMail {
  const mails = smtp.mailsTo(address);
  expect(mails).toHaveLength(before + 1);
  return mails[before]!;
}

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("asking for a password reset", () => {
  it("mails a link from MAIL_FROM through the SMTP server's login, to the site of NEXTAUTH_URL, and keeps only the token's hash", async () => {
    const user = await userWithPassword();
    const answer = await requestPasswordReset({ email: user.email, ip: uniqueIp() });
    expect(answer.message).toBe(RESET_REQUESTED_MESSAGE);

    const mail = onlyNewMailTo(user.email);
    expect(mail.user).toBe("paperdeck");
    expect(mail.parsed.from?.text).toBe('"PaperDeck" <no-reply@paperdeck.test>');
    expect(mail.parsed.subject).toBe("Reset your PaperDeck password");
    const link = linkIn(mail, "/reset-password");
    expect(link.origin).toBe(new URL(process.env.NEXTAUTH_URL!).origin);
    expect(mail.parsed.html).toContain(`href="${link.href.replaceAll("&", "&amp;")}"`);
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await db.emailToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.purpose).toBe("password-reset");
    const lifetime = rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime();
    expect(lifetime).toBeGreaterThan(29 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(30 * 60_000 + 1_000);
  });

  it("gives an unknown address the same answer and sends nothing", async () => {
    const known = await userWithPassword();
    const knownAnswer = await requestPasswordReset({ email: known.email, ip: uniqueIp() });
    const before = smtp.received.length;
    const nobody = uniqueEmail("nobody");
    const unknownAnswer = await requestPasswordReset({ email: nobody, ip: uniqueIp() });
    expect(unknownAnswer).toEqual(knownAnswer);
    expect(smtp.received.length).toBe(before);
    expect(smtp.mailsTo(nobody)).toHaveLength(0);
    expect(await db.emailToken.count({ where: { email: nobody } })).toBe(0);
  });

  it("refuses more than five links an hour for one address, known or not, from any network", async () => {
    for (const email of [(await userWithPassword()).email, uniqueEmail("nobody")]) {
      for (let i = 0; i < MAIL_LIMITS.resetPerEmail; i += 1) await requestPasswordReset({ email, ip: uniqueIp() });
      const sent = smtp.mailsTo(email).length;
      const error = await refusal(requestPasswordReset({ email, ip: uniqueIp() }));
      expect(error).toBeInstanceOf(TooManyRequestsError);
      expect(error.status).toBe(429);
      expect((error as InstanceType<typeof TooManyRequestsError>).retryAfterSeconds).toBeGreaterThan(55 * 60);
      expect(error.message).toMatch(/^Too many reset links .* Try again in \d+ minutes\.$/);
      expect(smtp.mailsTo(email)).toHaveLength(sent);
    }
  });

  it("refuses more than twenty requests an hour from one network across addresses", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < MAIL_LIMITS.resetPerAddress; i += 1) await requestPasswordReset({ email: uniqueEmail("nobody"), ip });
    const user = await userWithPassword();
    const error = await refusal(requestPasswordReset({ email: user.email, ip }));
    expect(error.status).toBe(429);
    expect(smtp.mailsTo(user.email)).toHaveLength(0);
    // Another network is not held up by that one.
    await requestPasswordReset({ email: user.email, ip: uniqueIp() });
    expect(smtp.mailsTo(user.email)).toHaveLength(1);
  });
});

describe("resetting a password with the mailed link", () => {
  async function mailedToken(email: string, now?: Date) {
    const before = smtp.mailsTo(email).length;
    await requestPasswordReset({ email, ip: uniqueIp(), now });
    return linkIn(onlyNewMailTo(email, before), "/reset-password").searchParams.get("token")!;
  }

  it("lifts the account's sign-in lockout once the reset is done, but not the attacking network's own limit", async () => {
    const user = await userWithPassword();
    const attacker = uniqueIp();
    const owner = uniqueIp();
    // An attack from many addresses locks the account for new addresses, and one pair fully.
    for (let i = 0; i < LIMITS.pair; i += 1) await recordFailedSignIn(user.email, owner);
    for (let i = 0; i < LIMITS.account; i += 1) await recordFailedSignIn(user.email, `${attacker}-${i % 9}`);
    for (let i = 0; i < LIMITS.address; i += 1) await recordFailedSignIn(uniqueEmail("victim"), attacker);
    expect(await signInBlockedFor(user.email, owner)).toBeGreaterThan(0);
    expect(await signInBlockedFor(user.email, uniqueIp())).toBeGreaterThan(0);
    const token = await mailedToken(user.email);
    // Asking for the link changes nothing: only a completed reset shows the owner is here.
    expect(await signInBlockedFor(user.email, owner)).toBeGreaterThan(0);
    await resetPassword({ token, password: NEW_PASSWORD });
    expect(await signInBlockedFor(user.email, owner)).toBe(0);
    expect(await signInBlockedFor(user.email, uniqueIp())).toBe(0);
    // The attacker's address keeps its own limit, for every account.
    expect(await signInBlockedFor(user.email, attacker)).toBeGreaterThan(0);
  });

  it("sets the new password once, ends every session and verifies the address; the link's second use is refused", async () => {
    const user = await userWithPassword();
    const token = await mailedToken(user.email);

    await expect(resetPassword({ token, password: NEW_PASSWORD })).resolves.toEqual({ email: user.email });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
    expect(await verifyPassword(OLD_PASSWORD, after.passwordHash)).toBe(false);
    // The session version moves on, as "sign out everywhere" does: every JWT issued before stops working.
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(after.emailVerified).not.toBeNull();

    const again = await refusal(resetPassword({ token, password: "yet another password 3" }));
    expect(again).toBeInstanceOf(EmailLinkError);
    expect(again.status).toBe(410);
    expect(again.message).toBe("This link has already been used: each link works once. Ask for a new one.");
    expect(await verifyPassword(NEW_PASSWORD, await passwordHashOf(user.id))).toBe(true);
  });

  it("refuses an expired link and leaves the password as it was", async () => {
    const user = await userWithPassword();
    const token = await mailedToken(user.email, new Date(Date.now() - 31 * 60_000));
    const error = await refusal(resetPassword({ token, password: NEW_PASSWORD }));
    expect(error.status).toBe(410);
    expect(error.message).toBe("This link has expired: a link works for 30 minutes. Ask for a new one.");
    expect(await verifyPassword(OLD_PASSWORD, await passwordHashOf(user.id))).toBe(true);
  });

  it("refuses an unknown token, a truncated one and an address-verification token", async () => {
    const user = await db.user.create({ data: { email: uniqueEmail("verify"), passwordHash: await hashPassword(OLD_PASSWORD) } });
    await sendVerificationLink(user.id);
    const verifyToken = linkIn(onlyNewMailTo(user.email), "/verify-email").searchParams.get("token")!;
    const resetToken = await mailedToken(user.email);
    for (const token of ["not-a-token", resetToken.slice(0, -1), verifyToken]) {
      const error = await refusal(resetPassword({ token, password: NEW_PASSWORD }));
      expect(error.status).toBe(404);
      expect(error.message).toMatch(/^This link is not valid\./);
    }
    expect(await verifyPassword(OLD_PASSWORD, await passwordHashOf(user.id))).toBe(true);
  });

  it("keeps the sign-up password rule, without using the link up", async () => {
    const user = await userWithPassword();
    const token = await mailedToken(user.email);
    for (const [password, message] of [
      ["password123", COMMON_PASSWORD_MESSAGE],
      ["short", "Use at least 8 characters."],
      [`${user.email} 2024`, "Do not use your email address or name in your password."],
    ] as const) {
      const error = await refusal(resetPassword({ token, password }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.message).toBe(message);
    }
    await expect(resetPassword({ token, password: NEW_PASSWORD })).resolves.toEqual({ email: user.email });
  });

  it("ends every other outstanding link of the account once one is used", async () => {
    const user = await userWithPassword();
    const first = await mailedToken(user.email);
    const second = await mailedToken(user.email);
    await resetPassword({ token: second, password: NEW_PASSWORD });
    const error = await refusal(resetPassword({ token: first, password: "someone else's choice 9" }));
    expect(error.status).toBe(410);
    expect(await verifyPassword(NEW_PASSWORD, await passwordHashOf(user.id))).toBe(true);
  });

  it("lets only one of two simultaneous uses of a link through", async () => {
    const user = await userWithPassword();
    const token = await mailedToken(user.email);
    const outcomes = await Promise.allSettled([
      resetPassword({ token, password: "first racer password 1" }),
      resetPassword({ token, password: "second racer password 2" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("opens nothing with a link sent to an address the account no longer has", async () => {
    const user = await userWithPassword();
    const token = await mailedToken(user.email);
    await db.user.update({ where: { id: user.id }, data: { email: uniqueEmail("moved") } });
    expect((await refusal(resetPassword({ token, password: NEW_PASSWORD }))).status).toBe(404);
  });

  it("leaves neither links nor counters naming the address once the account is deleted", async () => {
    const user = await userWithPassword();
    await mailedToken(user.email);
    await deleteAccountAndData(user.id);
    expect(await db.emailToken.count({ where: { email: user.email } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: { contains: user.email } } })).toBe(0);
  });
});

describe("verifying an email address", () => {
  it("mails a 24-hour link that verifies the address once, and sends none once it is verified", async () => {
    const user = await db.user.create({ data: { email: uniqueEmail("verify") } });
    await expect(sendVerificationLink(user.id)).resolves.toEqual({ email: user.email, alreadyVerified: false });
    const mail = onlyNewMailTo(user.email);
    expect(mail.parsed.subject).toBe("Verify your PaperDeck email address");
    const token = linkIn(mail, "/verify-email").searchParams.get("token")!;
    const row = await db.emailToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(23.9 * 3600_000);

    await expect(verifyEmail({ token })).resolves.toEqual({ email: user.email });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
    expect((await refusal(verifyEmail({ token }))).status).toBe(410);

    await expect(sendVerificationLink(user.id)).resolves.toEqual({ email: user.email, alreadyVerified: true });
    expect(smtp.mailsTo(user.email)).toHaveLength(1);
  });

  it("refuses an expired verification link and a password-reset token", async () => {
    const user = await userWithPassword(uniqueEmail("verify"));
    await sendVerificationLink(user.id, new Date(Date.now() - 25 * 3600_000));
    const expired = linkIn(onlyNewMailTo(user.email), "/verify-email").searchParams.get("token")!;
    const error = await refusal(verifyEmail({ token: expired }));
    expect(error.status).toBe(410);
    expect(error.message).toMatch(/works for 24 hours/);
    await requestPasswordReset({ email: user.email, ip: uniqueIp() });
    const reset = linkIn(onlyNewMailTo(user.email, 1), "/reset-password").searchParams.get("token")!;
    expect((await refusal(verifyEmail({ token: reset }))).status).toBe(404);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
  });

  it("limits verification mails to five an hour per user", async () => {
    const user = await db.user.create({ data: { email: uniqueEmail("verify") } });
    for (let i = 0; i < MAIL_LIMITS.verifyPerUser; i += 1) await sendVerificationLink(user.id);
    const error = await refusal(sendVerificationLink(user.id));
    expect(error.status).toBe(429);
    expect(smtp.mailsTo(user.email)).toHaveLength(MAIL_LIMITS.verifyPerUser);
  });

  it("says so when the SMTP server refuses the mail", async () => {
    const user = await db.user.create({ data: { email: uniqueEmail("bounce-verify") } });
    const error = await refusal(sendVerificationLink(user.id));
    expect(error.status).toBe(503);
    expect(error.message).toBe("The mail could not be sent just now. Try again in a few minutes.");
  });
});

describe("mails in the account's language", () => {
  it("sends the reset mail in the account's saved language, whatever the request's", async () => {
    const user = await db.user.create({
      data: { email: uniqueEmail("zh-reset"), passwordHash: await hashPassword(OLD_PASSWORD), settings: { create: { locale: "zh-CN" } } },
    });
    await requestPasswordReset({ email: user.email, ip: uniqueIp(), locale: "en" });
    const mail = onlyNewMailTo(user.email);
    expect(mail.parsed.subject).toBe("重置你的 PaperDeck 密码");
    expect(mail.parsed.text).toContain(`有人（希望是你）申请重置 PaperDeck 账户 ${user.email} 的密码`);
    expect(mail.parsed.html).toContain("设置新密码");
    expect(linkIn(mail, "/reset-password").searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("falls back to the request's language when the account chose none, and to English without either", async () => {
    const chinese = await db.user.create({ data: { email: uniqueEmail("zh-verify") } });
    await sendVerificationLink(chinese.id, new Date(), "zh-CN");
    expect(onlyNewMailTo(chinese.email).parsed.subject).toBe("验证你的 PaperDeck 邮箱地址");
    const english = await db.user.create({ data: { email: uniqueEmail("en-verify") } });
    await sendVerificationLink(english.id);
    expect(onlyNewMailTo(english.email).parsed.subject).toBe("Verify your PaperDeck email address");
  });
});
