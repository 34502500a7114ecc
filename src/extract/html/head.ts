/**
 * A well-formed <head> holds no article text, only metadata: it is read with
 * a few native searches instead of the tokenizer (about a tenth of a page's
 * bytes once scripts are gone). Pages whose head is not clearly closed before
 * <body> go through the tokenizer whole, so broken markup loses nothing.
 */
import type { PageMeta } from './tree.js';

/**
 * Reads the metadata of the head from the kept segments (scripts and comments
 * already cut) and returns the index of the first segment of the body, with its
 * start offset; undefined when the head is not clearly delimited.
 */
export function readHead(html: string, segs: number[], meta: PageMeta): { seg: number; from: number } | undefined {
  const found = bodyOpen(html, segs);
  if (!found) return undefined;
  const { seg: k, at } = found;
  const a = segs[k] as number;
  // The head must end right before <body>: otherwise content may sit between them (broken templates).
  const before = html.slice(Math.max(a, at - 200), at).toLowerCase();
  const close = before.lastIndexOf('</head>');
  if (close < 0 || before.slice(close + 7).trim().length > 0) return undefined;
  let head = '';
  for (let j = 0; j < k; j += 2) head += html.slice(segs[j], segs[j + 1]);
  head += html.slice(a, at);
  scanHead(head, meta);
  return { seg: k, from: at };
}

/** The first <body> start tag that lies in a kept segment (not inside a script or comment), with its segment. */
function bodyOpen(html: string, segs: number[]): { seg: number; at: number } | undefined {
  let best: { seg: number; at: number } | undefined;
  for (const needle of ['<body', '<BODY', '<Body']) {
    for (let i = html.indexOf(needle); i >= 0 && (!best || i < best.at); i = html.indexOf(needle, i + 1)) {
      const next = html.charCodeAt(i + 5);
      if (!(next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d)) continue;
      const seg = segmentOf(segs, i);
      if (seg >= 0) {
        best = { seg, at: i };
        break;
      }
    }
  }
  return best;
}

function segmentOf(segs: number[], pos: number): number {
  for (let k = 0; k < segs.length; k += 2) {
    if (pos < (segs[k] as number)) return -1;
    if (pos < (segs[k + 1] as number)) return k;
  }
  return -1;
}

const TAG = /<(meta|link|title|script|html)\b([^>]*)>/gi;
const ATTR = /([\w:.-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function scanHead(head: string, meta: PageMeta): void {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(head); m; m = TAG.exec(head)) {
    const tag = (m[1] as string).toLowerCase();
    const attrs = readAttrs(m[2] ?? '');
    if (tag === 'meta') {
      const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'])?.toLowerCase().trim();
      if (key && attrs.content !== undefined && !meta.meta.has(key)) meta.meta.set(key, attrs.content.trim());
    } else if (tag === 'link') {
      if (attrs.rel?.toLowerCase() === 'canonical' && attrs.href && meta.canonical === undefined) meta.canonical = attrs.href;
    } else if (tag === 'html') {
      if (attrs.lang) meta.lang ??= attrs.lang;
    } else {
      const closer = new RegExp(`</${tag}`, 'i');
      const rel = head.slice(TAG.lastIndex).search(closer);
      const end = rel < 0 ? -1 : TAG.lastIndex + rel;
      const body = head.slice(TAG.lastIndex, end < 0 ? head.length : end);
      if (tag === 'title') meta.title ??= decodeEntities(body);
      else if (/ld\+json/i.test(attrs.type ?? '')) meta.jsonLd.push(body);
      if (end >= 0) TAG.lastIndex = end;
    }
  }
}

function readAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(s); m; m = ATTR.exec(s)) {
    if (m[0].length === 0) {
      ATTR.lastIndex++;
      continue;
    }
    const name = (m[1] as string).toLowerCase();
    if (out[name] === undefined) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Named entities that occur in titles and descriptions; numeric ones are decoded in full. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®',
  trade: '™', euro: '€', pound: '£', yen: '¥', deg: '°', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à',
  iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', ccedil: 'ç', auml: 'ä', ouml: 'ö', uuml: 'ü', szlig: 'ß',
  Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', Eacute: 'É', acirc: 'â', ecirc: 'ê', ocirc: 'ô', icirc: 'î', ucirc: 'û', atilde: 'ã', otilde: 'õ',
};

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d?);?/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return NAMED[e] ?? whole;
  });
}
