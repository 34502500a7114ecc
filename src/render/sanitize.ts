/**
 * The one cleaning step every renderer (Markdown, HTML, CSV, JSON-LD, Atom,
 * and the web page, which bundles this file) applies to a brief before showing
 * it. Article text is untrusted: it can carry characters that show one thing
 * and mean another.
 *
 * - Controls (C0 but tab/newline/CR, DEL, C1): invisible, and in a terminal
 *   ESC and CSI start control sequences. Dropped.
 * - Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069): an
 *   override shows "gepj.exe" as "exe.jpeg" and reorders the citation markers
 *   that follow it. Dropped: right-to-left text displays correctly without
 *   them (the page also isolates each outlet name and title with <bdi>).
 * - Lone surrogates: not text. Replaced by U+FFFD.
 * - Names mixing scripts inside one word ("Reuters" with a Cyrillic "е",
 *   "bbс.com" with a Cyrillic "с"), the look-alike trick of spoofed outlets:
 *   kept as written (the reader must see what the article says) but marked,
 *   see lookalikeWarning.
 */
import type { Brief } from '../types.js';

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** Text with controls and bidi controls dropped and lone surrogates replaced. */
export function cleanText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(CONTROLS, '').replace(BIDI_CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}

/** Every string of a value (object, array, string) cleaned; other values as they are. */
function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanDeep(v);
    return out as T;
  }
  return value;
}

/** The brief with every string cleaned (a copy; the input is not changed). */
export function sanitizeBrief(brief: Brief): Brief {
  return cleanDeep(brief);
}

/**
 * Scripts whose letters look alike: a word mixing two of them is the classic
 * spoof (Latin "a", "c", "e", "o", "p", "x", "y" have Cyrillic and Greek twins).
 */
const CONFUSABLE_SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

/** The confusable scripts of one word, in table order. */
function scriptsOfWord(word: string): string[] {
  const found = new Set<string>();
  for (const ch of word) {
    for (const [name, re] of CONFUSABLE_SCRIPTS) {
      if (re.test(ch)) {
        found.add(name);
        break;
      }
    }
  }
  return CONFUSABLE_SCRIPTS.map(([name]) => name).filter((n) => found.has(n));
}

// ---------------------------------------------------------------- punycode (RFC 3492), decoding only

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitOf(c: number): number {
  if (c >= 48 && c <= 57) return c - 22; // 0-9 → 26-35
  if (c >= 65 && c <= 90) return c - 65; // A-Z
  if (c >= 97 && c <= 122) return c - 97; // a-z
  return BASE;
}

/** An "xn--" label decoded to Unicode; undefined when it is not valid punycode. */
export function decodePunycodeLabel(label: string): string | undefined {
  const input = label.slice(4);
  const cut = input.lastIndexOf('-');
  const output = cut > 0 ? [...input.slice(0, cut)].map((c) => c.codePointAt(0) as number) : [];
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = cut > 0 ? cut + 1 : 0; pos < input.length; ) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return undefined;
      const digit = digitOf(input.charCodeAt(pos++));
      if (digit >= BASE) return undefined;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (w > 0x10ffff) return undefined;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return undefined;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/** A host name as its reader sees it: "xn--" labels decoded. */
export function unicodeHost(host: string): string {
  return host
    .split('.')
    .map((label) => (label.toLowerCase().startsWith('xn--') ? (decodePunycodeLabel(label) ?? label) : label))
    .join('.');
}

/**
 * A warning when a name or a host mixes look-alike scripts inside one word
 * ("mixes Latin and Cyrillic letters"), else undefined. Hosts are checked as
 * their readers see them (punycode decoded), label by label.
 */
export function lookalikeWarning(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = unicodeHost(name).split(/[^\p{L}\p{M}\p{N}]+/u);
  for (const word of words) {
    const scripts = scriptsOfWord(word);
    if (scripts.length > 1) return `mixes ${scripts.slice(0, -1).join(', ')} and ${scripts[scripts.length - 1]} letters: possibly a look-alike`;
  }
  return undefined;
}
