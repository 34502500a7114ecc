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
 * Escape for HTML text AND quoted attribute values: all five significant
 * characters plus the backtick (old IE treated it as an attribute quote).
 * Also drops C0 controls (except tab/newline) and lone surrogates, which are
 * parse errors in HTML and have no business in a news brief.
 */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
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
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat
    .split(' ')
    .map((word) => {
      let w = word.replace(MD_INLINE, (c) => `\\${c}`);
      // "# x" heading, "#tag" is harmless inline but "#" alone or "##" at a line start is a heading
      if (/^#/.test(w)) w = `\\${w}`;
      // "- x", "+ x", "= ===" list bullets and setext underlines
      else if (/^[-+=]+$/.test(w)) w = `\\${w}`;
      // "1. x" / "1) x" ordered list items
      else w = w.replace(/^(\d{1,9})([.)])$/, '$1\\$2');
      return w;
    })
    .join(' ');
}

/** Undo escapeMarkdown's backslashes: for tests and for comparing rendered text. */
export function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
