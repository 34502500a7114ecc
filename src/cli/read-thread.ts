import { parentPort, workerData } from 'node:worker_threads';
import { prepareInput } from '../extract/prepare.js';
import { isProblem } from '../ingest/document.js';
import { readEach } from '../ingest/files.js';
import type { ExtractedDocument, ReadThreadData, ReadThreadMessage } from './read-ahead.js';

/**
 * The reading thread of `newsfuse extract` (read-ahead.ts): reads the inputs
 * as the main thread would (readEach: order, limits, problems, unique ids)
 * and prepares each document for extraction (prepareInput: the checks, a
 * page's raw-text bodies stripped). A prepared document goes to the main
 * thread while it has fewer than `ahead` waiting; beyond that, rather than
 * wait, this thread extracts the document itself and sends the article.
 * Everything is posted in input order.
 */
const port = parentPort!;
const { inputs, ahead } = workerData as ReadThreadData;
let credit = ahead;
// Each message from the main thread is one prepared document taken: room for one more.
port.on('message', () => {
  credit++;
});

let extractor: typeof import('../extract/index.js') | undefined;
const post = (message: ReadThreadMessage): void => port.postMessage(message);
try {
  for await (const item of readEach(inputs)) {
    if (isProblem(item)) {
      post({ problem: item });
      continue;
    }
    const doc = prepareInput(item);
    // Credits arrive as messages: let them in before deciding.
    if (credit === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    if (credit > 0 || doc.refused !== undefined) {
      if (doc.refused === undefined) credit--;
      post({ doc });
      continue;
    }
    extractor ??= await import('../extract/index.js');
    post({ extracted: extractHere(extractor, doc) });
  }
  post({ done: true });
} catch (err) {
  post({ failed: err instanceof Error ? err.message : String(err) });
}
port.close();

function extractHere(ex: typeof import('../extract/index.js'), doc: ReturnType<typeof prepareInput<import('../types.js').RawDocument>>): ExtractedDocument {
  const about = { id: doc.id, origin: doc.origin, warnings: doc.warnings };
  try {
    return { ...about, article: ex.extractPrepared(doc) };
  } catch (err) {
    if (err instanceof ex.ExtractError) return { ...about, refused: err.message };
    return { ...about, crashed: err instanceof Error ? err.message : String(err) };
  }
}
