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
  /** Called for each document found in the store already: done before (a duplicate), or failed before (with its reason). */
  onKnown: (raw: RawDocument, failed?: string) => void = () => undefined;
  /** Content hashes this intake queued itself (the others it holds were queued by an ingest before or beside it). */
  private readonly mine = new Set<string>();

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
    for (const a of accepted) {
      this.mine.add(a.raw.contentHash);
      this.hold(a.raw, a.seq);
    }
    // A duplicate whose job is unfinished was queued by an ingest that died, or by one running beside this one: it is finished here too (counted new only if this process stores it).
    const states = await jobStates(this.engine, duplicates.map((d) => d.contentHash));
    for (const d of duplicates) {
      const job = states.get(d.contentHash);
      const unfinished = job !== undefined && (job.state === 'queued' || job.state === 'running');
      // The same content twice in this very intake is a plain duplicate too.
      if (unfinished && !this.held.has(d.contentHash)) this.hold(d, job.seq);
      else {
        this.finished++;
        this.onKnown(d, job?.state === 'failed' && !this.held.has(d.contentHash) ? `failed before, not retried: ${job.error ?? 'failed'}` : undefined);
      }
    }
  }

  /** Whether this intake queued the document itself (rather than finding it queued). */
  enqueuedHere(hash: string): boolean {
    return this.mine.has(hash);
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

/** The jobs of these hashes: their sequence number, state and error. */
async function jobStates(engine: SqlEngine, hashes: string[]): Promise<Map<string, { seq: number; state: string; error: string | null }>> {
  const out = new Map<string, { seq: number; state: string; error: string | null }>();
  for (let i = 0; i < hashes.length; i += MAX_IN_LIST) {
    const chunk = hashes.slice(i, i + MAX_IN_LIST);
    const rows = await engine.all<{ hash: string; seq: number; state: string; error: string | null }>(
      `SELECT hash, seq, state, error FROM jobs WHERE hash IN (${inList(chunk.length)})`,
      chunk,
    );
    for (const r of rows) out.set(r.hash, { seq: Number(r.seq), state: r.state, error: r.error });
  }
  return out;
}

/** The documents in chunks of `size`, for a caller that has them all already. */
export function* chunksOf(raws: RawDocument[], size: number): Generator<RawDocument[]> {
  for (let i = 0; i < raws.length; i += size) yield raws.slice(i, i + size);
}
