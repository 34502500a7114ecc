import type { Piece } from './gzip-members.js';

/**
 * Buffered reading over a stream of byte pieces with breaks in it (see
 * gzip-members.ts): a record parser fills what it needs, looks, and consumes;
 * a break stops every fill until the parser takes it. Chunks are joined only
 * when a fill needs them, once per fill, so reading a record costs its size
 * in copying, not its size times its number of chunks.
 */
export class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private pendingBreak: string | undefined;
  private finished = false;
  /** Bytes consumed so far (for messages). */
  offset = 0;

  constructor(private readonly source: AsyncIterator<Piece>) {}

  /** Buffers at least `n` bytes unless a break or the end comes first; returns how many are buffered. */
  async fill(n: number): Promise<number> {
    if (this.buf.length >= n || this.pendingBreak !== undefined || this.finished) return this.buf.length;
    const parts: Buffer[] = [this.buf];
    let have = this.buf.length;
    while (have < n && this.pendingBreak === undefined && !this.finished) {
      const next = await this.source.next();
      if (next.done) this.finished = true;
      else if (Buffer.isBuffer(next.value)) {
        parts.push(next.value);
        have += next.value.length;
      } else this.pendingBreak = next.value.broken;
    }
    this.buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, have);
    return this.buf.length;
  }

  /** The buffered bytes (valid until the next fill or consume). */
  get bytes(): Buffer {
    return this.buf;
  }

  consume(n: number): void {
    const k = Math.min(n, this.buf.length);
    this.buf = this.buf.subarray(k);
    this.offset += k;
  }

  /** A break reached with nothing buffered before it: its reason, now passed. */
  takeBreak(): string | undefined {
    if (this.buf.length > 0 || this.pendingBreak === undefined) return undefined;
    const reason = this.pendingBreak;
    this.pendingBreak = undefined;
    return reason;
  }

  /** Drops what is buffered up to the pending break (a record cut by it) and returns the break's reason. */
  dropToBreak(): string | undefined {
    if (this.pendingBreak === undefined) return undefined;
    this.consume(this.buf.length);
    return this.takeBreak();
  }

  get atBreak(): boolean {
    return this.pendingBreak !== undefined;
  }

  /** Nothing buffered, no break pending, and the source is done. */
  get ended(): boolean {
    return this.finished && this.buf.length === 0 && this.pendingBreak === undefined;
  }
}
