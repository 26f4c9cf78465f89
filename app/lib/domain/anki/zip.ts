/**
 * A small ZIP writer and reader for Anki packages (an `.apkg` is a ZIP of `collection.anki2`
 * and `media`). No ZIP library is among the app's dependencies, and an `.apkg` needs little:
 * files stored or deflated (method 0 or 8, deflate by node:zlib), UTF-8 names, one central
 * directory, no ZIP64 (entries and archives under 4 GiB), no encryption.
 *
 * Layout (PKWARE APPNOTE 6.3): for each file a local header (signature 0x04034b50) and its
 * data; then one central directory record per file (0x02014b50) pointing at its local header;
 * then the end of central directory record (0x06054b50). The reader trusts the central
 * directory, as unzip tools do, and checks every entry's CRC-32.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";

export class ZipFormatError extends Error {
  override name = "ZipFormatError";
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
const STORED = 0;
const DEFLATED = 8;
const LIMIT_32 = 0xffffffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, the polynomial ZIP uses) of `data`. */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date fields of `at` (its UTC reading; DOS times have no zone). */
function dosTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/**
 * A ZIP archive of `entries`, each deflated unless deflating does not make it smaller (then
 * stored). `modified` is every entry's modification time.
 */
export function writeZip(entries: readonly ZipEntry[], modified: Date): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new ZipFormatError("too many files for a ZIP without ZIP64");
  const { time, date } = dosTime(modified);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const deflated = deflateRawSync(entry.data);
    const method = deflated.length < entry.data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : entry.data;
    if (entry.data.length >= LIMIT_32 || offset + body.length >= LIMIT_32) throw new ZipFormatError("the archive would need ZIP64");
    const crc = crc32(entry.data);

    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    name.copy(local, 30);

    const record = Buffer.alloc(46 + name.length);
    record.writeUInt32LE(CENTRAL, 0);
    record.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS attributes
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(UTF8_NAMES, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(body.length, 20);
    record.writeUInt32LE(entry.data.length, 24);
    record.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: all 0
    record.writeUInt32LE(offset, 42);
    name.copy(record, 46);

    parts.push(local, body);
    central.push(record);
    offset += local.length + body.length;
  }
  const centralSize = central.reduce((n, r) => n + r.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

export interface ZipReader {
  /** The names of the files, in central directory order. */
  names: string[];
  /**
   * The file's content, inflated and CRC-checked; null when the archive has no such file.
   * Throws ZipFormatError for a damaged entry or one larger than `maxBytes`.
   */
  read(name: string, maxBytes: number): Uint8Array | null;
}

interface CentralRecord {
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Reads the central directory of a ZIP archive; throws ZipFormatError when it is not one. */
export function readZip(bytes: Uint8Array): ZipReader {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  let end = -1;
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === END && at + 22 + buf.readUInt16LE(at + 20) === buf.length) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new ZipFormatError("not a ZIP archive (no end of central directory)");
  const count = buf.readUInt16LE(end + 10);
  const centralSize = buf.readUInt32LE(end + 12);
  const centralOffset = buf.readUInt32LE(end + 16);
  if (centralOffset === LIMIT_32 || count === 0xffff) throw new ZipFormatError("ZIP64 archives are not supported");
  if (centralOffset + centralSize > end) throw new ZipFormatError("the central directory lies outside the archive");

  const records = new Map<string, CentralRecord>();
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError("a damaged central directory");
    const flags = buf.readUInt16LE(at + 8);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end) throw new ZipFormatError("a damaged central directory");
    const name = buf.toString(flags & UTF8_NAMES ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    const record: CentralRecord = {
      method: buf.readUInt16LE(at + 10),
      flags,
      crc: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
    };
    if (!records.has(name)) records.set(name, record);
    at += 46 + nameLength + extraLength + commentLength;
  }

  return {
    names: [...records.keys()],
    read(name, maxBytes) {
      const record = records.get(name);
      if (!record) return null;
      if (record.flags & 1) throw new ZipFormatError(`${name} is encrypted`);
      if (record.size === LIMIT_32 || record.compressedSize === LIMIT_32) throw new ZipFormatError("ZIP64 entries are not supported");
      if (record.size > maxBytes) throw new ZipFormatError(`${name} is larger than ${maxBytes} bytes`);
      const local = record.localOffset;
      if (local + 30 > centralOffset || buf.readUInt32LE(local) !== LOCAL) throw new ZipFormatError(`${name}: a damaged local header`);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (start + record.compressedSize > centralOffset) throw new ZipFormatError(`${name} runs past the end of the archive`);
      const body = buf.subarray(start, start + record.compressedSize);
      let data: Uint8Array;
      if (record.method === STORED) data = body;
      else if (record.method === DEFLATED) {
        try {
          data = inflateRawSync(body, { maxOutputLength: Math.max(1, maxBytes) });
        } catch {
          throw new ZipFormatError(`${name} could not be inflated (damaged, or larger than ${maxBytes} bytes)`);
        }
      } else throw new ZipFormatError(`${name} uses compression method ${record.method}, which is not supported`);
      if (data.length !== record.size || crc32(data) !== record.crc) throw new ZipFormatError(`${name} is damaged (size or CRC-32 mismatch)`);
      return data;
    },
  };
}
