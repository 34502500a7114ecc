import { type Brief, downloadWithToken, getJson, type OutletView } from '../api.js';
import { fmtDate, fmtSpan, foldList, h, plural } from '../dom.js';
import { withPopover } from '../popover.js';
import { OutletDirectory } from '../../src/outlets/directory.js';
import { sanitizeBrief } from '../../src/render/sanitize.js';
import { articleHref, groupTag, indexSources, sourceChip, type SourceIndex } from '../sources.js';
import { coverageTimeline, supportChart } from './charts.js';
import { claimList, conflictView, langOf } from './claims.js';
import { derivationGraph } from './graph.js';
import { claimMatrix } from './matrix.js';

type Claim = Brief['claims'][number];

/** Quotes and timeline events listed before the rest are folded. */
const QUOTES_SHOWN = 10;
const EVENTS_SHOWN = 15;
/** Entities listed per type before the rest are folded (the most cited first). */
const ENTITIES_SHOWN = 12;

/** Phones get the matrix folded (the per-claim list above says the same); wider screens get it open. */
const MATRIX_OPEN_FROM_PX = 720;

function section(id: string, title: string, ...body: (HTMLElement | null)[]): HTMLElement {
  return h('section', { id, class: 'panel', 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), body);
}

/** A citation "[n]": hover or focus shows the sentence the source itself wrote; click opens the article there. */
function citation(idx: SourceIndex, sourceId: string, claims: Claim[]): HTMLElement {
  const claim = claims.find((c) => c.sources.some((x) => x.source === sourceId));
  const sentence = claim?.sources.find((x) => x.source === sourceId)?.sentence ?? idx.byId.get(sourceId)?.title ?? '';
  const a = h('a', { class: 'cite', href: articleHref(sourceId, claim?.id), 'data-source': sourceId, 'aria-label': `[${idx.number.get(sourceId) ?? '?'}] ${idx.label(sourceId)}` }, `[${idx.number.get(sourceId) ?? '?'}]`);
  return withPopover(a, `[${idx.number.get(sourceId)}] ${idx.label(sourceId)}`, sentence, langOf(idx, sourceId));
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
    `Sources (${plural(idx.list.length, 'outlet')}, ${plural(idx.groups.length, 'independent group')})`,
    h(
      'ol',
      { class: 'sources' },
      idx.list.map((src) => {
        const id = idx.identity(src.id);
        const record = id.record;
        const described = record ? (['country', 'owner', 'kind'] as const).flatMap((f) => (record[f] ? [`${f}: ${record[f]}`] : [])) : [];
        const extras = record ? Object.entries(record.extra).map(([k, v]) => `${k}: ${v}`) : [];
        const lang = langOf(idx, src.id);
        return h(
          'li',
          { 'data-source': src.id, id: `source-${idx.number.get(src.id)}` },
          h('p', { class: 'source-head' }, groupTag(idx.groupOf(src.id)), ' ', h('span', { class: 'num' }, `[${idx.number.get(src.id)}]`), ' ', h('strong', { class: 'outlet' }, h('bdi', null, id.outlet ?? 'outlet not named')), id.date ? ` · ${id.date}` : '', id.warning ? h('span', { class: 'warning' }, ` ⚠ ${id.warning}`) : null),
          h('p', { class: 'source-title' }, h('a', { href: articleHref(src.id), lang }, h('bdi', null, src.title || src.id)), src.url ? [' ', sourceChipOriginal(src.url, id.host)] : null),
          h('p', { class: 'muted source-facts' }, [lang ? `language ${lang}` : '', src.attribution ? `credit: ${src.attribution}` : '', id.host && id.host !== id.outlet ? id.host : '', ...described, ...extras].filter(Boolean).join(' · ')),
          src.derivedFrom.length > 0 ? h('p', { class: 'derived' }, src.derivedFrom.map((d) => h('span', null, `${d.kind} of `, sourceChip(idx, d.source), ` (${d.score.toFixed(2)}) `))) : null,
        );
      }),
    ),
  );
}

/** "original ↗" for a source's own address (only http(s) becomes a link: dom.ts checks it). */
function sourceChipOriginal(url: string, host: string | undefined): HTMLElement {
  return h('a', { class: 'orig-link', href: url, rel: 'noopener noreferrer nofollow', target: '_blank', 'aria-label': `original article${host ? ` at ${host}` : ''}` }, 'original ↗');
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
          list.map((c) => h('article', { class: 'dispute', 'data-claim': c.id }, h('p', { class: 'claim-text' }, c.text), c.conflicts.map((conf) => conflictView(c, conf, idx)))),
        ),
  );
}

function quotes(brief: Brief, idx: SourceIndex): HTMLElement {
  return section(
    'quotes',
    `Quotes (${brief.quotes.length})`,
    brief.quotes.length === 0
      ? h('p', { class: 'empty' }, 'No quotes.')
      : foldList(
          'ul',
          { class: 'quotes' },
          brief.quotes.map((q) => {
            const wordings = q.sources.filter((x) => x.text.trim() !== q.text.trim());
            return h(
              'li',
              { class: 'quote' },
              h(
                'figure',
                null,
                h('blockquote', { lang: langOf(idx, q.sources[0]?.source) }, `“${q.text}”`),
                h('figcaption', null, q.speaker ? `— ${q.speaker} ` : '— speaker unknown ', [...new Set(q.sources.map((x) => x.source))].map((sid) => sourceChip(idx, sid))),
              ),
              wordings.length > 0
                ? h('details', null, h('summary', null, `${plural(wordings.length, 'other wording')}`), h('ul', null, wordings.map((w) => h('li', null, sourceChip(idx, w.source), ' ', h('q', { lang: langOf(idx, w.source) }, w.text)))))
                : null,
            );
          }),
          QUOTES_SHOWN,
          (n) => plural(n, 'more quote'),
        ),
  );
}

function entities(brief: Brief): HTMLElement {
  const types = ['person', 'organization', 'place', 'other'] as const;
  const titles: Record<(typeof types)[number], string> = { person: 'People', organization: 'Organizations', place: 'Places', other: 'Other' };
  return section(
    'entities',
    `Entities (${brief.entities.length})`,
    h(
      'div',
      { class: 'entities' },
      types.map((t) => {
        const es = brief.entities.filter((e) => e.type === t).sort((a, b) => b.sources.length - a.sources.length || b.mentions - a.mentions);
        if (es.length === 0) return null;
        const items = es.map((e) => h('li', { title: `${plural(e.mentions, 'mention')} in ${plural(e.sources.length, 'source')}` }, e.name, h('span', { class: 'muted' }, ` ${e.sources.length}/${e.mentions}`)));
        return h('div', { class: `etype ${t}` }, h('h3', null, titles[t]), foldList('ul', {}, items, ENTITIES_SHOWN, (n) => `${n} more`));
      }),
    ),
  );
}

function timeline(brief: Brief, idx: SourceIndex): HTMLElement {
  return section(
    'timeline',
    'Timeline of events',
    brief.timeline.length === 0
      ? h('p', { class: 'empty' }, 'No dated events.')
      : foldList('ol', { class: 'timeline' }, brief.timeline.map((t) => h('li', null, h('time', null, fmtDate(t.when)), ' ', t.text, ' ', t.sources.map((sid) => sourceChip(idx, sid)))), EVENTS_SHOWN, (n) => plural(n, 'more event')),
  );
}

/** Downloads of the story: the brief three ways, the claims as CSV, ClaimReview for disputed claims, and the Atom feed of its reports. */
function downloads(brief: Brief): HTMLElement {
  const base = `/api/stories/${encodeURIComponent(brief.story.id)}`;
  const items: [string, string, string][] = [
    ['brief.json', 'Brief (JSON)', 'the brief as JSON (schemaVersion 1)'],
    ['brief.md', 'Brief (Markdown)', 'the brief as Markdown'],
    ['brief.html', 'Brief (HTML page)', 'the brief as one self-contained HTML page'],
    ['claims.csv', 'Claims (CSV)', 'the claims as CSV, one row per claim'],
    ['claimreview.jsonld', 'ClaimReview (JSON-LD)', 'the disputed claims as schema.org ClaimReview, for fact-checkers'],
    ['feed.atom', 'Updates (Atom feed)', "an Atom feed of the story's reports"],
  ];
  return h(
    'nav',
    { class: 'downloads', 'aria-label': 'downloads' },
    h('span', { class: 'muted' }, 'Take away: '),
    items.map(([file, label, title]) => {
      const a = h('a', { href: `${base}/${file}`, class: 'download', title, ...(file.endsWith('.atom') ? { type: 'application/atom+xml' } : { download: '' }) }, label);
      a.addEventListener('click', (ev) => void downloadWithToken(ev, a).catch(() => undefined));
      return a;
    }),
  );
}

/** Links to every section: a big story is long. */
function jumpLinks(brief: Brief): HTMLElement {
  const links: [string, string][] = [
    ['summary', 'Summary'],
    ['disputed', `Disputed (${brief.claims.filter((c) => c.conflicts.length > 0).length})`],
    ['claims', `Claims (${brief.claims.length})`],
    ['coverage', 'Coverage'],
    ['matrix-section', 'Matrix'],
    ['derivation', 'Who copied whom'],
    ['sources', `Sources (${brief.sources.length})`],
    ['quotes', 'Quotes'],
    ['entities', 'Entities'],
    ['timeline', 'Timeline'],
  ];
  return h('nav', { class: 'jump', 'aria-label': 'sections of this story' }, h('ul', null, links.map(([id, label]) => h('li', null, h('a', { href: `#${id}` }, label)))));
}

/** `/stories/:id`: the brief with its evidence. */
export async function storyView(id: string): Promise<HTMLElement[]> {
  const brief = sanitizeBrief(await getJson<Brief>(`/api/stories/${encodeURIComponent(id)}`));
  // The outlets file is optional: the page works without it.
  const outlets = await getJson<OutletView>(`/api/stories/${encodeURIComponent(brief.story.id)}/outlets`).catch(() => null);
  const directory = outlets && outlets.outlets > 0 ? new OutletDirectory(Object.values(outlets.sources)) : undefined;
  const idx = indexSources(brief, directory);
  const count = (st: string) => brief.claims.filter((c) => c.status === st).length;
  document.title = `${brief.story.headline} — newsfuse`;
  const matrixOpen = document.documentElement.clientWidth >= MATRIX_OPEN_FROM_PX;
  return [
    h('p', { class: 'crumbs' }, h('a', { href: '/' }, '← all stories')),
    h('h1', { class: 'story-title' }, brief.story.headline || '(untitled story)'),
    h(
      'p',
      { class: 'meta' },
      fmtSpan(brief.story.firstSeen, brief.story.lastSeen),
      ` · ${plural(brief.sources.length, 'outlet')} · ${plural(idx.groups.length, 'independent source')} `,
      h('span', { class: 'badges' }, h('span', { class: 'badge corroborated' }, `${count('corroborated')} corroborated`), h('span', { class: 'badge disputed' }, `${count('disputed')} disputed`), h('span', { class: 'badge single-source' }, `${count('single-source')} single-source`)),
    ),
    jumpLinks(brief),
    downloads(brief),
    summary(brief, idx),
    disputed(brief, idx),
    section('claims', `Claims (${brief.claims.length})`, claimList(brief, idx, outlets)),
    section('coverage', 'Coverage', h('h3', null, 'Reports over time'), coverageTimeline(brief, idx), h('h3', null, 'Support by outlet'), supportChart(outlets, idx)),
    h('section', { id: 'matrix-section', class: 'panel', 'aria-labelledby': 'matrix-title' }, h('details', { open: matrixOpen }, h('summary', null, h('h2', { id: 'matrix-title' }, `Claims × sources (${brief.claims.length} claims, ${brief.sources.length} sources)`)), claimMatrix(brief, idx))),
    section('derivation', 'Who copied whom', derivationGraph(brief, idx)),
    sources(idx),
    quotes(brief, idx),
    entities(brief),
    timeline(brief, idx),
  ];
}
