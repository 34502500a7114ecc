import type { RawDocument } from '../types.js';
import { enqueue } from './queue.js';
import { inList, MAX_IN_LIST, type SqlEngine } from './sql.js';

/**
 * The documents of one ingest call on their way through the queue: pulled
 * from the caller's source a chunk at a time, queued (deduplicated by content
 * hash, given their sequence numbers), and held in memory until their outcome
 * is known, so that the workers need not read them back from the database.
 */
export class Intake {
  /** Documents pulled from the source so far. */
  received = 0;
  /** Documents whose outcome is known (stored, duplicate or failed). */
  finished = 0;
  /** The highest sequence number among this intake's jobs. */
  maxSeq = 0;
  /** Whether the source has no more documents. */
  exhausted = false;
  /** This intake's queued jobs not yet taken by this process. */
  unclaimed = 0;
  /** Documents queued and not yet finished, by content hash. */
  readonly held = new Map<string, RawDocument>();
  /** Called for each document found stored already. */
  onDuplicate: (raw: RawDocument) => void = () => undefined;

  private readonly chunks: AsyncIterator<RawDocument[]> | Iterator<RawDocument[]>;

  constructor(
    private readonly engine: SqlEngine,
    source: AsyncIterable<RawDocument[]> | Iterable<RawDocument[]>,
  ) {
    this.chunks = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  get pending(): number {
    return this.held.size;
  }

  pendingHashes(): string[] {
    return [...this.held.keys()];
  }

  /** Reads the next chunk from the source and queues it. */
  async pull(): Promise<void> {
    const next = await this.chunks.next();
    if (next.done) {
      this.exhausted = true;
      return;
    }
    const raws = next.value;
    this.received += raws.length;
    const { accepted, duplicates } = await enqueue(this.engine, raws);
    for (const a of accepted) this.hold(a.raw, a.seq);
    // A duplicate whose job is unfinished was queued by an ingest that died: it is finished here, as new.
    const unfinished = await unfinishedJobs(this.engine, duplicates.map((d) => d.contentHash));
    for (const d of duplicates) {
      const seq = unfinished.get(d.contentHash);
      // The same content twice in this very intake is a plain duplicate too.
      if (seq === undefined || this.held.has(d.contentHash)) {
        this.finished++;
        this.onDuplicate(d);
      } else this.hold(d, seq);
    }
  }

  /** Counts the jobs this process has just taken. */
  claimed(jobs: { raw: RawDocument }[]): void {
    const mine = jobs.filter((j) => this.held.has(j.raw.contentHash)).length;
    this.unclaimed = Math.max(0, this.unclaimed - mine);
  }

  /** The document of a finished job, now released; undefined when the job is not this intake's. */
  release(hash: string): RawDocument | undefined {
    const raw = this.held.get(hash);
    if (raw === undefined) return undefined;
    this.held.delete(hash);
    this.finished++;
    return raw;
  }

  private hold(raw: RawDocument, seq: number): void {
    this.held.set(raw.contentHash, raw);
    this.unclaimed++;
    this.maxSeq = Math.max(this.maxSeq, seq);
  }
}

/** Sequence numbers of the queued or running jobs among these hashes. */
async function unfinishedJobs(engine: SqlEngine, hashes: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < hashes.length; i += MAX_IN_LIST) {
    const chunk = hashes.slice(i, i + MAX_IN_LIST);
    const rows = await engine.all<{ hash: string; seq: number }>(
      `SELECT hash, seq FROM jobs WHERE state IN ('queued', 'running') AND hash IN (${inList(chunk.length)})`,
      chunk,
    );
    for (const r of rows) out.set(r.hash, Number(r.seq));
  }
  return out;
}

/** The documents in chunks of `size`, for a caller that has them all already. */
export function* chunksOf(raws: RawDocument[], size: number): Generator<RawDocument[]> {
  for (let i = 0; i < raws.length; i += size) yield raws.slice(i, i + size);
}
