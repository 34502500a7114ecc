/**
 * The first step of parsing a page (tree.ts), apart so that a thread that
 * reads pages (cli/read-thread.ts) can take it without the rest of the
 * extractor: the document without what never holds article text, found by
 * native string search.
 */

/**
 * The document without the bodies of scripts (JSON-LD excepted), styles,
 * inline SVG, noscript, templates, <nav> and comments, found by native string
 * search before tokenizing. They are about two thirds of the bytes of a
 * modern page and none of its article text (a <nav> is navigation by
 * definition), and the tokenizer would read the markup inside SVG, noscript,
 * templates and navigation tag by tag. The tags themselves stay, so the tree
 * keeps its shape.
 */
export function stripRawText(html: string): string {
  const segs = keptSegments(html);
  let out = '';
  for (let k = 0; k < segs.length; k += 2) out += html.slice(segs[k], segs[k + 1]);
  return out;
}

/** [start, end) pairs of the document to tokenize: everything but raw-text bodies and comments. */
export function keptSegments(html: string): number[] {
  const segs: number[] = [];
  let pos = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 3) {
    const c1 = html.charCodeAt(i + 1) | 0x20;
    if (c1 === 0x21 /* ! */ && html.startsWith('!--', i + 1)) {
      const end = html.indexOf('-->', i + 4);
      if (i > pos) segs.push(pos, i);
      pos = end < 0 ? html.length : end + 3;
      i = html.indexOf('<', pos);
      continue;
    }
    // Only s(cript|tyle|vg), n(oscript|av) and t(emplate) open a body worth dropping.
    const tag = c1 === 0x73 || c1 === 0x6e || c1 === 0x74 ? rawTagAt(html, i + 1) : undefined;
    if (tag === undefined) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const openEnd = html.indexOf('>', i);
    if (openEnd < 0) break;
    // A self-closed <svg/> has no body to drop.
    if (html.charCodeAt(openEnd - 1) === 0x2f) {
      i = html.indexOf('<', openEnd);
      continue;
    }
    const [bodyEnd, after] = closeTagAt(html, tag, openEnd + 1);
    if (!(tag === 'script' && /ld\+json/i.test(html.slice(i, openEnd)))) {
      segs.push(pos, openEnd + 1);
      pos = bodyEnd;
    }
    i = html.indexOf('<', after);
  }
  if (pos < html.length) segs.push(pos, html.length);
  return segs;
}

/**
 * stripRawText of a page given as well-formed UTF-8 bytes (ingest/decode.ts
 * utf8Content), decoded: the same string as stripRawText of the decoded page,
 * but only the kept third of the bytes is decoded. Decoding is most of the
 * cost of reading a page (V8 builds a two-byte string of it, in memory fresh
 * from the system); every cut falls before a "<" or after a ">", where UTF-8
 * decodes alike alone and in the whole. The kept segments are moved to the
 * front of `page` in place: its bytes are used up.
 */
export function stripRawTextOfUtf8(page: Buffer): string {
  const segs = keptByteSegments(page);
  let size = 0;
  for (let k = 0; k < segs.length; k += 2) {
    const start = segs[k]!;
    const end = segs[k + 1]!;
    if (start !== size) page.copyWithin(size, start, end);
    size += end - start;
  }
  return page.toString('utf8', 0, size);
}

const LT = 0x3c;
const GT = 0x3e;

/**
 * keptSegments of a page given as well-formed UTF-8 bytes, in byte offsets:
 * its steps one for one, each test of a character made on the byte (the
 * markup it looks for is ASCII), and the two regular-expression tests that
 * could also match a character beyond ASCII (whitespace before an end tag's
 * ">") made on the decoded characters whenever the bytes hold any.
 */
export function keptByteSegments(page: Buffer): number[] {
  const segs: number[] = [];
  const len = page.length;
  let pos = 0;
  let i = page.indexOf(LT);
  while (i >= 0 && i < len - 3) {
    const c1 = (page[i + 1] as number) | 0x20;
    if (c1 === 0x21 /* ! */ && page[i + 1] === 0x21 && page[i + 2] === 0x2d && page[i + 3] === 0x2d) {
      const end = page.indexOf('-->', i + 4);
      if (i > pos) segs.push(pos, i);
      pos = end < 0 ? len : end + 3;
      i = page.indexOf(LT, pos);
      continue;
    }
    const tag = c1 === 0x73 || c1 === 0x6e || c1 === 0x74 ? rawTagAtByte(page, i + 1) : undefined;
    if (tag === undefined) {
      i = page.indexOf(LT, i + 1);
      continue;
    }
    const openEnd = page.indexOf(GT, i);
    if (openEnd < 0) break;
    if (page[openEnd - 1] === 0x2f) {
      i = page.indexOf(LT, openEnd);
      continue;
    }
    const [bodyEnd, after] = closeTagAtByte(page, tag, openEnd + 1);
    // The pattern is ASCII, and no other character matches an ASCII one ignoring case: the bytes as Latin-1 test alike.
    if (!(tag === 'script' && /ld\+json/i.test(page.toString('latin1', i, openEnd)))) {
      segs.push(pos, openEnd + 1);
      pos = bodyEnd;
    }
    i = page.indexOf(LT, after);
  }
  if (pos < len) segs.push(pos, len);
  return segs;
}

/** closeTagAt of the bytes of a page. */
function closeTagAtByte(page: Buffer, tag: string, from: number): [number, number] {
  const lower = firstCloserByte(page, `</${tag}`, from, page.length);
  const best = firstCloserByte(page, `</${tag.toUpperCase()}`, from, lower ? lower[0] : page.length) ?? lower;
  if (best) return best;
  // The rare end tag in mixed case (or none): the regex on the characters, its match brought back to bytes.
  const rest = page.toString('utf8', from);
  const close = CLOSERS[tag] as RegExp;
  close.lastIndex = 0;
  const c = close.exec(rest);
  if (c === null) return [page.length, page.length];
  const start = from + Buffer.byteLength(rest.slice(0, c.index));
  return [start, start + Buffer.byteLength(c[0])];
}

/** firstCloser of the bytes of a page. */
function firstCloserByte(page: Buffer, needle: string, from: number, before: number): [number, number] | undefined {
  const region = page.subarray(from, Math.min(page.length, before + needle.length - 1));
  for (let k = region.indexOf(needle); k >= 0; k = region.indexOf(needle, k + 1)) {
    const i = from + k;
    const gt = page.indexOf(GT, i + needle.length);
    if (gt >= 0 && onlyWhitespace(page, i + needle.length, gt)) return [i, gt + 1];
  }
  return undefined;
}

/** Whether page[from, to) is whitespace alone, as /^\s*$/ tests its characters. */
function onlyWhitespace(page: Buffer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const b = page[k] as number;
    // A byte beyond ASCII belongs to a character \s may match (a no-break space): the characters decide.
    if (b >= 0x80) return /^\s*$/.test(page.toString('utf8', from, to));
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return true;
}

/** rawTagAt of the bytes of a page. */
function rawTagAtByte(page: Buffer, at: number): string | undefined {
  for (const tag of RAW_TAGS) {
    const end = at + tag.length;
    let k = 0;
    while (k < tag.length && ((page[at + k] as number) | 0x20) === tag.charCodeAt(k)) k++;
    if (k < tag.length) continue;
    const next = page[end];
    if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x0c) return tag;
  }
  return undefined;
}

/** Where the body of a raw-text element ends and where its end tag ends: lower case found natively, other cases by regex. */
function closeTagAt(html: string, tag: string, from: number): [number, number] {
  // Lower and upper case cover real pages; other mixes fall through to the regex.
  const lower = firstCloser(html, `</${tag}`, from, html.length);
  // Upper case counts only before the lower-case end tag: searched up to there, not through the rest of the page.
  const best = firstCloser(html, `</${tag.toUpperCase()}`, from, lower ? lower[0] : html.length) ?? lower;
  if (best) return best;
  const close = CLOSERS[tag] as RegExp;
  close.lastIndex = from;
  const c = close.exec(html);
  return c ? [c.index, c.index + c[0].length] : [html.length, html.length];
}

/** The first `needle` starting in [from, before) that whitespace and ">" follow: where it starts and where its ">" ends. */
function firstCloser(html: string, needle: string, from: number, before: number): [number, number] | undefined {
  const region = html.slice(from, Math.min(html.length, before + needle.length - 1));
  for (let k = region.indexOf(needle); k >= 0; k = region.indexOf(needle, k + 1)) {
    const i = from + k;
    const gt = html.indexOf('>', i + needle.length);
    if (gt >= 0 && /^\s*$/.test(html.slice(i + needle.length, gt))) return [i, gt + 1];
  }
  return undefined;
}

/** The raw-text tag name starting at `at` (case-insensitive, followed by a name end), if any. */
function rawTagAt(html: string, at: number): string | undefined {
  for (const tag of RAW_TAGS) {
    const end = at + tag.length;
    let k = 0;
    while (k < tag.length && (html.charCodeAt(at + k) | 0x20) === tag.charCodeAt(k)) k++;
    if (k < tag.length) continue;
    const next = html.charCodeAt(end);
    // Name must end here: whitespace, '>' or '/'.
    if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x0c) return tag;
  }
  return undefined;
}

const RAW_TAGS = ['script', 'style', 'svg', 'noscript', 'template', 'nav'];

const CLOSERS: Record<string, RegExp> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  svg: /<\/svg\s*>/gi,
  noscript: /<\/noscript\s*>/gi,
  template: /<\/template\s*>/gi,
  nav: /<\/nav\s*>/gi,
};

