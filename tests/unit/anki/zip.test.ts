import { describe, expect, it } from "vitest";
import { crc32, readZip, writeZip, ZipFormatError } from "@/app/lib/domain/anki/zip";

const text = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString("utf8") : null);

/** Made by Info-ZIP's `zip`: a.txt deflated, b.bin and d/media stored. */
const INFO_ZIP =
  "UEsDBBQAAAAIACaDh13zoF3HDAAAACQAAAAFAAAAYS50eHTLSM3JyVfIwEdyAQBQSwMECgAAAAAAJoOHXYMW3IwBAAAAAQAAAAUAAABiLmJpbnhQSwMECgAAAAAAJoOHXUO/pqMCAAAAAgAAAAcAAABkL21lZGlhe31QSwECHgMUAAAACAAmg4dd86BdxwwAAAAkAAAABQAAAAAAAAABAAAApIEAAAAAYS50eHRQSwECHgMKAAAAAAAmg4ddgxbcjAEAAAABAAAABQAAAAAAAAAAAAAApIEvAAAAYi5iaW5QSwECHgMKAAAAAAAmg4ddQ7+mowIAAAACAAAABwAAAAAAAAAAAAAApIFTAAAAZC9tZWRpYVBLBQYAAAAAAwADAJsAAAB6AAAAAAA=";

describe("the ZIP writer and reader", () => {
  it("computes the CRC-32 ZIP uses", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("reads back what it wrote: deflated when smaller, stored otherwise, UTF-8 names", () => {
    const big = Buffer.from("collection ".repeat(1000));
    const zip = writeZip(
      [
        { name: "collection.anki2", data: big },
        { name: "media", data: Buffer.from("{}") },
        { name: "笔记.txt", data: Buffer.from("中文") },
      ],
      new Date("2026-03-10T16:00:00Z"),
    );
    expect(zip.length).toBeLessThan(big.length);
    const reader = readZip(zip);
    expect(reader.names).toEqual(["collection.anki2", "media", "笔记.txt"]);
    expect(Buffer.from(reader.read("collection.anki2", 1e6)!).equals(big)).toBe(true);
    expect(text(reader.read("media", 10))).toBe("{}");
    expect(text(reader.read("笔记.txt", 10))).toBe("中文");
    expect(reader.read("absent", 10)).toBeNull();
  });

  it("reads an archive written by Info-ZIP", () => {
    const reader = readZip(Buffer.from(INFO_ZIP, "base64"));
    expect(reader.names).toEqual(["a.txt", "b.bin", "d/media"]);
    expect(text(reader.read("a.txt", 100))).toBe("hello hello hello hello hello hello\n");
    expect(text(reader.read("b.bin", 100))).toBe("x");
    expect(text(reader.read("d/media", 100))).toBe("{}");
  });

  it("refuses what is not a ZIP, a damaged entry and an entry above the size limit", () => {
    expect(() => readZip(Buffer.from("not a zip at all, not even close"))).toThrow(ZipFormatError);
    const zip = Buffer.from(writeZip([{ name: "a", data: Buffer.from("a".repeat(5000)) }], new Date(0)));
    expect(() => readZip(zip).read("a", 100)).toThrow(/larger than 100 bytes/);
    const damaged = Buffer.from(zip);
    damaged[40] = damaged[40]! ^ 0xff; // inside the deflated data
    expect(() => readZip(damaged).read("a", 1e6)).toThrow(ZipFormatError);
    expect(() => readZip(zip.subarray(0, zip.length - 5))).toThrow(ZipFormatError);
  });

  it("refuses a deflate bomb without inflating it whole", () => {
    const zip = writeZip([{ name: "bomb", data: Buffer.alloc(50_000_000) }], new Date(0));
    expect(zip.length).toBeLessThan(100_000);
    expect(() => readZip(zip).read("bomb", 1_000_000)).toThrow(/larger than 1000000 bytes/);
  });
});
