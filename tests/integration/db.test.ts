import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "@/app/generated/prisma/client";
import { db, rawRows } from "@/app/lib/server/db";

describe("plain SQL on the shared pool", () => {
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("writes and reads timestamps as UTC, as Prisma does, whatever the server's time zone", async () => {
    // Node applies a changed TZ at once; pg's default would shift these by 5 h 30 min.
    process.env.TZ = "Asia/Kolkata";
    const at = new Date("2030-03-01T23:45:12.345Z");
    const [row] = await rawRows<{ t: Date; text: string }>(Prisma.sql`SELECT ${at}::timestamp(3) AS t, ${at}::timestamp(3)::text AS text`);
    expect(row?.text).toBe("2030-03-01 23:45:12.345");
    expect(row?.t.toISOString()).toBe(at.toISOString());
    const viaPrisma = await db.$queryRaw<{ t: Date }[]>`SELECT ${row!.text}::timestamp(3) AS t`;
    expect(viaPrisma[0]?.t.toISOString()).toBe(at.toISOString());
  });
});
