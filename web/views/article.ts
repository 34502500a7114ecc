import { type ArticleView, type Brief, getJson } from '../api.js';
import { type Child, fmtDate, h } from '../dom.js';
import { groupTag, indexSources, sourceChip } from '../sources.js';
import { hostOf } from '../../src/outlets/directory.js';
import { cleanText, lookalikeWarning, sanitizeBrief } from '../../src/render/sanitize.js';

/** The view with every text cleaned as the renderers clean it (controls and bidi controls out). */
function sanitizeArticleView(view: ArticleView): ArticleView {
  const a = view.article;
  const clean = (v: string | undefined) => (v === undefined ? undefined : cleanText(v));
  return {
    ...view,
    article: { ...a, title: cleanText(a.title), text: cleanText(a.text), paragraphs: a.paragraphs.map(cleanText), siteName: clean(a.siteName), byline: clean(a.byline), attribution: clean(a.attribution), url: clean(a.url) },
    claims: view.claims.map((c) => ({ ...c, text: cleanText(c.text), sentence: cleanText(c.sentence) })),
  };
}

type AlignedClaim = ArticleView['claims'][number];

interface Range {
  start: number;
  end: number;
  claim: AlignedClaim;
}

/** Where each claim's sentence sits in a paragraph (first occurrence, no overlaps, earliest claim wins). */
function claimRanges(paragraph: string, claims: AlignedClaim[], placed: Set<string>): Range[] {
  const ranges: Range[] = [];
  for (const c of claims) {
    if (placed.has(c.id)) continue;
    const needle = c.sentence.trim();
    if (needle.length === 0) continue;
    const start = paragraph.indexOf(needle);
    if (start < 0) continue;
    const end = start + needle.length;
    if (ranges.some((r) => start < r.end && end > r.start)) continue;
    ranges.push({ start, end, claim: c });
    placed.add(c.id);
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/** A paragraph as text nodes, with the aligned claims' sentences as <mark>s. */
function paragraphWithMarks(text: string, claims: AlignedClaim[], placed: Set<string>): HTMLElement {
  const p = h('p');
  let at = 0;
  for (const r of claimRanges(text, claims, placed)) {
    if (r.start > at) p.append(text.slice(at, r.start));
    p.append(h('mark', { class: `claim ${r.claim.status}`, id: `claim-${r.claim.id}`, title: `${r.claim.status}: ${r.claim.text}`, tabindex: 0 }, text.slice(r.start, r.end)));
    at = r.end;
  }
  if (at < text.length) p.append(text.slice(at));
  return p;
}

/** The article's independence group as the story shows it: its letter and colour, the other members, what it derives from. */
function groupFacts(view: ArticleView, brief: Brief | null): Child {
  if (!view.group) return 'none';
  if (!brief) return view.group;
  const idx = indexSources(brief);
  const group = idx.groups.find((g) => g.id === view.group);
  const self = idx.byId.get(view.article.id);
  if (!group) return view.group;
  const tag = groupTag(group);
  const others = group.members.filter((m) => m.id !== view.article.id);
  return [
    tag,
    others.length === 0 ? ' independent of every other source of the story' : [' not independent of ', others.map((m) => sourceChip(idx, m.id))],
    self && self.derivedFrom.length > 0 ? h('div', { class: 'derived' }, self.derivedFrom.map((d) => h('span', null, `${d.kind} of `, sourceChip(idx, d.source), ` (${d.score.toFixed(2)}) `))) : null,
  ];
}

/** `/articles/:id`: the extracted text with its aligned claims highlighted. */
export async function articleView(id: string): Promise<HTMLElement[]> {
  const view = sanitizeArticleView(await getJson<ArticleView>(`/api/articles/${encodeURIComponent(id)}`));
  // The story's brief names the group's other members; the page is still useful without it.
  const fetched = view.story ? await getJson<Brief>(`/api/stories/${encodeURIComponent(view.story)}`).catch(() => null) : null;
  const brief = fetched ? sanitizeBrief(fetched) : null;
  const a = view.article;
  const lookalike = lookalikeWarning(a.siteName) ?? lookalikeWarning(hostOf(a.url));
  document.title = `${a.title} — newsfuse`;
  const placed = new Set<string>();
  const paragraphs = (a.paragraphs.length > 0 ? a.paragraphs : a.text.split(/\n{2,}/)).map((p) => paragraphWithMarks(p, view.claims, placed));
  const storyHref = view.story ? `/stories/${encodeURIComponent(view.story)}` : undefined;
  const lang = a.language && a.language !== 'und' ? a.language : undefined;
  return [
    h('p', { class: 'crumbs' }, storyHref ? h('a', { href: storyHref }, '← the story') : h('a', { href: '/' }, '← all stories')),
    h('h1', { class: 'article-title', lang }, a.title || a.id),
    h(
      'dl',
      { class: 'facts' },
      [h('dt', null, 'outlet'), h('dd', null, a.siteName ?? hostOf(a.url) ?? 'not named', lookalike ? h('span', { class: 'warning' }, ` ⚠ ${lookalike}`) : null)],
      a.byline ? [h('dt', null, 'byline'), h('dd', null, a.byline)] : null,
      a.publishedAt ? [h('dt', null, 'published'), h('dd', null, fmtDate(a.publishedAt))] : null,
      [h('dt', null, 'attribution'), h('dd', { class: 'attribution' }, a.attribution ?? 'none stated')],
      [h('dt', null, 'independence group'), h('dd', { class: 'group' }, groupFacts(view, brief))],
      [h('dt', null, 'language'), h('dd', null, a.language)],
      a.url ? [h('dt', null, 'address'), h('dd', null, h('a', { href: a.url, rel: 'noopener noreferrer nofollow', class: 'ext' }, a.url))] : null,
      [h('dt', null, 'id'), h('dd', null, h('code', null, a.id))],
    ),
    h('p', { class: 'legend-line' }, 'Highlighted: sentences aligned with claims of the story — ', h('mark', { class: 'claim corroborated' }, 'corroborated'), ' ', h('mark', { class: 'claim single-source' }, 'single-source'), ' ', h('mark', { class: 'claim disputed' }, 'disputed'), '.'),
    h('div', { class: 'article-text', lang }, paragraphs),
    h(
      'section',
      { class: 'panel', id: 'article-claims' },
      h('h2', null, `Claims this article carries (${view.claims.length})`),
      h(
        'ul',
        { class: 'aligned' },
        view.claims.map((c) =>
          h('li', null, h('span', { class: `badge ${c.status}` }, c.status), ' ', storyHref ? h('a', { href: `${storyHref}#claim-${encodeURIComponent(c.id)}` }, c.text) : c.text, placed.has(c.id) ? null : h('div', { class: 'muted' }, 'its sentence: ', h('q', { lang }, c.sentence))),
        ),
      ),
    ),
  ];
}
