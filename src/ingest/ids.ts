/**
 * Article ids come from outside (file names, Document rows, API bodies) and
 * end up in URLs, file names a user may write, HTML and SQL. They are kept to
 * a safe set: letters, digits and `. _ - ~ : @ + = , !`; any other character
 * is percent-encoded as UTF-8 (`a/b` → `a%2Fb`, a space → `%20`), and an id
 * of dots alone (`.`, `..`) has its dots encoded, so that no id is ever a
 * path step, a query, markup or a control character.
 */

const SAFE_CHAR = /[\p{L}\p{M}\p{N}._~:@+=,!-]/u;
/** Longest id, as given and as stored (the API's routes take ids up to this length). */
export const MAX_ID_CHARS = 512;

/** The id as stored: unchanged when every character is safe, percent-encoded otherwise. */
export function safeId(id: string): string {
  let out = '';
  for (const ch of id) out += SAFE_CHAR.test(ch) ? ch : encodeChar(ch);
  if (/^\.+$/.test(out)) out = out.replace(/\./g, '%2E');
  return out;
}

function encodeChar(ch: string): string {
  let out = '';
  for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}
