import { parentPort } from 'node:worker_threads';
import { extract, ExtractError } from '../extract/index.js';
import type { ExtractThreadReply, ExtractThreadRequest } from './extract-threads.js';

/** A thread of `newsfuse extract`: the article of each document it is sent, or why there is none. */
parentPort?.on('message', (msg: ExtractThreadRequest) => {
  let reply: ExtractThreadReply;
  try {
    reply = { id: msg.id, article: extract(msg.raw) };
  } catch (err) {
    reply = err instanceof ExtractError ? { id: msg.id, refused: err.message } : { id: msg.id, crashed: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
