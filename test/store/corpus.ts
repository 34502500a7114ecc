import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DATA } from '../../bench/lib.js';
import { extract } from '../../src/extract/index.js';
import { documentToRaw } from '../../src/ingest/document.js';
import { SETTLE_AFTER_IMPORT } from '../../src/store/queue.js';
import { createClusterer } from '../../src/store/stages.js';
import type { Document } from '../../src/types.js';
import { syntheticDocument } from './suite.js';

/**
 * A corpus of n distinct articles for the reliability tests: the ECB+ texts
 * (cycled, each copy made distinct by a dateline) when ../shared is present,
 * synthetic articles otherwise.
 */
export function corpus(n: number): Document[] {
  const file = path.join(SHARED_DATA, 'ecbplus-dev.jsonl');
  if (!existsSync(file)) return Array.from({ length: n }, (_, i) => syntheticDocument(i, `topic${i % 40}`));
  const base = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; text: string });
  return Array.from({ length: n }, (_, i) => {
    const src = base[i % base.length]!;
    const copy = Math.floor(i / base.length);
    return { id: `${src.id}-${copy}`, text: copy === 0 ? src.text : `${src.text}\nReported again by desk ${copy}, edition ${copy * 7 + 1}.` };
  });
}

export function writeJsonl(file: string, docs: Document[]): void {
  writeFileSync(file, `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
}

/** What one process reading the documents in order must store: article ids and stories, as a canonical partition. */
export async function expectedStories(docs: Document[], file: string): Promise<{ ids: string[]; partition: string }> {
  const clusterer = createClusterer();
  const assigned: [string, string][] = [];
  docs.forEach((d, i) => {
    try {
      const a = extract(documentToRaw(d, `${file}:${i + 1}`));
      assigned.push([a.id, clusterer.add({ id: a.id, title: a.title, text: a.text, publishedAt: a.publishedAt })]);
    } catch {
      // Failed extractions are reported by ingest and stored nowhere.
    }
  });
  // One ingest of them all is a batch import: the store settles the stories after its last article.
  if (docs.length >= SETTLE_AFTER_IMPORT) clusterer.settle?.();
  return { ids: assigned.map(([id]) => id).sort(), partition: partitionKey(assigned.map(([id, s]) => [id, clusterer.resolve(s)])) };
}

/** A partition of articles into stories, as a string independent of order (story ids included). */
export function partitionKey(members: [string, string][]): string {
  const by = new Map<string, string[]>();
  for (const [id, story] of members) by.set(story, [...(by.get(story) ?? []), id]);
  return [...by.entries()]
    .map(([story, ids]) => `${story}:${ids.sort().join(',')}`)
    .sort()
    .join('\n');
}

/** Starts the built CLI in the background. */
export function spawnCli(args: string[]): ChildProcess & { done: Promise<number> } {
  const child = spawn(process.execPath, ['bin/newsfuse', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const done = new Promise<number>((resolve) => child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGKILL') process.stderr.write(`# newsfuse ${args.join(' ')} exited ${code ?? signal}: ${stderr.slice(-2000)}\n`);
    resolve(code ?? -1);
  }));
  return Object.assign(child, { done });
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
