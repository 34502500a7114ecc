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

