import { type Brief, getJson } from '../api.js';
import { fmtDate, fmtSpan, h, plural } from '../dom.js';
import { withPopover } from '../popover.js';
import { articleHref, hostOf, indexSources, sourceChip, type SourceIndex } from '../sources.js';
import { derivationGraph } from './graph.js';
import { claimMatrix } from './matrix.js';

type Claim = Brief['claims'][number];

function section(id: string, title: string, ...body: (HTMLElement | null)[]): HTMLElement {
  return h('section', { id, class: 'panel' }, h('h2', null, title), body);
}

/** A citation "[n]": hover or focus shows the sentence the source itself wrote; click opens the article there. */
function citation(idx: SourceIndex, sourceId: string, claims: Claim[]): HTMLElement {
  const claim = claims.find((c) => c.sources.some((x) => x.source === sourceId));
  const sentence = claim?.sources.find((x) => x.source === sourceId)?.sentence ?? idx.byId.get(sourceId)?.title ?? '';
  const a = h('a', { class: 'cite', href: articleHref(sourceId, claim?.id), 'data-source': sourceId }, `[${idx.number.get(sourceId) ?? '?'}]`);
  a.style.color = idx.colourOf(sourceId);
  return withPopover(a, `[${idx.number.get(sourceId)}] ${idx.label(sourceId)}`, sentence);
}

function summary(brief: Brief, idx: SourceIndex): HTMLElement {
  const claimById = new Map(brief.claims.map((c) => [c.id, c]));
  if (brief.summary.length === 0) return section('summary', 'Summary', h('p', { class: 'empty' }, 'No summary.'));
  return section(
    'summary',
    'Summary',
    h(
      'div',
      { class: 'summary' },
      brief.summary.map((item) => {
        const claims = item.claims.map((id) => claimById.get(id)).filter((c): c is Claim => c !== undefined);
        const status = claims.some((c) => c.status === 'disputed') ? 'disputed' : claims.some((c) => c.status === 'corroborated') ? 'corroborated' : 'single-source';
        return h('p', { class: `sum ${status}` }, item.text, ' ', item.sources.map((sid) => citation(idx, sid, claims)));
      }),
    ),
  );
}

function sources(idx: SourceIndex): HTMLElement {
  return section(
    'sources',
    `Sources (${idx.list.length} outlets, ${plural(idx.groups.length, 'independent group')})`,
    h(
      'ol',
      { class: 'sources' },
      idx.list.map((src) => {
        const group = idx.groups.find((g) => g.id === src.group);
        const tag = h('span', { class: 'group-tag', title: `independence group ${group?.label}` }, group?.label ?? '');
        tag.style.backgroundColor = idx.colourOf(src.id);
        return h(
          'li',
          { 'data-source': src.id },
          tag,
          ' ',
          h('a', { href: articleHref(src.id) }, src.title || src.id),
          h('span', { class: 'muted' }, ` — ${[src.siteName || hostOf(src.url), fmtDate(src.publishedAt), src.language !== 'und' ? src.language : ''].filter(Boolean).join(', ')}`),
          src.attribution ? h('span', { class: 'attribution' }, ` credit: ${src.attribution}`) : null,
          src.derivedFrom.length > 0
            ? h('div', { class: 'derived' }, src.derivedFrom.map((d) => h('span', null, `${d.kind} of `, sourceChip(idx, d.source), ` (${d.score.toFixed(2)}) `)))
            : null,
        );
      }),
    ),
  );
}

function disputed(brief: Brief, idx: SourceIndex): HTMLElement {
  const list = brief.claims.filter((c) => c.status === 'disputed' || c.conflicts.length > 0);
  return section(
    'disputed',
    `Disputed (${list.length})`,
    list.length === 0
      ? h('p', { class: 'empty' }, 'The sources do not contradict one another on any claim found.')
      : h(
          'div',
          { class: 'disputes' },
          list.map((c) =>
            h(
              'article',
              { class: 'dispute', 'data-claim': c.id },
              h('p', { class: 'claim-text' }, c.text),
              c.conflicts.map((conf) =>
                h(
                  'div',
                  { class: 'conflict' },
                  h('span', { class: 'about' }, conf.about, ': '),
                  conf.values.map((v) =>
                    h('span', { class: 'value' }, h('mark', { class: 'val' }, `“${v.value}”`), ' ', v.sources.map((sid) => sourceChip(idx, sid))),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

function quotes(brief: Brief, idx: SourceIndex): HTMLElement {
  return section(
    'quotes',
    `Quotes (${brief.quotes.length})`,
    brief.quotes.length === 0
      ? h('p', { class: 'empty' }, 'No quotes.')
      : h(
          'div',
          { class: 'quotes' },
          brief.quotes.map((q) => {
            const wordings = q.sources.filter((x) => x.text.trim() !== q.text.trim());
            return h(
              'figure',
              { class: 'quote' },
              h('blockquote', null, `“${q.text}”`),
              h('figcaption', null, q.speaker ? `— ${q.speaker} ` : '— speaker unknown ', [...new Set(q.sources.map((x) => x.source))].map((sid) => sourceChip(idx, sid))),
              wordings.length > 0
                ? h('details', null, h('summary', null, `${plural(wordings.length, 'other wording')}`), h('ul', null, wordings.map((w) => h('li', null, sourceChip(idx, w.source), ` “${w.text}”`))))
                : null,
            );
          }),
        ),
  );
}

function entities(brief: Brief): HTMLElement {
  const types = ['person', 'organization', 'place', 'other'] as const;
  return section(
    'entities',
    `Entities (${brief.entities.length})`,
    h(
      'div',
      { class: 'entities' },
      types.map((t) => {
        const es = brief.entities.filter((e) => e.type === t).sort((a, b) => b.sources.length - a.sources.length || b.mentions - a.mentions);
        if (es.length === 0) return null;
        return h(
          'div',
          { class: `etype ${t}` },
          h('h3', null, t === 'organization' ? 'organizations' : t === 'other' ? 'other' : `${t === 'person' ? 'people' : 'places'}`),
          h('ul', null, es.map((e) => h('li', { title: `${plural(e.mentions, 'mention')} in ${plural(e.sources.length, 'source')}` }, e.name, h('span', { class: 'muted' }, ` ${e.sources.length}/${e.mentions}`)))),
        );
      }),
    ),
  );
}

function timeline(brief: Brief, idx: SourceIndex): HTMLElement {
  return section(
    'timeline',
    'Timeline',
    brief.timeline.length === 0
      ? h('p', { class: 'empty' }, 'No dated events.')
      : h('ol', { class: 'timeline' }, brief.timeline.map((t) => h('li', null, h('time', null, fmtDate(t.when)), ' ', t.text, ' ', t.sources.map((sid) => sourceChip(idx, sid))))),
  );
}

/** `/stories/:id`: the brief with its evidence. */
export async function storyView(id: string): Promise<HTMLElement[]> {
  const brief = await getJson<Brief>(`/api/stories/${encodeURIComponent(id)}`);
  const idx = indexSources(brief);
  const count = (st: string) => brief.claims.filter((c) => c.status === st).length;
  document.title = `${brief.story.headline} — newsfuse`;
  return [
    h('p', { class: 'crumbs' }, h('a', { href: '/' }, '← all stories')),
    h('h1', { class: 'story-title' }, brief.story.headline || '(untitled story)'),
    h(
      'p',
      { class: 'meta' },
      fmtSpan(brief.story.firstSeen, brief.story.lastSeen),
      ` · ${plural(brief.sources.length, 'outlet')} · ${plural(idx.groups.length, 'independent source')} · `,
      h('span', { class: 'badge corroborated' }, `${count('corroborated')} corroborated`),
      h('span', { class: 'badge single-source' }, `${count('single-source')} single-source`),
      h('span', { class: 'badge disputed' }, `${count('disputed')} disputed`),
    ),
    summary(brief, idx),
    disputed(brief, idx),
    section('claims', `Claims × sources (${brief.claims.length} claims)`, claimMatrix(brief, idx)),
    section('derivation', 'Who copied whom', derivationGraph(brief, idx)),
    sources(idx),
    quotes(brief, idx),
    entities(brief),
    timeline(brief, idx),
  ];
}
