import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user?: DefaultSession["user"] & { id?: string };
    /** The session version the JWT was issued with. */
    sv: number;
    /** The id of this sign-in, which a plain sign-out revokes. */
    sid?: string;
    /** When this sign-in happened (seconds since 1970): deleting an OAuth-only account needs a recent one. */
    sat?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    /** When this sign-in happened (seconds since 1970), kept through every refresh. */
    sat?: number;
  }
}
