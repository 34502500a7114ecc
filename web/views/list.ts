import { getJson, type SearchResult, type SnippetPart, type StoryPage, type StorySummary } from '../api.js';
import { fmtDate, fmtSpan, h, plural } from '../dom.js';
import { cleanText } from '../../src/render/sanitize.js';

/** Stories per page of the list. */
const PAGE_SIZE = 25;

function counts(s: StorySummary): HTMLElement {
  return h(
    'p',
    { class: 'badges' },
    h('span', { class: 'badge corroborated', title: 'claims carried by two or more independent sources' }, `${s.claims.corroborated} corroborated`),
    h('span', { class: 'badge disputed', title: 'claims on which sources give different values' }, `${s.claims.disputed} disputed`),
    h('span', { class: 'badge single-source', title: 'claims carried by one independent source only' }, `${s.claims.singleSource} single-source`),
  );
}

/** A snippet with its matching words in <mark> (text nodes only). */
function snippet(parts: SnippetPart[]): HTMLElement | null {
  if (parts.length === 0) return null;
  return h('p', { class: 'snippet' }, parts.map((p) => (p.mark ? h('mark', null, cleanText(p.text)) : cleanText(p.text))));
}

/** One story as a card: it fits a phone, and a desktop shows several side by side. */
function storyCard(s: StorySummary & { snippet?: SnippetPart[] }): HTMLElement {
  return h(
    'li',
    { class: 'story', 'data-story': s.id },
    h('h2', { class: 'headline' }, h('a', { href: `/stories/${encodeURIComponent(s.id)}` }, cleanText(s.headline) || '(untitled story)')),
    h('p', { class: 'facts' }, h('span', null, fmtSpan(s.firstSeen, s.lastSeen)), h('span', { title: 'outlets (articles) reporting it' }, plural(s.articles, 'outlet')), h('span', { title: 'groups of articles that do not derive from one another' }, plural(s.independentSources, 'independent source'))),
    counts(s),
    s.snippet ? snippet(s.snippet) : null,
  );
}

function storyCards(stories: (StorySummary & { snippet?: SnippetPart[] })[], label: string): HTMLElement {
  return h('ol', { class: 'stories', 'aria-label': label }, stories.map(storyCard));
}

function searchForm(q: string): HTMLElement {
  return h(
    'form',
    { class: 'search', method: 'get', action: '/', role: 'search' },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Search stories, claims and articles'),
    h('input', { id: 'q', type: 'search', name: 'q', value: q, placeholder: 'Search: words, "a phrase", or, -word', maxlength: 200, autocomplete: 'off' }),
    h('button', { type: 'submit' }, 'Search'),
  );
}

async function searchView(q: string): Promise<HTMLElement[]> {
  const r = await getJson<SearchResult>(`/api/search?q=${encodeURIComponent(q)}&limit=50`);
  document.title = `${q} — newsfuse search`;
  return [
    searchForm(q),
    h('h1', null, 'Results for “', q, '”'),
    h('p', { class: 'muted', role: 'status' }, `${plural(r.stories.length, 'story', 'stories')}, ${plural(r.claims.length, 'claim')}, ${plural(r.articles.length, 'article')}`),
    h('section', { class: 'results', 'aria-labelledby': 'r-stories' }, h('h2', { id: 'r-stories' }, plural(r.stories.length, 'story', 'stories')), r.stories.length > 0 ? storyCards(r.stories, 'matching stories') : h('p', { class: 'empty' }, 'No story matches.')),
    h(
      'section',
      { class: 'results', 'aria-labelledby': 'r-claims' },
      h('h2', { id: 'r-claims' }, plural(r.claims.length, 'claim')),
      r.claims.length > 0
        ? h('ul', { class: 'hits' }, r.claims.map((c) => h('li', null, h('span', { class: `badge ${c.status}` }, c.status), ' ', h('a', { href: `/stories/${encodeURIComponent(c.story)}#claim-${encodeURIComponent(c.id)}` }, snippet(c.snippet)))))
        : h('p', { class: 'empty' }, 'No claim matches (claims are searched in the stories that have been opened).'),
    ),
    h(
      'section',
      { class: 'results', 'aria-labelledby': 'r-articles' },
      h('h2', { id: 'r-articles' }, plural(r.articles.length, 'article')),
      h(
        'ul',
        { class: 'hits' },
        r.articles.map((a) =>
          h(
            'li',
            null,
            h('a', { class: 'hit-title', href: `/articles/${encodeURIComponent(a.id)}` }, cleanText(a.title) || a.id),
            h('span', { class: 'muted' }, [a.siteName ? ` · ${cleanText(a.siteName)}` : '', a.publishedAt ? ` · ${fmtDate(a.publishedAt)}` : ''].join('')),
            a.story ? [' · ', h('a', { href: `/stories/${encodeURIComponent(a.story)}` }, 'its story')] : null,
            snippet(a.snippet),
          ),
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
  document.title = 'Stories — newsfuse';
  const nav = h(
    'nav',
    { class: 'pager', 'aria-label': 'pages of stories' },
    offset > 0 ? h('a', { href: `/?offset=${Math.max(0, offset - PAGE_SIZE)}` }, '← newer') : null,
    ` ${page.total === 0 ? 0 : offset + 1}–${offset + page.stories.length} of ${page.total} `,
    offset + page.stories.length < page.total ? h('a', { href: `/?offset=${offset + PAGE_SIZE}` }, 'older →') : null,
  );
  return [
    searchForm(''),
    h('div', { class: 'list-head' }, h('h1', null, 'Stories'), h('a', { class: 'feed', href: '/api/feed.atom', type: 'application/atom+xml' }, 'Atom feed')),
    page.stories.length > 0
      ? storyCards(page.stories, 'stories, newest first')
      : h('p', { class: 'empty' }, 'No stories yet. Ingest articles with ', h('code', null, 'newsfuse ingest'), ' or POST them to ', h('code', null, '/api/documents'), '; they appear here without a reload.'),
    nav,
  ];
}
