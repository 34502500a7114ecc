/**
 * Article text is untrusted: a page can put anything in its title, its
 * quotes or its URL. Every renderer passes every string that came from an
 * article through one of these functions, and nowhere else builds markup
 * from article text.
 */
import { cleanText } from './sanitize.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

const NEEDS_HTML_WORK = /[&<>"'`]/;

/**
 * Escape for HTML text AND quoted attribute values: all five significant
 * characters plus the backtick (old IE treated it as an attribute quote).
 * Cleans first (sanitize.ts: controls, bidi controls, lone surrogates), so no
 * caller can forget it.
 */
export function escapeHtml(value: unknown): string {
  const text = cleanText(String(value ?? ''));
  // Most strings need nothing: one scan instead of a replace keeps a 200-source page fast.
  if (!NEEDS_HTML_WORK.test(text)) return text;
  return text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] as string);
}

/**
 * The URL when it is an absolute http(s) URL, else undefined. Parsing (not a
 * prefix test) is what catches "java\tscript:", " javascript:" and entity
 * tricks; the result is the parser's normalised href, so what is linked is
 * what was checked.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined; // credentials in a link are a phishing pattern
  return url.href;
}

/**
 * Characters that are Markdown syntax anywhere in a line: emphasis, code,
 * links, raw HTML, tables, strikethrough, and the backslash itself.
 */
const MD_INLINE = /[\\`*_[\]<>|~]/g;

/**
 * Make untrusted text one line of literal Markdown: whitespace (newlines
 * included) collapsed, inline syntax backslash-escaped, and words that would
 * start a block (heading, list item, quote, thematic break) when a line is
 * wrapped before them neutralised. Wrapping may put any word at the start of
 * a line, so block syntax is escaped at every word, not only the first.
 */
export function escapeMarkdown(value: string): string {
  const flat = cleanText(String(value ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  return (
    flat
      .replace(MD_INLINE, '\\$&')
      // "&amp;" would show as "&": keep entity-looking text literal
      .replace(/&(?=#?\w+;)/g, '\\&')
      // "#"s open a heading, a word of "-", "+" or "=" a list item or setext underline
      .replace(/(^| )(#|[-+=]+(?= |$))/g, '$1\\$2')
      // "12." opens an ordered list at the start of an item; after a wrap only "1." can interrupt a paragraph
      .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2')
      .replace(/( 0*1)([.)])(?= |$)/g, '$1\\$2')
  );
}

/** Undo escapeMarkdown's backslashes: for tests and for comparing rendered text. */
export function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
