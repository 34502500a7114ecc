import type { OutletSupport } from '../src/outlets/support.js';
import type { ArticleView, SearchResult, SnippetPart } from '../src/store/catalog.js';
import type { Brief, StorySummary } from '../src/types.js';

export type { ArticleView, Brief, SearchResult, SnippetPart, StorySummary };

/** GET /api/stories/:id/outlets: the story's support by the user's outlet metadata (empty without an outlets file). */
export type OutletView = OutletSupport & { outlets: number };

export interface StoryPage {
  total: number;
  limit: number;
  offset: number;
  stories: StorySummary[];
}

/** A failed API call, with the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'newsfuse-token';

/** Last body seen per path, and how many fetched bodies differed from it: a refresh with no change leaves the page alone. */
const lastBody = new Map<string, string>();
let changedBodies = 0;

/** Resets the count of changed responses (call before a refresh). */
export function resetChanges(): void {
  changedBodies = 0;
}

export function changesSinceReset(): number {
  return changedBodies;
}

export function hasToken(): boolean {
  return Boolean(sessionStorage.getItem(TOKEN_KEY));
}

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** GET a JSON resource of this server, with the reader's token when one was entered. */
export async function getJson<T>(path: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { headers, cache: 'no-store' });
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    try {
      const body = (await res.json()) as { message?: unknown };
      if (typeof body.message === 'string') message = body.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(res.status, message);
  }
  const text = await res.text();
  if (lastBody.get(path) !== text) changedBodies += 1;
  lastBody.set(path, text);
  return JSON.parse(text) as T;
}

/**
 * Follows a download link. Without a token the browser does it by itself;
 * with one (reads need it), the file is fetched with the token and saved
 * from memory, since a plain link cannot carry an Authorization header.
 */
export async function downloadWithToken(ev: MouseEvent, link: HTMLAnchorElement): Promise<void> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return;
  ev.preventDefault();
  const res = await fetch(link.href, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!res.ok) throw new ApiError(res.status, `${res.status} ${res.statusText}`);
  const url = URL.createObjectURL(await res.blob());
  const save = document.createElement('a');
  save.href = url;
  save.download = link.getAttribute('download') || 'newsfuse-export';
  document.body.appendChild(save);
  save.click();
  save.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
