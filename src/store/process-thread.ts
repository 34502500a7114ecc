import { parentPort } from 'node:worker_threads';
import type { RawDocument } from '../types.js';
import { processRaw } from './queue.js';

/** A worker thread of the process pool: extracts and analyses the jobs it is sent. */
parentPort?.on('message', (msg: { id: number; jobs: { raw: RawDocument; seq: number }[] }) => {
  parentPort?.postMessage({ id: msg.id, results: msg.jobs.map(processRaw) });
});
