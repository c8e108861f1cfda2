import { fstatSync, readSync } from "node:fs";
import { endianness } from "node:os";
import { crc32 } from "node:zlib";
import { z } from "zod";

/**
 * The snapshot file's frame: a short text head naming the format, version, fingerprint and where
 * each section lies, then the sections themselves, each with its CRC-32.
 *
 *   TIJARAT SNAPSHOT\n{"version":5,"fingerprint":"…","endian":"LE","sections":[…]}\n<pad><sections>
 *
 * Sections are bytes (JSON text, UTF-8 article text, or little-endian Uint32 arrays), each starting
 * at a multiple of 8 so arrays can be read in place. No section holds the whole snapshot as one
 * string: V8 strings stop at about 512 MB, which one JSON text of a 1,000,000-passage engine
 * passes. The fingerprint sits in the head so that a reader checks it from the first bytes.
 */

const MAGIC = "TIJARAT SNAPSHOT\n";
/** Where the head must end; a head is a few hundred bytes. */
export const HEAD_BYTES = 16 * 1024;
const ALIGN = 8;

/** Why a snapshot cannot be used: loadEngine rebuilds from the corpus on any of these. */
export class SnapshotError extends Error {
  override name = "SnapshotError";
}

const SectionSchema = z.object({
  name: z.string(),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  crc: z.number().int().nonnegative(),
});

const HeadSchema = z.object({
  version: z.number(),
  fingerprint: z.string(),
  endian: z.enum(["LE", "BE"]),
  sections: z.array(SectionSchema),
});

type Head = z.infer<typeof HeadSchema>;

const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/**
 * The snapshot file's bytes, head then each section in order, as parts to write one after
 * another: no second copy of the whole snapshot is made (at 1,000,000 passages, over a GB).
 */
export function frameSections(
  version: number,
  fingerprint: string,
  sections: ReadonlyMap<string, Uint8Array>,
): Uint8Array[] {
  const table: Head["sections"] = [];
  let offset = 0;
  for (const [name, bytes] of sections) {
    table.push({ name, offset, length: bytes.length, crc: crc32(bytes) });
    offset = align(offset + bytes.length);
  }
  const head = Buffer.from(
    `${MAGIC}${JSON.stringify({ version, fingerprint, endian: endianness(), sections: table } satisfies Head)}\n`,
  );
  if (head.length > HEAD_BYTES) throw new Error("Tijarat: snapshot head too long");
  const padding = (n: number) => new Uint8Array(align(n) - n);
  const parts: Uint8Array[] = [head, padding(head.length)];
  for (const bytes of sections.values()) parts.push(bytes, padding(bytes.length));
  return parts;
}

/** The head of a snapshot's first bytes, or null for anything else (an older JSON snapshot). */
function readHead(bytes: Uint8Array): { head: Head; start: number } | null {
  const magic = Buffer.from(MAGIC);
  if (bytes.length < magic.length || !magic.equals(bytes.subarray(0, magic.length))) return null;
  const end = bytes.indexOf(0x0a, magic.length);
  if (end === -1) return null;
  try {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + magic.length, end - magic.length);
    const head = HeadSchema.safeParse(JSON.parse(text.toString("utf8")));
    return head.success ? { head: head.data, start: align(end + 1) } : null;
  } catch {
    return null;
  }
}

/** The fingerprint in a snapshot's head (its first `HEAD_BYTES` are enough), or null. */
export function fingerprintOf(bytes: Uint8Array): string | null {
  return readHead(bytes)?.head.fingerprint ?? null;
}

/**
 * Where a snapshot's bytes come from: all of them in memory, or a file read a section at a time
 * (`length` bytes at `position`, fewer at the file's end).
 */
export type SnapshotSource =
  | Uint8Array
  | { size: number; read: (position: number, length: number) => Uint8Array };

/**
 * A snapshot's sections, each checked against its CRC when first read. Read from a file, each
 * section is read into memory of its own, so what a load keeps (the index's arrays) is neither
 * copied out of the file's bytes nor keeps the rest of them alive.
 */
export class SnapshotSections {
  readonly fingerprint: string;
  readonly #source: SnapshotSource;
  readonly #size: number;
  readonly #start: number;
  readonly #table: Map<string, Head["sections"][number]>;

  constructor(source: SnapshotSource, version: number) {
    const size = source instanceof Uint8Array ? source.length : source.size;
    const first =
      source instanceof Uint8Array ? source : source.read(0, Math.min(size, HEAD_BYTES));
    const read = readHead(first);
    if (!read) throw new SnapshotError("not a Tijarat snapshot, or its head is damaged");
    const { head, start } = read;
    if (head.version !== version) {
      throw new SnapshotError(`snapshot version ${head.version}, this code reads ${version}`);
    }
    if (head.endian !== endianness()) throw new SnapshotError("snapshot of another byte order");
    this.fingerprint = head.fingerprint;
    this.#source = source;
    this.#size = size;
    this.#start = start;
    this.#table = new Map(head.sections.map((s) => [s.name, s]));
  }

  /** Whether a section's bytes are its own memory (read from a file), not a view of the whole. */
  get ownsSections(): boolean {
    return !(this.#source instanceof Uint8Array);
  }

  bytes(name: string): Uint8Array {
    const entry = this.#table.get(name);
    if (!entry) throw new SnapshotError(`snapshot has no ${name} section`);
    const from = this.#start + entry.offset;
    if (from + entry.length > this.#size) {
      throw new SnapshotError(`snapshot is cut short in its ${name} section`);
    }
    const source = this.#source;
    const bytes =
      source instanceof Uint8Array
        ? source.subarray(from, from + entry.length)
        : source.read(from, entry.length);
    if (bytes.length !== entry.length) {
      throw new SnapshotError(`snapshot is cut short in its ${name} section`);
    }
    if (crc32(bytes) !== entry.crc) throw new SnapshotError(`snapshot ${name} section is damaged`);
    return bytes;
  }

  json(name: string): unknown {
    const bytes = this.bytes(name);
    try {
      return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8"));
    } catch {
      throw new SnapshotError(`snapshot ${name} section is not JSON`);
    }
  }

  /**
   * A Uint32 section. `copy`: its own memory, so the snapshot's bytes need not stay alive for it;
   * otherwise a view when the section is aligned in memory.
   */
  uint32(name: string, copy = false): Uint32Array {
    const bytes = this.bytes(name);
    if (bytes.length % 4 !== 0) throw new SnapshotError(`snapshot ${name} section is not Uint32`);
    // A section read on its own is the caller's already: a view of it copies nothing.
    if ((!copy || this.ownsSections) && (bytes.byteOffset & 3) === 0) {
      return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    }
    const own = new Uint8Array(bytes);
    return new Uint32Array(own.buffer, 0, own.length / 4);
  }
}

/** A snapshot file as a source: its size now, each section read when asked for. */
export function fileSource(fd: number): SnapshotSource {
  const { size } = fstatSync(fd);
  return {
    size,
    read(position, length) {
      // Each section in memory of its own: a pooled Buffer would share it with others.
      const buffer = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, position + done);
        if (n === 0) break;
        done += n;
      }
      return done === length ? buffer : buffer.subarray(0, done);
    },
  };
}

/** A Uint32 array's bytes, for a section. */
export const uint32Bytes = (array: Uint32Array): Uint8Array =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** A value as a JSON section. */
export const jsonBytes = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), "utf8");
