import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { Catalog } from '../../src/store/catalog.js';
import type { StorySummary } from '../../src/types.js';
import { type RunningServer, type ServeOptions, startServer } from '../../src/server/index.js';

/** A server on a free loopback port (or the given host) over a catalog; the caller closes it. */
export async function serve(catalog: Catalog, opts: Partial<ServeOptions> = {}): Promise<RunningServer> {
  return startServer({ catalog, host: '127.0.0.1', port: 0, ...opts });
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One real HTTP request; the body is parsed as JSON when it is JSON. */
export async function call(url: string, init: RequestInit = {}): Promise<JsonResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body };
}

export function postJson(url: string, body: unknown, token?: string): Promise<JsonResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return call(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The message of a JSON error body. */
export function messageOf(body: unknown): string {
  return typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : '';
}

/** The story with the most articles (the seeds' story, however the clusterer splits them). */
export async function biggestStory(base: string): Promise<StorySummary> {
  const page = (await call(`${base}/api/stories?limit=100`)).body as { stories: StorySummary[] };
  const best = [...page.stories].sort((a, b) => b.articles - a.articles)[0];
  assert.ok(best, 'no story');
  return best;
}
