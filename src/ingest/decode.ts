/**
 * Bytes → string. Order of trust: a byte-order mark (it cannot lie), the
 * document's own <meta charset> / http-equiv (HTML only, found in the first
 * bytes like a browser's prescan), the charset the transport declared, then
 * valid UTF-8, then chardet's statistical guess. Decoding is iconv-lite, so
 * windows-125x, ISO-8859-x, KOI8, Shift_JIS, EUC-JP/KR, GB2312/GBK/GB18030
 * and Big5 all come out right.
 */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type Chardet from 'chardet';
import type Iconv from 'iconv-lite';

/**
 * iconv-lite and chardet load their tables on import (20-30 ms at start-up), and most of the web is UTF-8, which
 * needs neither: they are loaded the first time a page needs them.
 */
const requireLazily = createRequire(import.meta.url);
let iconvModule: typeof Iconv | undefined;
let chardetModule: typeof Chardet | undefined;
const iconv = (): typeof Iconv => (iconvModule ??= requireLazily('iconv-lite') as typeof Iconv);
const chardet = (): typeof Chardet => (chardetModule ??= requireLazily('chardet') as typeof Chardet);

/** Browsers look for <meta charset> within the first 1024 bytes; pages in the wild put it later, so look further. */
const PRESCAN_BYTES = 4096;
/** chardet reads this much: enough for a stable guess, bounded on huge inputs. */
const SNIFF_BYTES = 64 * 1024;
/** Below this confidence (0-100) chardet's guess is not worth more than windows-1252. */
const MIN_CHARDET_CONFIDENCE = 20;

/** Labels that name a superset or a browser alias of what iconv-lite calls them. */
const ALIASES: Record<string, string> = {
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  // Browsers decode GB2312 and ISO-8859-1/ASCII labels with their supersets; pages rely on it.
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'iso-8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'ks_c_5601-1987': 'euc-kr',
  'x-euc-jp': 'euc-jp',
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

export function decodeBytes(bytes: Uint8Array, hint: { declaredCharset?: string; format: 'html' | 'text' }): string {
  const { charset, bom } = charsetOf(bytes, hint);
  return decodeAs(bom > 0 ? bytes.subarray(bom) : bytes, charset);
}

/**
 * The bytes of a document decodeBytes reads as UTF-8, less the byte-order
 * marks its decoding skips (the charset's and the one TextDecoder drops after
 * it); undefined when it reads them in another charset, or when they are not
 * well-formed UTF-8. For callers that look at the bytes before (or instead
 * of) decoding them all: any run of well-formed UTF-8 cut at ASCII bytes
 * decodes to the same characters alone as inside the whole.
 */
export function utf8Content(bytes: Uint8Array, hint: { declaredCharset?: string; format: 'html' | 'text' }): Buffer | undefined {
  const { charset, bom } = charsetOf(bytes, hint);
  if (charset !== 'utf-8') return undefined;
  const skip = bom + (isUtf8Bom(bytes, bom) ? UTF8_BOM_BYTES : 0);
  const content = Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.byteLength - skip);
  // Malformed bytes are not: what the decoder makes of them depends on the bytes around them.
  return isUtf8(content) ? content : undefined;
}

/** The charset decodeBytes reads `bytes` in, and the bytes of byte-order mark it skips first. */
function charsetOf(bytes: Uint8Array, hint: { declaredCharset?: string; format: 'html' | 'text' }): { charset: string; bom: number } {
  const bom = bomCharset(bytes);
  if (bom) return { charset: bom.charset, bom: bom.length };

  const candidates: (string | undefined)[] = [];
  if (hint.format === 'html') candidates.push(metaCharset(bytes));
  candidates.push(hint.declaredCharset);
  for (const c of candidates) {
    const enc = usableCharset(c);
    // A page that claims a single-byte charset but is valid multi-byte UTF-8 was mislabelled (common after re-saving).
    if (enc && !(enc !== 'utf-8' && isSingleByte(enc) && hasUtf8Multibyte(bytes) && isValidUtf8(bytes))) return { charset: enc, bom: 0 };
  }
  if (isValidUtf8(bytes)) return { charset: 'utf-8', bom: 0 };
  return { charset: sniff(bytes), bom: 0 };
}

const UTF8_BOM_BYTES = 3;

function isUtf8Bom(b: Uint8Array, at: number): boolean {
  return b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf;
}

/** The charset a document names for itself in its first bytes, if any. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const re = /<meta\b[^>]*>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  // XML declaration (XHTML served as XML).
  const xml = /^<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return xml?.[1];
}

function usableCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  let l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  l = ALIASES[l] ?? l;
  // UTF-16 labels inside a document that was readable as ASCII cannot be right (the HTML spec says: use UTF-8).
  if (l.startsWith('utf-16') || l === 'utf-8') return 'utf-8';
  return iconv().encodingExists(l) ? l : undefined;
}

function decodeAs(bytes: Uint8Array, enc: string): string {
  if (enc === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc);
}

function sniff(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  const guesses = chardet().analyse(sample);
  for (const g of guesses) {
    if (g.confidence < MIN_CHARDET_CONFIDENCE) break;
    const enc = usableCharset(g.name);
    if (enc) return enc;
  }
  return 'windows-1252';
}

function bomCharset(b: Uint8Array): { charset: string; length: number } | undefined {
  if (isUtf8Bom(b, 0)) return { charset: 'utf-8', length: UTF8_BOM_BYTES };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return undefined;
}

function isSingleByte(enc: string): boolean {
  return /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|cp\d+|macintosh|latin\d)$/.test(enc);
}

function hasUtf8Multibyte(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] as number) >= 0xc2 && (b[i] as number) <= 0xf4) return true;
  return false;
}

/** Strict UTF-8 validation (no overlongs, no surrogates), native (simdutf), without allocating a string. */
export function isValidUtf8(b: Uint8Array): boolean {
  if (isUtf8(b)) return true;
  // A sequence cut by a size limit at the very end is still UTF-8.
  const cut = incompleteTail(b);
  return cut > 0 && isUtf8(b.subarray(0, b.length - cut));
}

/** Bytes at the end that start a multi-byte sequence without finishing it (0 when none do). */
function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const c = b[b.length - k] as number;
    if ((c & 0xc0) === 0x80) continue;
    const length = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
}
