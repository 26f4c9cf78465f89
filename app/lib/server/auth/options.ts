import "#server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { nextAuthRedirect } from "@/app/lib/domain/safe-redirect";
import { signInSchema } from "@/app/lib/schemas/auth";
import { db } from "../db";
import { env } from "../env";
import { secureCookies } from "../http/cookies";
import { verifyPassword } from "./password";
import { recordFailedSignIn, recordSuccessfulSignIn } from "./rate-limit";
import { clientIp } from "./client-ip";
import { claimGuestAttemptsFor } from "./guest-token";
import { decodeSessionToken } from "./session-token";
import { OAUTH_UNVERIFIED_ERROR, oauthLinkRefused, userForOAuth } from "./oauth-link";

const SESSION_SECONDS = 30 * 24 * 60 * 60;

/**
 * At sign-in, the quizzes this browser took as a guest become the user's (and the guest cookie
 * goes), here rather than when a page renders: page reads write nothing. A failure must not
 * stop the sign-in: the token stays, and the user's next quiz action claims it.
 */
async function claimGuestQuizzes(userId: string): Promise<void> {
  try {
    await claimGuestAttemptsFor(userId, new Date());
  } catch (error) {
    console.error("claiming a guest's quizzes at sign-in failed; the next quiz action will", error);
  }
}

export function authOptions(): NextAuthOptions {
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await db.user.findUnique({
          where: { email },
          omit: { passwordHash: false },
        });
        // Always one scrypt, known email or not: same answer, similar timing.
        const ok = await verifyPassword(password, user?.passwordHash ?? null);
        const ip = clientIp(req.headers ?? {});
        if (!user || !ok) {
          await recordFailedSignIn(email, ip);
          return null;
        }
        await recordSuccessfulSignIn(email, ip);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ];
  if (e.GITHUB_ID && e.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  }
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) {
    providers.push(GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET }));
  }

  return {
    secret: e.NEXTAUTH_SECRET,
    useSecureCookies: secureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_SECONDS },
    jwt: { decode: decodeSessionToken },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    events: {
      // A plain sign-out revokes this sign-in's id, so a copy of its cookie stops working too.
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        const expiresAt = new Date(typeof token.exp === "number" ? token.exp * 1000 : Date.now() + SESSION_SECONDS * 1000);
        await db.revokedSession.upsert({ where: { sessionId: token.sid }, create: { sessionId: token.sid, expiresAt }, update: {} });
      },
    },
    callbacks: {
      // Its callbackUrl (parameter or cookie) may only lead to a path of this site, encoded.
      redirect: nextAuthRedirect,
      // An OAuth sign-in never attaches to an account whose email is unverified (see oauthLinkRefused).
      async signIn({ user, account }) {
        if (!account || account.provider === "credentials" || !user.email) return true;
        const refused = await oauthLinkRefused({ email: user.email, provider: account.provider, providerAccountId: account.providerAccountId });
        return refused ? `/signin?error=${OAUTH_UNVERIFIED_ERROR}` : true;
      },
      async jwt({ token, user, account }) {
        // A new sign-in gets an id of its own, kept through every refresh of its JWT.
        if (user) {
          token.sid = randomUUID();
          token.sat = Math.floor(Date.now() / 1000);
        }
        if (user && account?.provider === "credentials") {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
        } else if (user && account && user.email) {
          const stored = await userForOAuth({
            email: user.email.toLowerCase(),
            name: user.name ?? null,
            image: user.image ?? null,
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            type: account.type,
          });
          token.uid = stored.id;
          token.sv = stored.sessionVersion;
        }
        if (user && token.uid) await claimGuestQuizzes(token.uid);
        return token;
      },
      session({ session, token }) {
        if (session.user && token.uid) session.user.id = token.uid;
        session.sv = token.sv ?? -1;
        if (typeof token.sid === "string") session.sid = token.sid;
        if (typeof token.sat === "number") session.sat = token.sat;
        return session;
      },
    },
  };
}

export function oauthProviders(): { id: string; name: string }[] {
  const e = env();
  const list: { id: string; name: string }[] = [];
  if (e.GITHUB_ID) list.push({ id: "github", name: "GitHub" });
  if (e.GOOGLE_ID) list.push({ id: "google", name: "Google" });
  return list;
}
