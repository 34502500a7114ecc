/**
 * One pass of htmlparser2's tokenizer into a compact tree that holds only
 * what extraction looks at: element names, a class/id signature, link
 * targets and text. Scripts, styles, forms controls, media and hidden
 * subtrees are dropped while parsing, and the metadata of <head> (meta,
 * link, title, JSON-LD, html lang) is collected on the way, so no second walk
 * of the raw document is needed.
 */
import { Parser } from 'htmlparser2';

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

export function parsePage(html: string): ParsedPage {
  const root: El = { tag: 'root', parent: undefined, children: [], sig: '', link: false, depth: 0, chars: 0, linkChars: 0, score: 0 };
  const meta: PageMeta = { meta: new Map(), jsonLd: [], times: [], authors: [] };
  let cur = root;
  let skip = 0;
  let inTitle = false;
  let titleText = '';
  let jsonLd: string | undefined;
  let authorEl: El | undefined;
  // Elements actually pushed, so closes that were not pushed (depth guard) are ignored.
  const pushed: boolean[] = [];

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skip > 0) {
          skip++;
          pushed.push(false);
          return;
        }
        if (name === 'meta') {
          collectMeta(meta, attrs);
          pushed.push(false);
          return;
        }
        if (name === 'link') {
          const rel = attrs.rel?.toLowerCase();
          if (rel === 'canonical' && attrs.href && meta.canonical === undefined) meta.canonical = attrs.href;
          pushed.push(false);
          return;
        }
        if (name === 'title' && cur.tag !== 'svg') {
          if (meta.title === undefined) inTitle = true;
          skip = 1;
          pushed.push(false);
          return;
        }
        if (name === 'script') {
          if ((attrs.type ?? '').toLowerCase().includes('ld+json')) jsonLd = '';
          skip = 1;
          pushed.push(false);
          return;
        }
        if (name === 'html' && attrs.lang) meta.lang ??= attrs.lang;
        if (name === 'time' && attrs.datetime) {
          meta.times.push({ value: attrs.datetime, published: /publish|pubdate|posted|created/i.test(`${attrs.itemprop ?? ''} ${attrs.class ?? ''} ${attrs.pubdate !== undefined ? 'pubdate' : ''}`) });
        }
        if (SKIP.has(name) || isHidden(attrs)) {
          skip = 1;
          pushed.push(false);
          return;
        }
        if (cur.depth >= MAX_DEPTH) {
          pushed.push(false);
          return;
        }
        const sigParts = `${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.itemprop ?? ''} ${attrs.role ?? ''}`.trim();
        const el: El = {
          tag: name,
          parent: cur,
          children: [],
          sig: sigParts.length > 0 ? sigParts.toLowerCase() : '',
          link: name === 'a' && attrs.href !== undefined && !attrs.href.startsWith('#'),
          depth: cur.depth + 1,
          chars: 0,
          linkChars: 0,
          score: 0,
        };
        if (authorEl === undefined && (attrs.rel === 'author' || attrs.itemprop === 'author')) authorEl = el;
        cur.children.push(el);
        cur = el;
        pushed.push(true);
      },
      ontext(text) {
        if (skip > 0) {
          if (inTitle) titleText += text;
          else if (jsonLd !== undefined) jsonLd += text;
          return;
        }
        const last = cur.children[cur.children.length - 1];
        if (typeof last === 'string') cur.children[cur.children.length - 1] = last + text;
        else cur.children.push(text);
      },
      onclosetag() {
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
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { root, meta };
}

function collectMeta(meta: PageMeta, attrs: Record<string, string>): void {
  const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'])?.toLowerCase().trim();
  const content = attrs.content;
  if (key && content !== undefined && !meta.meta.has(key)) meta.meta.set(key, content.trim());
}

function isHidden(attrs: Record<string, string>): boolean {
  if (attrs.hidden !== undefined) return true;
  const style = attrs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function textOf(el: El): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}
