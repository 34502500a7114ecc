/**
 * Finding the article in the block list, in small steps:
 *  1. score text blocks by shape (length, commas, sentence ends, link density)
 *     and pass the score up to a few ancestors with decay;
 *  2. pick the best container, weighted by its own link density and class
 *     hints; climb to a common ancestor when the runners-up sit beside it;
 *  3. merge sibling containers that also look like article text (bodies
 *     split by ads or paywall markup);
 *  4. walk the blocks of the chosen containers in order, dropping furniture:
 *     pruned subtrees (hints, nav/aside/footer), link lists, repeated
 *     template text, interface lines, and everything after an end label.
 */
import {
  endsLikeSentence,
  isDateLine,
  isEndLabel,
  isInterfaceLine,
  isRelativeTime,
  isTeaser,
} from '../furniture.js';
import type { ExtractSettings } from '../settings.js';
import { isBlockTag, type Block } from './blocks.js';
import { FURNITURE_TAGS, hintOf } from './hints.js';
import { textOf, type El } from './tree.js';

/** How far a block's score climbs: owner's container, then decayed ancestors (Readability uses a similar ladder). */
const ANCESTOR_LEVELS = 5;
/** A block of this many characters is "long"; scores saturate beyond three of these. */
const CHARS_PER_POINT = 100;
/** Multipliers of class/id hints on a container's score. */
const POSITIVE_HINT = 1.35;
const NEGATIVE_HINT = 0.55;
/** Comment sections get a harsher multiplier: their text looks like prose. */
const COMMENT_HINT = 0.25;
/** How many ancestors are checked for a furniture hint. */
const ANCESTOR_HINT_LEVELS = 6;
/** Runners-up within this fraction of the best vote for a common ancestor... */
const RUNNER_UP_RATIO = 0.75;
/** ...and this many of them pull the choice up to it. */
const RUNNERS_TO_CLIMB = 3;
/** A parent with at most this much more text than the chosen container holds nothing else worth weighing. */
const LONE_CHILD_SLACK = 1.03;
/** A furniture subtree is pruned only when it is smaller than this share of the article (never the article itself). */
const PRUNE_MAX_SHARE = 0.45;
/** A container inside the article with more than this link density and few characters is a link list. */
const LIST_LINK_DENSITY = 0.45;
/** Siblings with structure repeated this many times and mostly links are teaser cards. */
const TEMPLATE_SIBLINGS = 3;
/** ...when each carries little text of its own besides the links (a headline link and a date, not a paragraph). */
const TEMPLATE_MAX_OWN_TEXT = 100;
/** An end label stops the body only when this share of the chosen containers' text already lies before it. */
const END_LABEL_MIN_SHARE = 0.25;
/** Link density a sentence-like paragraph inside the article may have and still be text. */
const SENTENCE_MAX_LINK_DENSITY = 0.8;
/** Blocks shorter than this are checked against the furniture line classifiers. */
const SHORT_LINE_CHARS = 160;
/** A sibling paragraph outside the chosen container joins it with at least this many characters (or a full sentence)... */
const NATURAL_MIN_CHARS = 80;
/** ...and at most this link density. */
const NATURAL_MAX_LINK_DENSITY = 0.25;
/** Blocks up to this long are compared with the text outside the article to find template lines. */
const TEMPLATE_TEXT_MAX_CHARS = 200;

/** Captions that end with their credit: "The plague wiped out half of Europe (Image: GETTY)". */
const CAPTION_CREDIT = /\((?:image|images|photo|photos|picture|pic|foto|bild|credit|video)\s*:[^)]{1,60}\)$/i;
/** Short lines in articles that credit media, not text: "Photo: Reuters", "Image 1 of 5". */
const MEDIA_CREDIT = /^(?:photo|image|picture|foto|bild|video|graphic|illustration|credit|getty images|ap photo)\b.{0,80}$|^(?:image|photo) \d+ of \d+$|^[^.!?]{0,60}(?:getty images|shutterstock|istock|ap photo|afp|reuters|epa|bloomberg|dpa|picture alliance|imago)(?:\s*\/\s*[\w. ]+)?\)?$/i;

function commas(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 0x3001 || c === 0xff0c || c === 0x60c) n++;
  }
  return n;
}

function linkDensity(chars: number, linkChars: number): number {
  return chars === 0 ? 0 : linkChars / chars;
}

function blockScore(b: Block, s: ExtractSettings): number {
  if (b.chars < s.minBlockChars || b.kind === 'h' || b.kind === 'caption') return 0;
  const ld = linkDensity(b.chars, b.linkChars);
  if (ld > s.maxLinkDensity) return 0;
  let score = 1 + Math.min(commas(b.text), 10) + Math.min(Math.floor(b.chars / CHARS_PER_POINT), 3);
  if (endsLikeSentence(b.text)) score += 1;
  if (b.kind === 'li' || b.kind === 'cell') score *= 0.75;
  return score * (1 - ld);
}

function containerWeight(el: El): number {
  if (el.weight < 0) el.weight = computeWeight(el);
  return el.weight;
}

function computeWeight(el: El): number {
  let w = 1 - linkDensity(el.chars, el.linkChars);
  const h = hintOf(el.sig);
  if (h.positive && !h.negative) w *= POSITIVE_HINT;
  else if (h.negative && !h.positive) w *= NEGATIVE_HINT;
  if (FURNITURE_TAGS.has(el.tag)) w *= NEGATIVE_HINT;
  if (el.tag === 'article' || el.tag === 'main') w *= 1.15;
  // Inside a furniture container (a comment list, a sidebar) even a "content" div is not the article.
  let level = 0;
  for (let a: El | undefined = el; a && level < ANCESTOR_HINT_LEVELS; a = a.parent, level++) {
    if (a.tag === 'body' || a.tag === 'html') break;
    const ah = hintOf(a.sig);
    if (ah.comments && !(ah.positive && a === el)) {
      w *= COMMENT_HINT;
      break;
    }
    if (a !== el && ah.negative && !ah.positive) {
      w *= NEGATIVE_HINT;
      break;
    }
  }
  return w;
}

/** Step 1-3: the containers holding the article, in document order. */
export function chooseRoots(blocks: Block[], root: El, s: ExtractSettings): El[] {
  const scored = new Set<El>();
  for (const b of blocks) {
    const bs = blockScore(b, s);
    if (bs === 0) continue;
    // Text directly in a div counts for the div; a paragraph's score goes to the paragraph's container.
    let el: El | undefined = b.kind === 'other' ? b.owner : b.owner.parent;
    for (let level = 0; el && level < ANCESTOR_LEVELS; level++, el = el.parent) {
      el.score += level === 0 ? bs : level === 1 ? bs / 2 : bs / (level * 3);
      scored.add(el);
    }
  }
  const ranked: { el: El; final: number }[] = [];
  for (const el of scored) ranked.push({ el, final: el.score * containerWeight(el) });
  ranked.sort((a, b) => b.final - a.final);
  const top = ranked[0];
  if (!top || top.final < s.minArticleScore / 4) return [root];
  let best = top.el;

  const runners = ranked.slice(1, 6).filter((r) => r.final >= top.final * RUNNER_UP_RATIO).map((r) => r.el);
  if (runners.length >= RUNNERS_TO_CLIMB) {
    for (let anc = best.parent; anc && anc !== root; anc = anc.parent) {
      if (runners.filter((r) => isInside(r, anc)).length >= RUNNERS_TO_CLIMB) {
        best = anc;
        break;
      }
    }
  }
  // A lone child carries the same text as its parent: prefer the parent, whose siblings are then considered.
  const bestChars = best.chars;
  while (best.parent && best.parent !== root && best.parent.chars <= bestChars * LONE_CHILD_SLACK && best.parent.tag !== 'body') best = best.parent;

  const parent = best.parent;
  if (!parent) return [best];
  const threshold = Math.max(s.minArticleScore / 2, top.final * s.siblingScoreRatio);
  const roots: El[] = [];
  for (const c of parent.children) {
    if (typeof c === 'string') continue;
    if (c === best) {
      roots.push(c);
      continue;
    }
    if (c.chars === 0 || FURNITURE_TAGS.has(c.tag)) continue;
    const h = hintOf(c.sig);
    if (h.negative && !h.positive) continue;
    const final = subtreeBest(c);
    const ld = linkDensity(c.chars, c.linkChars);
    // A lone paragraph beside the article (a lead or a stray div of text) joins it when it reads as prose.
    const naturalParagraph = ld < NATURAL_MAX_LINK_DENSITY && !hasBlockChild(c) && (c.chars >= NATURAL_MIN_CHARS || (c.chars >= s.minBlockChars && endsLikeSentence(textOf(c))));
    if (final >= threshold || naturalParagraph) roots.push(c);
  }
  return roots;
}

/** The best weighted score in a subtree: a sibling section counts by the best container inside it. */
function subtreeBest(el: El): number {
  let best = el.score > 0 ? el.score * containerWeight(el) : 0;
  for (const c of el.children) if (typeof c !== 'string' && c.chars > 0) best = Math.max(best, subtreeBest(c));
  return best;
}

function hasBlockChild(el: El): boolean {
  for (const c of el.children) if (typeof c !== 'string' && (isBlockTag(c.tag) || hasBlockChild(c))) return true;
  return false;
}

function isInside(el: El, anc: El): boolean {
  for (let e: El | undefined = el; e; e = e.parent) if (e === anc) return true;
  return false;
}

/** Marks children of a parent that repeat one structure (same tag and class) and are mostly links: teaser cards. */
export function markTemplates(root: El, out: Set<El>): void {
  const stack: El[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as El;
    let withText = 0;
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      stack.push(c);
      if (c.chars > 0) withText++;
    }
    if (withText < TEMPLATE_SIBLINGS) continue;
    let groups: Map<string, El[]> | undefined;
    for (const c of el.children) {
      if (typeof c === 'string' || c.chars === 0) continue;
      groups ??= new Map();
      const key = `${c.tag} ${c.sig}`;
      const g = groups.get(key);
      if (g) g.push(c);
      else groups.set(key, [c]);
    }
    if (!groups) continue;
    for (const g of groups.values()) {
      if (g.length < TEMPLATE_SIBLINGS) continue;
      const linky = g.filter((c) => linkDensity(c.chars, c.linkChars) > LIST_LINK_DENSITY && c.chars - c.linkChars < TEMPLATE_MAX_OWN_TEXT).length;
      if (linky >= g.length * 0.6) for (const c of g) out.add(c);
    }
  }
}

export interface Selection {
  blocks: Block[];
  /** An end label (comment form, teaser list heading) stopped the body. */
  stoppedAtEnd: boolean;
}

/** Step 4: the blocks of the article, in order, without furniture. */
export function selectBlocks(blocks: Block[], roots: El[], s: ExtractSettings): Selection {
  const rootSet = new Set(roots);
  const rootChars = roots.reduce((n, r) => n + r.chars, 0);
  const templates = new Set<El>();
  for (const r of roots) markTemplates(r, templates);

  // Elements of the article: the roots' subtrees minus furniture subtrees, marked top-down once.
  const article = new Set<El>();
  const stack: El[] = [...roots];
  while (stack.length > 0) {
    const e = stack.pop() as El;
    if (!rootSet.has(e) && isFurniture(e, rootChars, templates)) continue;
    article.add(e);
    for (const c of e.children) if (typeof c !== 'string') stack.push(c);
  }
  const inside = (b: Block): boolean => article.has(b.owner);

  // Template text: short blocks that also occur outside the article ("Share", "Read more", the site's slogan).
  const isInside = blocks.map(inside);
  const outside = new Set<string>();
  blocks.forEach((b, i) => {
    if (!isInside[i] && b.chars <= TEMPLATE_TEXT_MAX_CHARS) outside.add(b.text);
  });
  const kept: Block[] = [];
  let keptChars = 0;
  let stoppedAtEnd = false;
  for (const b of blocks) {
    if (!isInside[b.index]) continue;
    const t = b.text;
    if (kept.length > 0 && keptChars >= rootChars * END_LABEL_MIN_SHARE && isEndLabel(t)) {
      stoppedAtEnd = true;
      break;
    }
    if (b.kind === 'caption') continue;
    // A sentence in a paragraph may link most of its words; a link list does not end in a full stop.
    const sentence = (b.kind === 'p' || (b.kind === 'li' && b.chars >= NATURAL_MIN_CHARS)) && endsLikeSentence(t);
    const maxLd = sentence ? SENTENCE_MAX_LINK_DENSITY : s.maxLinkDensity;
    if (linkDensity(b.chars, b.linkChars) > maxLd && b.chars < 400) continue;
    if (b.chars <= TEMPLATE_TEXT_MAX_CHARS && outside.has(t) && !/^[\d\s.,:%/+-]*$/.test(t)) continue;
    if (b.chars < SHORT_LINE_CHARS) {
      if (isDateLine(t) || isRelativeTime(t) || isInterfaceLine(t) || isTeaser(t) || MEDIA_CREDIT.test(t) || CAPTION_CREDIT.test(t)) continue;
    }
    kept.push(b);
    keptChars += b.chars;
  }
  return { blocks: kept, stoppedAtEnd };
}

function isFurniture(e: El, rootChars: number, templates: Set<El>): boolean {
  if (templates.has(e)) return true;
  const small = e.chars < rootChars * PRUNE_MAX_SHARE;
  if (!small) return false;
  if (FURNITURE_TAGS.has(e.tag)) return true;
  const h = hintOf(e.sig);
  if (h.negative && !h.positive) return true;
  if ((e.tag === 'ul' || e.tag === 'ol' || e.tag === 'div' || e.tag === 'section' || e.tag === 'table') && e.chars < 600 && linkDensity(e.chars, e.linkChars) > LIST_LINK_DENSITY) return true;
  return false;
}
