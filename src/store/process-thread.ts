import { parentPort } from 'node:worker_threads';
import { nlp } from '../analyze/nlp.js';
import type { RawDocument } from '../types.js';
import { processRaw } from './queue.js';

/** A worker thread of the process pool: extracts, analyses and profiles the jobs it is sent. */
parentPort?.on('message', (msg: { id: number; jobs: { raw: RawDocument; seq: number }[] }) => {
  parentPort?.postMessage({ id: msg.id, results: msg.jobs.map(processRaw) });
});

// The language model loads now, while the store is still reading and queueing the inputs, not with the first batch.
nlp();
