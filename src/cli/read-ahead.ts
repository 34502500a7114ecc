import { Worker } from 'node:worker_threads';
import type { PreparedDocument } from '../extract/prepare.js';
import type { InputProblem, RawDocument } from '../types.js';

/**
 * The documents of local inputs read on a thread of their own while the
 * main thread extracts (`newsfuse extract` over a folder): reading, gunzip,
 * stripping each page's raw-text bodies and decoding the rest (about half as
 * long as extracting them from a cold start) then run on the second core.
 * What comes back is the prepared document (extract/prepare.ts), a third of
 * the page: a whole decoded page costs the main thread about as much to
 * receive (a structured clone) as to decode itself. (Letting the reading
 * thread also extract documents when the main thread had enough waiting was
 * slower on two cores, 0.77 s against 0.73 s over the dev pages: a second
 * extractor warming up from cold costs more than it takes off the first.)
 */

/** A document as the reading thread sends it: prepared for extractPrepared (extract/prepare.ts preparePage or prepareInput). */
export type ReadDocument = PreparedDocument;

export interface ReadThreadData {
  inputs: string[];
  /** Documents the thread may post before the main thread has taken them. */
  ahead: number;
}

/** `index`: the item's place in readEach's order of the inputs. */
export type ReadThreadMessage = { doc: ReadDocument; index: number } | { problem: InputProblem; index: number } | { done: true } | { failed: string };

/** Enough documents ahead to ride out a slow page, few enough to keep memory to a handful of pages. */
const AHEAD = 8;

declare const NEWSFUSE_READ_THREAD: string | undefined;
/** The thread's script beside this module; in the CLI's bundle (scripts/build-cli.mjs) the bundle of that script. */
const SCRIPT = new URL(typeof NEWSFUSE_READ_THREAD === 'string' ? NEWSFUSE_READ_THREAD : './read-thread.js', import.meta.url);

/**
 * readEach(inputs) (ingest/files.ts) read on a thread: the same documents
 * and problems in the same order, at most `ahead` documents waiting to be
 * taken. The thread starts now, to read while the caller gets ready. A
 * thread takes longer to start (~0.1 s on this machine) than the caller to
 * load the extractor, so the first documents, until the thread's first one
 * arrives, are read here as readEach reads them (RawDocuments; at most
 * `hereFirst`) and the thread's copies of them are dropped; the rest come
 * prepared for extraction (ReadDocuments: pages and texts by preparePage).
 */
export function readAhead(inputs: string[], ahead = AHEAD, hereFirst = Infinity): AsyncGenerator<RawDocument | ReadDocument | InputProblem> {
  const worker = new Worker(SCRIPT, { workerData: { inputs, ahead } satisfies ReadThreadData });
  // Listening from the start: a message emitted before anyone listens would be lost.
  const queue: ReadThreadMessage[] = [];
  const state: { failure?: Error; wake?: () => void } = {};
  const notify = (): void => {
    state.wake?.();
    state.wake = undefined;
  };
  worker.on('message', (message: ReadThreadMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (err) => {
    state.failure = err;
    notify();
  });
  worker.on('exit', (code) => {
    state.failure ??= new Error(`the reading thread stopped (exit code ${code})`);
    notify();
  });
  return received(inputs, hereFirst, worker, queue, state);
}

async function* received(
  inputs: string[],
  hereFirst: number,
  worker: Worker,
  queue: ReadThreadMessage[],
  state: { failure?: Error; wake?: () => void },
): AsyncGenerator<RawDocument | ReadDocument | InputProblem> {
  let finished = false;
  // Items read here while the thread starts.
  let taken = 0;
  try {
    if (hereFirst > 0) {
      const { readEach } = await import('../ingest/files.js');
      const here = readEach(inputs);
      try {
        for (;;) {
          // The thread's first message, if it came, is let in before the next document is read here.
          await new Promise<void>((resolve) => setImmediate(resolve));
          if (queue.length > 0 || state.failure || taken >= hereFirst) break;
          const next = await here.next();
          // All read here before the thread sent anything: it is stopped (finally).
          if (next.done) return;
          taken++;
          yield next.value;
        }
      } finally {
        await here.return(undefined);
      }
    }
    for (;;) {
      // Messages posted before the thread exited all arrive before its exit event.
      while (queue.length === 0) {
        if (state.failure) throw state.failure;
        await new Promise<void>((resolve) => (state.wake = resolve));
      }
      const message = queue.shift()!;
      if ('done' in message) {
        finished = true;
        return;
      }
      if ('failed' in message) throw new Error(message.failed);
      if ('problem' in message) {
        if (message.index >= taken) yield message.problem;
      } else {
        if (message.doc.refused === undefined) worker.postMessage(0);
        if (message.index >= taken) yield message.doc;
      }
    }
  } finally {
    // Done, the thread ends by itself; stopped early (an error downstream), it is stopped.
    if (finished) worker.unref();
    else await worker.terminate();
  }
}
