import "#server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { signInSchema } from "@/app/lib/schemas/auth";
import { db } from "../db";
import { env, useSecureCookies } from "../env";
import { verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn } from "./rate-limit";
import { clientIp } from "./client-ip";
import { decodeSessionToken } from "./session-token";

/** Finds or creates the user behind an OAuth sign-in and links the provider account. */
async function userForOAuth(input: {
  email: string;
  name: string | null;
  image: string | null;
  provider: string;
  providerAccountId: string;
  type: string;
}) {
  const user = await db.user.upsert({
    where: { email: input.email },
    create: { email: input.email, name: input.name, image: input.image, emailVerified: new Date() },
    update: {},
  });
  await db.account.upsert({
    where: {
      provider_providerAccountId: {
        provider: input.provider,
        providerAccountId: input.providerAccountId,
      },
    },
    create: {
      userId: user.id,
      type: input.type,
      provider: input.provider,
      providerAccountId: input.providerAccountId,
    },
    update: {},
  });
  return user;
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
        if (!user || !ok) {
          await recordFailedSignIn(email, clientIp(req.headers ?? {}));
          return null;
        }
        await clearFailedSignIns(email);
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
    useSecureCookies: useSecureCookies(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    jwt: { decode: decodeSessionToken },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      async jwt({ token, user, account }) {
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
        return token;
      },
      session({ session, token }) {
        if (session.user && token.uid) session.user.id = token.uid;
        session.sv = token.sv ?? -1;
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
