import { parentPort, workerData } from 'node:worker_threads';
import { prepareInput, preparePage } from '../extract/prepare.js';
import { isProblem } from '../ingest/document.js';
import { readEach } from '../ingest/files.js';
import type { ReadThreadData, ReadThreadMessage } from './read-ahead.js';

/**
 * The reading thread of `newsfuse extract` (read-ahead.ts): reads the inputs
 * as the main thread would (readEach: order, limits, problems, unique ids),
 * prepares each document for extraction (prepareInput: the checks, a page's
 * raw-text bodies stripped) and posts it, in input order, never more than
 * `ahead` documents before the main thread has taken them.
 */
const port = parentPort!;
const { inputs, ahead } = workerData as ReadThreadData;
let credit = ahead;
// Each message from the main thread is one prepared document taken: room for one more.
port.on('message', () => {
  credit++;
  wake?.();
  wake = undefined;
});

let wake: (() => void) | undefined;
const post = (message: ReadThreadMessage): void => port.postMessage(message);
try {
  // Each item's place in readEach's order: the main thread drops those it read itself while this thread started.
  let index = 0;
  for await (const item of readEach(inputs, {}, new Set(), preparePage)) {
    if (isProblem(item)) {
      post({ problem: item, index: index++ });
      continue;
    }
    // Pages and texts come prepared from their bytes; the documents of .json and .jsonl files are prepared here.
    const doc = 'content' in item ? prepareInput(item) : item;
    if (doc.refused === undefined) {
      while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
      credit--;
    }
    post({ doc, index: index++ });
  }
  post({ done: true });
} catch (err) {
  post({ failed: err instanceof Error ? err.message : String(err) });
}
port.close();
