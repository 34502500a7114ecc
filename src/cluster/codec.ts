/**
 * A small binary form for the clusterer's state (numbers as float64, strings
 * as UTF-8, both little-endian with length prefixes): what a store writes
 * after every step must be quick to make and to read back, and a story's
 * profile of a few hundred features is 16 bytes a feature this way against
 * about 40 as JSON. Sparse vectors keep their order: sums over a Map run in
 * its insertion order, and a restored clusterer must add up the same floats
 * in the same order as the one that never stopped.
 */
import type { PackedVec } from './neighbours.js';
import type { Vec } from './profile.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ByteWriter {
  private bytes = new Uint8Array(1024);
  private view = new DataView(this.bytes.buffer);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.at + n));
    next.set(this.bytes.subarray(0, this.at));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }

  /** A number, or undefined (written as NaN: no state holds NaN). */
  number(x: number | undefined): this {
    this.room(8);
    this.view.setFloat64(this.at, x ?? Number.NaN, true);
    this.at += 8;
    return this;
  }

  numbers(xs: ArrayLike<number>): this {
    this.number(xs.length);
    this.room(8 * xs.length);
    for (let i = 0; i < xs.length; i++) {
      this.view.setFloat64(this.at, xs[i]!, true);
      this.at += 8;
    }
    return this;
  }

  string(s: string): this {
    const b = encoder.encode(s);
    this.number(b.length);
    this.room(b.length);
    this.bytes.set(b, this.at);
    this.at += b.length;
    return this;
  }

  /** A sparse vector, in its order. */
  vec(v: Vec): this {
    this.numbers([...v.keys()]);
    return this.numbers([...v.values()]);
  }

  packed(p: PackedVec): this {
    return this.numbers(p.ids).numbers(p.weights);
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.at);
  }
}

export class ByteReader {
  private readonly view: DataView;
  private at = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  number(): number {
    const x = this.view.getFloat64(this.at, true);
    this.at += 8;
    return x;
  }

  /** A number written as possibly undefined. */
  optional(): number | undefined {
    const x = this.number();
    return Number.isNaN(x) ? undefined : x;
  }

  numbers(): Float64Array {
    const n = this.number();
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.view.getFloat64(this.at + 8 * i, true);
    this.at += 8 * n;
    return out;
  }

  string(): string {
    const n = this.number();
    const s = decoder.decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }

  vec(): Vec {
    const ids = this.numbers();
    const weights = this.numbers();
    const v: Vec = new Map();
    for (let i = 0; i < ids.length; i++) v.set(ids[i]!, weights[i]!);
    return v;
  }

  packed(): PackedVec {
    const ids = this.numbers();
    return { ids, weights: this.numbers() };
  }
}
