/**
 * The tree as a flat list of text blocks: every run of text between two
 * block-level boundaries, with its owner element, its characters and how
 * many of them sit inside links. Character and link totals are summed up
 * the ancestors on the way, so later passes read densities in O(1).
 */
import type { El } from './tree.js';

export type BlockKind = 'p' | 'h' | 'li' | 'quote' | 'pre' | 'cell' | 'caption' | 'other';

export interface Block {
  text: string;
  chars: number;
  linkChars: number;
  owner: El;
  kind: BlockKind;
  /** Heading level 1-6 for kind 'h'. */
  level: number;
  index: number;
}

/** Elements that break text into separate blocks. Everything else is inline. */
const BLOCK_TAGS = new Set([
  'root', 'html', 'body', 'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'tbody', 'thead', 'tfoot', 'figure', 'figcaption',
  'form', 'fieldset', 'address', 'center', 'hr', 'details', 'summary', 'caption', 'menu', 'hgroup', 'legend', 'label',
]);

export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

export function collectBlocks(root: El): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let linkBuf = '';
  let owner: El = root;

  const flush = (): void => {
    if (buf.length === 0) return;
    const text = normalise(buf);
    if (text.length > 0) {
      const linkChars = Math.min(text.length, linkBuf.length === 0 ? 0 : normalise(linkBuf).length);
      blocks.push({ text, chars: text.length, linkChars, owner, kind: kindOf(owner), level: headingLevel(owner), index: blocks.length });
      for (let e: El | undefined = owner; e; e = e.parent) {
        e.chars += text.length;
        e.linkChars += linkChars;
      }
    }
    buf = '';
    linkBuf = '';
  };

  const walk = (el: El, inLink: boolean): void => {
    for (const c of el.children) {
      if (typeof c === 'string') {
        buf += c;
        if (inLink) linkBuf += c;
        continue;
      }
      if (c.tag === 'hidden') continue;
      if (c.tag === 'br') {
        // A line break inside a paragraph keeps the paragraph; two in a row are how some sites separate paragraphs.
        buf += BR;
        continue;
      }
      if (BLOCK_TAGS.has(c.tag)) {
        flush();
        const prev = owner;
        owner = c;
        walk(c, false);
        flush();
        owner = prev;
      } else if (c.tag === 'td' || c.tag === 'th') {
        // A table row reads as one line: cells are separated, not split into blocks of single numbers.
        buf += ' ';
        walk(c, inLink);
        buf += ' ';
      } else {
        walk(c, inLink || c.link);
      }
    }
  };
  walk(root, false);
  flush();
  return splitBreaks(blocks);
}

/** Blocks whose text holds a double line break (<br><br>) become several paragraphs; a single one is a space. */
function splitBreaks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (b.text.indexOf(BR) < 0) {
      b.index = out.length;
      out.push(b);
      continue;
    }
    const parts = b.text.split(BR_BREAK).map((t) => t.replaceAll(BR, ' ').trim()).filter((t) => t.length > 0);
    const share = b.chars === 0 ? 0 : b.linkChars / b.chars;
    for (const t of parts) out.push({ ...b, text: t, chars: t.length, linkChars: Math.round(t.length * share), index: out.length });
  }
  return out;
}

/** Marks a <br> in collected text (a private-use character: it never occurs in real text and is not whitespace). */
const BR = '\ue000';
const BR_BREAK = /\ue000{2,}/;

/** Collapses all whitespace of the source to single spaces; <br> marks stay, without spaces around them. */
function normalise(s: string): string {
  const t = s.trim();
  if (t.length === 0 || !NEEDS_WORK.test(t)) return t;
  return t.replace(SPACES, ' ').replace(BR_SPACED, BR).trim();
}
const SPACES = /[\s\u200b]+/g;
const BR_SPACED = / ?\ue000 ?/g;
/** Anything a collapse would change: a run of two spaces, any other whitespace, a zero-width space, a <br> mark. */
const NEEDS_WORK = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\ue000]/;

function kindOf(el: El): BlockKind {
  switch (el.tag) {
    case 'p':
      return 'p';
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return 'h';
    case 'li':
    case 'dd':
    case 'dt':
      return 'li';
    case 'blockquote':
      return 'quote';
    case 'pre':
      return 'pre';
    case 'tr':
      return 'cell';
    case 'figcaption':
    case 'caption':
      return 'caption';
    default:
      return 'other';
  }
}

function headingLevel(el: El): number {
  return /^h[1-6]$/.test(el.tag) ? Number(el.tag[1]) : 0;
}
