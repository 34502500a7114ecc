import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read at a time from a file cut into lines: the file is never held whole. */
const CHUNK_BYTES = 2 ** 20;

/** One line of a file: its text, or only its size when it is longer than the limit (its bytes are skipped, not kept). */
export interface FileLine {
  /** 1-based. */
  number: number;
  text?: string;
  bytes: number;
}

/**
 * Cuts UTF-8 bytes, pushed a chunk at a time, into lines (a newline byte
 * never occurs inside a multi-byte character, so lines can be cut from raw
 * bytes). A line longer than the limit keeps nothing but its size, so memory
 * stays bounded whatever the input. A byte-order mark at the start is dropped.
 */
export class LineCutter {
  private parts: Buffer[] = [];
  private bytes = 0;
  private number = 1;

  constructor(private readonly maxLineBytes: number) {}

  *push(chunk: Uint8Array): Generator<FileLine> {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline;
      // The caller may reuse its buffer: a kept piece is copied. A line over the limit keeps nothing but its size.
      if (this.bytes + (end - start) <= this.maxLineBytes) this.parts.push(Buffer.from(chunk.subarray(start, end)));
      else this.parts = [];
      this.bytes += end - start;
      if (newline === -1) return;
      yield this.line();
      start = newline + 1;
    }
  }

  /** The last line, when the input does not end with a newline. */
  *end(): Generator<FileLine> {
    if (this.bytes > 0) yield this.line();
  }

  private line(): FileLine {
    const text = this.bytes > this.maxLineBytes ? undefined : Buffer.concat(this.parts).toString('utf8');
    const out = { number: this.number, text: this.number === 1 && text?.startsWith('\uFEFF') ? text.slice(1) : text, bytes: this.bytes };
    this.parts = [];
    this.bytes = 0;
    this.number++;
    return out;
  }
}

/** The lines of a UTF-8 file, read `chunkBytes` at a time (see LineCutter). */
export function* fileLines(file: string, maxLineBytes: number, chunkBytes = CHUNK_BYTES): Generator<FileLine> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const cutter = new LineCutter(maxLineBytes);
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      if (read === 0) break;
      yield* cutter.push(buffer.subarray(0, read));
    }
    yield* cutter.end();
  } finally {
    closeSync(fd);
  }
}

/** The lines of a stream (standard input, a pipe), as fileLines cuts a file. */
export async function* streamLines(stream: AsyncIterable<Uint8Array | string>, maxLineBytes: number): AsyncGenerator<FileLine> {
  const cutter = new LineCutter(maxLineBytes);
  for await (const chunk of stream) yield* cutter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  yield* cutter.end();
}
