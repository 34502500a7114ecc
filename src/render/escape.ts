/**
 * Article text is untrusted: a page can put anything in its title, its
 * quotes or its URL. Every renderer passes every string that came from an
 * article through one of these functions, and nowhere else builds markup
 * from article text.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * C0 controls except tab/newline/CR, DEL and the C1 block: invisible in text,
 * and in a terminal ESC (0x1b) and CSI (0x9b) start control sequences that an
 * article must not be able to send (clear the screen, retitle the window, fake links).
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Bidi embeddings, overrides and isolates: in a terminal line they can reorder
 * what follows them (the citation markers included). Right-to-left text
 * displays correctly without them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

const NEEDS_HTML_WORK = /[&<>"'`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/;

/**
 * Escape for HTML text AND quoted attribute values: all five significant
 * characters plus the backtick (old IE treated it as an attribute quote).
 * Also drops control characters (except tab/newline/CR) and lone surrogates,
 * which are parse errors in HTML and have no business in a news brief.
 */
export function escapeHtml(value: unknown): string {
  const text = String(value ?? '');
  // Most strings need nothing: one scan instead of three replaces keeps a 200-source page fast.
  if (!NEEDS_HTML_WORK.test(text)) return text;
  return text
    .replace(CONTROLS, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] as string);
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
  const flat = String(value ?? '')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
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
