import { parentPort } from 'node:worker_threads';
import { nlp } from '../analyze/nlp.js';
import type { PoolRequest } from './pool.js';
import { prepareReplay, processRaw } from './queue.js';

/** A worker thread of the process pool: extracts, analyses and profiles the jobs it is sent, or prepares stored articles for a replay. */
parentPort?.on('message', (msg: PoolRequest) => {
  const results = msg.kind === 'process' ? msg.items.map(processRaw) : msg.items.map(prepareReplay);
  parentPort?.postMessage({ id: msg.id, results });
});

// The language model loads now, while the store is still reading and queueing the inputs, not with the first batch.
nlp();
