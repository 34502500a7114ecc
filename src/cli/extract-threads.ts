import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Article, ExtractInput } from '../types.js';

/**
 * Extraction of many documents on worker threads, for `newsfuse extract`
 * over a folder or an archive: the main thread reads and decodes the inputs
 * and writes the rows in order while the threads extract. Each document goes
 * to the thread with the fewest in hand.
 */

export interface ExtractThreadRequest {
  id: number;
  raw: ExtractInput;
}

/** The article, or the ExtractError's message (refused), or any other error's (crashed). */
export type ExtractThreadReply = { id: number; article: Article } | { id: number; refused: string } | { id: number; crashed: string };

/** From this module's folder, or from the CLI's bundle (scripts/build-cli.mjs): the same file. */
const SCRIPT = fileURLToPath(new URL('../cli/extract-thread.js', import.meta.url));

export class ExtractThreads {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { worker: Worker; resolve: (r: ExtractThreadReply) => void; reject: (err: Error) => void }>();
  private next = 0;

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(SCRIPT);
      w.on('message', (reply: ExtractThreadReply) => {
        this.waiting.get(reply.id)?.resolve(reply);
        this.waiting.delete(reply.id);
      });
      const fail = (err: Error): void => {
        for (const [id, entry] of this.waiting) {
          if (entry.worker !== w) continue;
          this.waiting.delete(id);
          entry.reject(err);
        }
      };
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`extraction thread exited (${code})`)));
      return w;
    });
  }

  submit(raw: ExtractInput): Promise<ExtractThreadReply> {
    const load = new Map(this.workers.map((w) => [w, 0]));
    for (const entry of this.waiting.values()) load.set(entry.worker, (load.get(entry.worker) ?? 0) + 1);
    const worker = this.workers.reduce((best, w) => ((load.get(w) ?? 0) < (load.get(best) ?? 0) ? w : best));
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { worker, resolve, reject });
      worker.postMessage({ id, raw: { id: raw.id, format: raw.format, content: raw.content, url: raw.url, title: raw.title, publishedAt: raw.publishedAt, source: raw.source } } satisfies ExtractThreadRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
