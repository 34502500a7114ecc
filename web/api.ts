import type { ArticleView, SearchResult } from '../src/store/catalog.js';
import type { Brief, StorySummary } from '../src/types.js';

export type { ArticleView, Brief, SearchResult, StorySummary };

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
  return (await res.json()) as T;
}
