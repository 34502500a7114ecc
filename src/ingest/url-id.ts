import { sha256Hex } from './document.js';

/** Hex digits of the URL hash kept in an id: 64 bits, collisions negligible below billions of pages. */
const URL_ID_HEX = 16;

/** The id of an article known by URL (DESIGN.md: a stable hash of its canonical URL). */
export function urlId(canonical: string): string {
  return `u${sha256Hex(canonical).slice(0, URL_ID_HEX)}`;
}
