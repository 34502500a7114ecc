/**
 * The only way this client makes DOM: elements by createElement, text by text
 * nodes, attributes by setAttribute. No innerHTML anywhere, so article text
 * (titles, sentences, quotes, names) can never become markup; links are
 * checked so a `javascript:` URL from an article is never clickable.
 */

export type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Child = Node | string | number | null | undefined | false | Child[];

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Attributes that take a URL: only http(s) and same-site paths pass. */
const URL_ATTRS = new Set(['href', 'src', 'action', 'xlink:href', 'formaction']);

/** http(s) URLs and same-site absolute paths; everything else (javascript:, data:, vbscript:) is refused. */
export function safeUrl(value: string): string | undefined {
  const v = value.trim();
  if (v.startsWith('/') && !v.startsWith('//')) return v;
  if (v.startsWith('#')) return v;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function setAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [name, raw] of Object.entries(attrs)) {
    if (raw === undefined || raw === null || raw === false) continue;
    // Event handlers are attached with addEventListener only; an on* attribute would be inline script.
    if (/^on/i.test(name)) throw new Error(`refusing inline handler attribute ${name}`);
    let value = raw === true ? '' : String(raw);
    if (URL_ATTRS.has(name.toLowerCase())) {
      const safe = safeUrl(value);
      if (safe === undefined) continue;
      value = safe;
    }
    el.setAttribute(name, value);
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (typeof c === 'string' || typeof c === 'number') el.appendChild(document.createTextNode(String(c)));
    else el.appendChild(c);
  }
}

/** An HTML element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element (graph drawing), same rules. */
export function s(tag: string, attrs?: Attrs | null, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function on<K extends keyof HTMLElementEventMap>(el: HTMLElement, type: K, fn: (ev: HTMLElementEventMap[K]) => void): HTMLElement {
  el.addEventListener(type, fn);
  return el;
}

/** Replaces the children of a node. */
export function mount(target: Element, ...children: Child[]): void {
  target.replaceChildren();
  append(target, children);
}

/** "2023-09-13 05:12 UTC", or the input when it is not a date. */
export function fmtDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const t = d.toISOString();
  return t.endsWith('T00:00:00.000Z') ? t.slice(0, 10) : `${t.slice(0, 16).replace('T', ' ')} UTC`;
}

export function fmtSpan(first: string | undefined, last: string | undefined): string {
  if (!first && !last) return 'time unknown';
  if (!first || !last || fmtDate(first) === fmtDate(last)) return fmtDate(first ?? last);
  return `${fmtDate(first)} – ${fmtDate(last)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A long list shown in part: the first `shown` items, the rest inside a
 * closed <details> ("31 more corroborated claims") so a big story stays
 * navigable; everything stays in the page for find-in-page once opened.
 */
export function foldList(tag: 'ul' | 'ol', attrs: Attrs, items: HTMLElement[], shown: number, more: (n: number) => string): HTMLElement {
  if (items.length <= shown) return h(tag, attrs, items);
  const rest = items.slice(shown);
  return h('div', null, h(tag, attrs, items.slice(0, shown)), h('details', { class: 'more' }, h('summary', null, more(rest.length)), h(tag, { ...attrs, id: undefined, start: tag === 'ol' ? shown + 1 : undefined }, rest)));
}
