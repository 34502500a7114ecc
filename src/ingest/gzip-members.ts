import { once } from 'node:events';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';

/**
 * The decompressed bytes of a gzip file, member by member, surviving damage:
 * a corrupt or truncated member is reported as a break (its bytes so far were
 * given out, the rest are lost) and reading goes on at the next gzip member
 * found after it. WARC archives such as CC-NEWS gzip each record on its own,
 * so one bad record costs that record, not the rest of the archive.
 */

/** Decompressed bytes, or a break: what follows is not the continuation of what came before. */
export type Piece = Buffer | { broken: string };

/** Compressed bytes read at a time. */
const READ_BYTES = 256 * 1024;
const GZIP_MAGIC = [0x1f, 0x8b, 0x08] as const;
/** Gzip header flags (RFC 1952). */
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const FRESERVED = 0xe0;
/** The CRC32 and the size after each member's deflate data. */
const TRAILER_BYTES = 8;

export function isGzip(head: Uint8Array): boolean {
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

export async function* gzipMembers(file: string): AsyncGenerator<Piece> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    let pos = 0;
    while (pos < size) {
      const header = await gzipHeaderLength(fh, pos, size);
      if (header === undefined) {
        yield { broken: `not gzip data at byte ${pos}` };
        const next = await findMember(fh, pos + 1, size);
        if (next === undefined) return;
        pos = next;
        continue;
      }
      const inflated = yield* inflateMember(fh, pos + header, size);
      if ('broken' in inflated) {
        yield { broken: `${inflated.broken} (gzip member at byte ${pos})` };
        const next = await findMember(fh, pos + 1, size);
        if (next === undefined) return;
        pos = next;
        continue;
      }
      pos += header + inflated.consumed + TRAILER_BYTES;
    }
  } finally {
    await fh.close();
  }
}

/** The length of the gzip header at `pos`, or undefined when there is none. */
async function gzipHeaderLength(fh: FileHandle, pos: number, size: number): Promise<number | undefined> {
  const head = Buffer.alloc(Math.min(64 * 1024, size - pos));
  await fh.read(head, 0, head.length, pos);
  if (head.length < 10 || head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1] || head[2] !== GZIP_MAGIC[2]) return undefined;
  const flags = head[3]!;
  if (flags & FRESERVED) return undefined;
  let at = 10;
  if (flags & FEXTRA) {
    if (head.length < at + 2) return undefined;
    at += 2 + head.readUInt16LE(at);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = head.indexOf(0, at);
    if (end < 0) return undefined;
    at = end + 1;
  }
  if (flags & FHCRC) at += 2;
  return at <= head.length ? at : undefined;
}

/** The first plausible gzip member header at or after `from`. */
async function findMember(fh: FileHandle, from: number, size: number): Promise<number | undefined> {
  const buf = Buffer.alloc(READ_BYTES + 2);
  for (let pos = from; pos < size; pos += READ_BYTES) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    const chunk = buf.subarray(0, bytesRead);
    for (let i = chunk.indexOf(GZIP_MAGIC[0]); i >= 0 && i < READ_BYTES; i = chunk.indexOf(GZIP_MAGIC[0], i + 1)) {
      if (chunk[i + 1] === GZIP_MAGIC[1] && chunk[i + 2] === GZIP_MAGIC[2] && (await gzipHeaderLength(fh, pos + i, size)) !== undefined) return pos + i;
    }
  }
  return undefined;
}

/**
 * Inflates the deflate data starting at `start`, giving out its bytes as they
 * come; returns how many compressed bytes it took (the member's end is where
 * the deflate data ends), or why it broke off.
 */
async function* inflateMember(fh: FileHandle, start: number, size: number): AsyncGenerator<Buffer, { consumed: number } | { broken: string }> {
  const inflate = createInflateRaw();
  let ended = false;
  let failure: Error | undefined;
  inflate.on('end', () => (ended = true));
  inflate.on('error', (err) => (failure = err));
  const stopped = new Promise<void>((resolve) => {
    inflate.once('end', () => resolve());
    inflate.once('error', () => resolve());
    inflate.once('close', () => resolve());
  });
  // Compressed bytes go in as fast as the output is taken; the pump stops when the deflate data ends.
  const pump = (async () => {
    for (let pos = start; !ended && failure === undefined; ) {
      const chunk = Buffer.alloc(Math.min(READ_BYTES, size - pos));
      const { bytesRead } = chunk.length > 0 ? await fh.read(chunk, 0, chunk.length, pos) : { bytesRead: 0 };
      if (bytesRead === 0) {
        if (!ended && failure === undefined) inflate.end();
        return;
      }
      pos += bytesRead;
      if (!inflate.write(chunk.subarray(0, bytesRead))) await Promise.race([once(inflate, 'drain'), stopped]);
    }
  })().catch((err: unknown) => {
    failure ??= err instanceof Error ? err : new Error(String(err));
    inflate.destroy();
  });
  try {
    for await (const out of inflate) yield out as Buffer;
  } catch (err) {
    failure ??= err as Error;
  }
  await pump;
  if (failure !== undefined) return { broken: failure.message === 'unexpected end of file' ? 'truncated gzip data' : `corrupt gzip data: ${failure.message}` };
  return { consumed: inflate.bytesWritten };
}
