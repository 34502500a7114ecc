import { getJson, type SearchResult, type StoryPage, type StorySummary } from '../api.js';
import { fmtSpan, h, plural } from '../dom.js';

/** Stories per page of the list. */
const PAGE_SIZE = 25;

function counts(s: StorySummary): HTMLElement {
  return h(
    'span',
    { class: 'counts' },
    h('span', { class: 'badge corroborated', title: 'claims carried by two or more independent sources' }, `${s.claims.corroborated} corroborated`),
    h('span', { class: 'badge single-source', title: 'claims carried by one independent source only' }, `${s.claims.singleSource} single-source`),
    h('span', { class: 'badge disputed', title: 'claims on which sources give different values' }, `${s.claims.disputed} disputed`),
  );
}

function storyRow(s: StorySummary): HTMLElement {
  return h(
    'tr',
    { class: 'story', 'data-story': s.id },
    h('td', { class: 'headline' }, h('a', { href: `/stories/${encodeURIComponent(s.id)}` }, s.headline || '(untitled story)')),
    h('td', { class: 'span' }, fmtSpan(s.firstSeen, s.lastSeen)),
    h('td', { class: 'n', title: 'outlets (articles) reporting it' }, String(s.articles)),
    h('td', { class: 'n', title: 'independent sources: groups of articles that do not derive from one another' }, String(s.independentSources)),
    h('td', null, counts(s)),
  );
}

function storyTable(stories: StorySummary[]): HTMLElement {
  return h(
    'table',
    { class: 'stories' },
    h('thead', null, h('tr', null, h('th', null, 'Story'), h('th', null, 'When'), h('th', null, 'Outlets'), h('th', null, 'Independent'), h('th', null, 'Claims'))),
    h('tbody', null, stories.map(storyRow)),
  );
}

function searchForm(q: string): HTMLElement {
  return h(
    'form',
    { class: 'search', method: 'get', action: '/', role: 'search' },
    h('input', { type: 'search', name: 'q', value: q, placeholder: 'Search stories and articles', 'aria-label': 'search', maxlength: 200 }),
    h('button', { type: 'submit' }, 'Search'),
  );
}

async function searchView(q: string): Promise<HTMLElement[]> {
  const r = await getJson<SearchResult>(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
  return [
    searchForm(q),
    h('h1', null, 'Results for “', q, '”'),
    h('h2', null, plural(r.stories.length, 'story', 'stories')),
    r.stories.length > 0 ? storyTable(r.stories) : h('p', { class: 'empty' }, 'No story matches.'),
    h('h2', null, plural(r.articles.length, 'article')),
    h(
      'ul',
      { class: 'articles' },
      r.articles.map((a) =>
        h(
          'li',
          null,
          h('a', { href: `/articles/${encodeURIComponent(a.id)}` }, a.title || a.id),
          a.story ? [' · ', h('a', { class: 'muted', href: `/stories/${encodeURIComponent(a.story)}` }, 'story')] : null,
        ),
      ),
    ),
    h('p', null, h('a', { href: '/' }, '← all stories')),
  ];
}

/** `/`: the story list (newest first, paged), or search results with `?q=`. */
export async function listView(params: URLSearchParams): Promise<HTMLElement[]> {
  const q = (params.get('q') ?? '').trim();
  if (q) return searchView(q);
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const page = await getJson<StoryPage>(`/api/stories?limit=${PAGE_SIZE}&offset=${offset}`);
  const nav = h(
    'nav',
    { class: 'pager' },
    offset > 0 ? h('a', { href: `/?offset=${Math.max(0, offset - PAGE_SIZE)}` }, '← newer') : null,
    ` ${page.total === 0 ? 0 : offset + 1}–${offset + page.stories.length} of ${page.total} `,
    offset + page.stories.length < page.total ? h('a', { href: `/?offset=${offset + PAGE_SIZE}` }, 'older →') : null,
  );
  return [
    searchForm(''),
    h('h1', null, 'Stories'),
    page.stories.length > 0
      ? storyTable(page.stories)
      : h('p', { class: 'empty' }, 'No stories yet. Ingest articles with ', h('code', null, 'newsfuse ingest'), ' or POST them to ', h('code', null, '/api/documents'), '; they appear here without a reload.'),
    nav,
  ];
}
