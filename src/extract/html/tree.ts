/**
 * One pass of the tokenizer (scan.ts) into a compact tree that holds only
 * what extraction looks at: element names, a class/id signature, link
 * targets and text. Scripts, styles, forms controls, media and hidden
 * subtrees are dropped while parsing, and the metadata of <head> (meta,
 * link, title, JSON-LD, html lang) is collected on the way, so no second walk
 * of the raw document is needed.
 */
import { scanHtml } from './scan.js';
import { stripRawText } from './strip.js';

export { keptSegments, stripRawText } from './strip.js';

export interface El {
  tag: string;
  parent: El | undefined;
  children: (El | string)[];
  /** Lower-cased "class id itemprop role" of the element, "" when it has none. */
  sig: string;
  /** An <a> with an href (links count toward link density; bare anchors do not). */
  link: boolean;
  /** Depth from the root, for score decay and guards. */
  depth: number;
  /** Filled by the block pass: characters of text below, of which inside links, and the content score. */
  chars: number;
  linkChars: number;
  score: number;
  /** Cached container weight (link density × hints), negative until computed. */
  weight: number;
}

export interface PageMeta {
  /** <meta> name/property/itemprop (lower-cased) → first content seen. */
  meta: Map<string, string>;
  title?: string;
  canonical?: string;
  lang?: string;
  jsonLd: string[];
  /** datetime attributes of <time> elements, in document order, with whether they sit in a "published" context. */
  times: { value: string; published: boolean }[];
  /** Text of rel=author / itemprop=author elements, in order. */
  authors: string[];
}

export interface ParsedPage {
  root: El;
  meta: PageMeta;
}

/** Subtrees whose content is never article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'select', 'button', 'textarea', 'option', 'datalist', 'map', 'dialog',
]);
/** Deeper nesting than this is flattened: it only happens in broken or hostile markup and would blow the stack. */
const MAX_DEPTH = 400;
/**
 * End tags search the open elements, so each tag may cost time in the
 * nesting depth: a page nested this deep (never a real article) is parsed
 * again with its markup flattened beyond MAX_DEPTH (flattenDeep), in time
 * linear in its size.
 */
const PARSER_DEPTH_LIMIT = 2 * MAX_DEPTH;
/** Elements kept in the tree; the text of further ones goes to their parent (a page of a million <span>s stays in memory bounds). */
const MAX_ELEMENTS = 150_000;

/**
 * An element's score and weight start as fractional numbers (a zero and a
 * negative that are not small integers, -0 and -0.5), as they end: V8 keeps a
 * field that starts as a small integer in another representation, and the
 * first fraction stored changes the hidden class of every element, throwing
 * away the tokenizer's optimised code on each of the first pages.
 */
const NO_SCORE = -0;
const NO_WEIGHT = -0.5;

/** Thrown from the parser's callbacks when the nesting passes PARSER_DEPTH_LIMIT. */
class TooDeep extends Error {}

export function parsePage(html: string): ParsedPage {
  return parseStripped(stripRawText(html));
}

/** parsePage of a document already through stripRawText (a reader thread strips the pages it reads). */
export function parseStripped(markup: string): ParsedPage {
  try {
    return parseMarkup(markup);
  } catch (err) {
    if (!(err instanceof TooDeep)) throw err;
    return parseMarkup(flattenDeep(markup, MAX_DEPTH));
  }
}

/** The tree of markup already stripped of raw-text bodies and comments. */
function parseMarkup(html: string): ParsedPage {
  const root: El = { tag: 'root', parent: undefined, children: [], sig: '', link: false, depth: 0, chars: 0, linkChars: 0, score: NO_SCORE, weight: NO_WEIGHT };
  // Every field from the start, in one order: one hidden class for every page's metadata (fields added as a page
  // happened to have them gave pages different ones, and code optimised for one was thrown away on the next page).
  const meta: PageMeta = { meta: new Map(), title: undefined, canonical: undefined, lang: undefined, jsonLd: [], times: [], authors: [] };
  let cur = root;
  // The element whose attributes are arriving (the tokenizer reports them after the name).
  let opening: El | undefined;
  let openingTag = '';
  let attrs: Record<string, string> = {};
  // Only meta, link and script need their attributes kept; other elements keep what they need on the El.
  let wantAttrs = false;
  const times: { value: string; el: El; pubdate: boolean }[] = [];
  let skip = 0;
  let inTitle = false;
  let titleText = '';
  let jsonLd: string | undefined;
  let authorEl: El | undefined;
  // For each open element: was an El pushed for it (skipped and depth-capped ones are not)?
  const pushed: boolean[] = [];
  let elements = 0;

  const readAttribute = (el: El, name: string, value: string): void => {
    switch (name) {
      case 'class':
      case 'id':
      case 'itemprop':
      case 'role': {
        // "InlineImage-imageEmbedCaption" → "inline-image-image-embed-caption": camelCase words become matchable words.
        const v = CAMEL.test(value) ? value.replace(CAMEL_ALL, '$1-$2').toLowerCase() : value.toLowerCase();
        el.sig = el.sig.length === 0 ? v : `${el.sig} ${v}`;
        if (name === 'itemprop' && value === 'author') authorEl ??= el;
        break;
      }
      case 'href':
        el.link = el.tag === 'a' && !value.startsWith('#');
        break;
      case 'hidden':
        el.tag = 'hidden';
        break;
      case 'style':
        if (HIDDEN_STYLE.test(value)) el.tag = 'hidden';
        break;
      case 'rel':
        if (value === 'author') authorEl ??= el;
        break;
      case 'lang':
        if (el.tag === 'html') meta.lang ??= value;
        break;
      case 'datetime':
        if (el.tag === 'time') times.push({ value, el, pubdate: false });
        break;
      case 'pubdate':
        if (el.tag === 'time' && times[times.length - 1]?.el === el) (times[times.length - 1] as { pubdate: boolean }).pubdate = true;
        break;
      default:
        break;
    }
  };

  scanHtml(html, {
    onopentagname(name) {
      if (pushed.length >= PARSER_DEPTH_LIMIT) throw new TooDeep();
      opening = undefined;
      openingTag = name;
      wantAttrs = name === 'meta' || name === 'link' || name === 'script';
      attrs = wantAttrs ? {} : EMPTY;
      if (skip > 0) {
        skip++;
        pushed.push(false);
        return;
      }
      if (SKIP.has(name) || name === 'title') {
        // Title text and JSON-LD are read while skipping; the rest of a skipped subtree is dropped.
        if (name === 'title' && meta.title === undefined) inTitle = true;
        skip = 1;
        pushed.push(false);
        return;
      }
      if (cur.depth >= MAX_DEPTH || elements >= MAX_ELEMENTS || name === 'meta' || name === 'link') {
        pushed.push(false);
        return;
      }
      elements++;
      const el: El = { tag: name, parent: cur, children: [], sig: '', link: false, depth: cur.depth + 1, chars: 0, linkChars: 0, score: NO_SCORE, weight: NO_WEIGHT };
      cur.children.push(el);
      cur = el;
      opening = el;
      pushed.push(true);
    },
    onattribute(rawName, value) {
      const name = rawName.charCodeAt(0) < 97 ? rawName.toLowerCase() : rawName;
      if (wantAttrs && attrs[name] === undefined) attrs[name] = value;
      if (opening === undefined) {
        if (openingTag === 'script' && name === 'type' && value.toLowerCase().includes('ld+json') && skip === 1) jsonLd = '';
        return;
      }
      // Most attributes (href of non-links, src, alt, data-*) matter not; the length filters them before any string compare.
      const len = name.length;
      if (len < 2 || len > 8 || (ATTR_LENGTHS & (1 << len)) === 0) return;
      readAttribute(opening, name, value);
    },
    onclosetag(name) {
      if (name === 'meta' || name === 'link') closeMetaTag(meta, name, attrs);
      attrs = EMPTY;
      opening = undefined;
      const wasPushed = pushed.pop();
      if (skip > 0) {
        skip--;
        if (skip === 0) {
          if (inTitle) {
            meta.title = titleText;
            inTitle = false;
          }
          if (jsonLd !== undefined) {
            meta.jsonLd.push(jsonLd);
            jsonLd = undefined;
          }
        }
        return;
      }
      if (wasPushed && cur.parent) {
        if (cur === authorEl) {
          const t = textOf(cur).trim();
          if (t.length > 0 && t.length < 100) meta.authors.push(t);
          authorEl = undefined;
        }
        cur = cur.parent;
      }
    },
    ontext(text) {
      opening = undefined;
      if (skip > 0) {
        if (inTitle) titleText += text;
        else if (jsonLd !== undefined) jsonLd += text;
        return;
      }
      const ch = cur.children;
      const last = ch[ch.length - 1];
      if (typeof last === 'string') ch[ch.length - 1] = last + text;
      else ch.push(text);
    },
  });
  for (const t of times) meta.times.push({ value: t.value, published: t.pubdate || PUBLISHED_SIG.test(t.el.sig) });
  return { root, meta };
}

/** Elements that never have content or an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);
/** An element of this name ends an open element of the names given (HTML's implied end tags, the common ones). */
const IMPLIED_END: Record<string, ReadonlySet<string>> = {
  p: new Set(['p']),
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  tr: new Set(['tr', 'td', 'th']),
  td: new Set(['td', 'th']),
  th: new Set(['td', 'th']),
  option: new Set(['option']),
};
/** A close tag looks this far down the open elements for its match (HTML that closes what it never opened is common). */
const CLOSE_SEARCH = 64;

/**
 * The markup with every tag beyond `maxDepth` open elements dropped (and the
 * end tags that would close them), the text kept: one linear pass, with a
 * stack of open element names that knows void elements and the common
 * implied end tags. Used only for pages too deep for the parser.
 */
export function flattenDeep(html: string, maxDepth: number): string {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^>]*)?>/g;
  const open: string[] = [];
  let dropped = 0;
  let out = '';
  let pos = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]!.toLowerCase();
    let keep = true;
    if (m[1] === '/') {
      if (dropped > 0) {
        dropped--;
        keep = false;
      } else {
        for (let i = open.length - 1; i >= Math.max(0, open.length - CLOSE_SEARCH); i--) {
          if (open[i] !== name) continue;
          open.length = i;
          break;
        }
      }
    } else if (!VOID.has(name) && !m[0].endsWith('/>')) {
      const ends = IMPLIED_END[name];
      if (ends && open.length > 0 && ends.has(open[open.length - 1]!)) open.pop();
      if (open.length >= maxDepth) {
        dropped++;
        keep = false;
      } else open.push(name);
    }
    if (!keep) {
      out += html.slice(pos, m.index);
      pos = m.index + m[0].length;
    }
  }
  return out + html.slice(pos);
}

const EMPTY: Record<string, string> = {};
/** Bit n set when some attribute read by the tree has n characters: id(2) rel(3) href/role/lang(4) class/style(5) hidden(6) pubdate(7) itemprop/datetime(8). */
const ATTR_LENGTHS = (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8);
const CAMEL = /[a-z][A-Z]/;
const CAMEL_ALL = /([a-z])([A-Z])/g;
const PUBLISHED_SIG = /publish|pubdate|posted|created/;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** meta/link/time carry metadata in attributes; they are read when the tag closes (all attributes known). */
function closeMetaTag(meta: PageMeta, name: string, attrs: Record<string, string>): void {
  if (name === 'meta') collectMeta(meta, attrs);
  else if (name === 'link') {
    if (attrs.rel?.toLowerCase() === 'canonical' && attrs.href && meta.canonical === undefined) meta.canonical = attrs.href;
  }
}

function collectMeta(meta: PageMeta, attrs: Record<string, string>): void {
  const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'])?.toLowerCase().trim();
  const content = attrs.content;
  if (key && content !== undefined && !meta.meta.has(key)) meta.meta.set(key, content.trim());
}

export function textOf(el: El): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}
