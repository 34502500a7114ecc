import type { Brief } from '../api.js';
import { h } from '../dom.js';
import { withPopover } from '../popover.js';
import { articleHref, type SourceIndex } from '../sources.js';
import { langOf } from './claims.js';

type Claim = Brief['claims'][number];

/** More single-source rows than this are folded behind a button: they are the long tail, not the story. */
const OPEN_SINGLE_SOURCE_ROWS = 12;

/** Rows drawn at most: a matrix of thousands of rows helps no reader and slows the page; the rest are counted. */
const MAX_ROWS = 400;

/** Whether the reader opened the single-source rows; kept across live refreshes of the page. */
let singleSourceOpen = false;

/** Rows first: disputed claims, then by independent support, then by support. */
const STATUS_ORDER: Record<string, number> = { disputed: 0, corroborated: 1, 'single-source': 2 };

export function sortClaims(claims: Claim[]): Claim[] {
  return [...claims].sort(
    (a, b) =>
      (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3) ||
      b.independentSupport - a.independentSupport ||
      b.support - a.support,
  );
}

/** Longest value shown inside a matrix cell; the popover has the whole of it. */
const CELL_VALUE_CHARS = 14;

/** Shades of a filled cell: from 1 independent group (lightest) to all of them (darkest). */
const STRENGTH_LEVELS = 4;

/** The value a source gives in a disputed claim ("Angara" vs "Soyuz-2"), shown in its cell. */
function sourceValue(claim: Claim, sourceId: string): { value: string; about: string } | undefined {
  for (const c of claim.conflicts) {
    const v = c.values.find((x) => x.sources.includes(sourceId));
    if (v) return { value: v.value, about: c.about };
  }
  return undefined;
}

/**
 * The claim × source matrix: one row per claim, one column per source,
 * columns grouped by independence group (a header cell spans each group).
 * A filled cell means the source carries the claim; its shade grows with the
 * claim's independent support; disputed claims show which value each source
 * gives. The table scrolls sideways inside its own box, never the page.
 */
export function claimMatrix(brief: Brief, idx: SourceIndex): HTMLElement {
  const columns = idx.groups.flatMap((g) => g.members);
  const maxIndependent = Math.max(1, idx.groups.length);
  const colgroups = idx.groups.map((g) => h('colgroup', { span: g.members.length }));
  const groupHead = h(
    'tr',
    { class: 'groups' },
    h('td', { class: 'corner' }),
    idx.groups.map((g) => {
      const th = h('th', { colspan: g.members.length, scope: 'colgroup', class: 'group', title: `group ${g.label}: ${g.members.length} source(s) that derive from one another` }, g.label);
      th.style.borderBottomColor = g.colour;
      th.style.borderBottomStyle = g.line;
      return th;
    }),
  );
  const sourceHead = h(
    'tr',
    null,
    h('th', { class: 'corner', scope: 'col' }, 'claim'),
    columns.map((src) => {
      const th = h('th', { class: 'src', scope: 'col', title: `${idx.label(src.id)}: ${src.title}` }, h('a', { href: articleHref(src.id), 'aria-label': `[${idx.number.get(src.id)}] ${idx.label(src.id)}` }, `[${idx.number.get(src.id)}]`));
      th.style.borderTopColor = idx.colourOf(src.id);
      return th;
    }),
  );
  const sorted = sortClaims(brief.claims);
  const rows = sorted.slice(0, MAX_ROWS).map((claim) => {
    const sentences = new Map(claim.sources.map((s) => [s.source, s.sentence]));
    const head = h(
      'th',
      { class: 'claim', scope: 'row', title: claim.text },
      h(
        'div',
        { class: 'clamp' },
        h('span', { class: `badge ${claim.status}` }, claim.status),
        ' ',
        h('span', { class: 'claim-text' }, claim.text),
        h('span', { class: 'support', title: 'sources carrying it / independent groups carrying it' }, ` ${claim.support} src · ${claim.independentSupport} indep.`),
      ),
    );
    // Darker with more independent support: 1 group is the lightest, all groups the darkest.
    const level = Math.max(1, Math.ceil((STRENGTH_LEVELS * Math.min(claim.independentSupport, maxIndependent)) / maxIndependent));
    const cells = columns.map((src) => {
      const sentence = sentences.get(src.id);
      const value = claim.conflicts.length > 0 ? sourceValue(claim, src.id) : undefined;
      if (sentence === undefined && value === undefined) return h('td', { class: 'cell empty' });
      const td = h('td', { class: `cell on ${claim.status} s${level}${value ? ' value' : ''}`, 'data-source': src.id, 'data-claim': claim.id });
      const shown = value ? (value.value.length > CELL_VALUE_CHARS ? `${value.value.slice(0, CELL_VALUE_CHARS - 1)}…` : value.value) : '●';
      // The accessible name starts with what the cell shows, then says whose it is.
      const link = h('a', { href: articleHref(src.id, claim.id), 'aria-label': `${value ? shown : 'carried'} — [${idx.number.get(src.id)}] ${idx.label(src.id)}` }, shown);
      const heading = `[${idx.number.get(src.id)}] ${idx.label(src.id)}${value ? ` — ${value.about}: ${value.value}` : ''}`;
      withPopover(link, heading, sentence ?? value?.value ?? '', langOf(idx, src.id));
      td.appendChild(link);
      return td;
    });
    return h('tr', { class: `row ${claim.status}`, id: `row-${claim.id}` }, head, cells);
  });
  const table = h(
    'table',
    { class: 'matrix', id: 'matrix' },
    h('caption', { class: 'visually-hidden' }, 'Claims (rows) by the sources that carry them (columns, grouped by independence group)'),
    h('colgroup', { span: 1 }),
    colgroups,
    h('thead', null, groupHead, sourceHead),
    h('tbody', null, rows),
  );
  const box = h('div', { class: 'scroll-box matrix-wrap', tabindex: 0, role: 'region', 'aria-label': 'claim × source matrix, scrolls sideways' }, table);
  const more = sorted.length > MAX_ROWS ? h('p', { class: 'muted' }, `${sorted.length - MAX_ROWS} more claims (all single-source or weaker) are not drawn.`) : null;
  const single = sorted.slice(0, MAX_ROWS).filter((c) => c.status === 'single-source').length;
  if (single <= OPEN_SINGLE_SOURCE_ROWS) return h('div', null, box, more);
  // Folded rows stay in the DOM (hidden by a class), so the matrix is complete for find-in-page once opened.
  const label = () => `${singleSourceOpen ? 'Hide' : 'Show'} ${single} single-source claims`;
  table.classList.toggle('fold-single', !singleSourceOpen);
  const toggle = h('button', { type: 'button', class: 'fold', 'aria-controls': 'matrix', 'aria-expanded': String(singleSourceOpen) }, label());
  toggle.addEventListener('click', () => {
    singleSourceOpen = !singleSourceOpen;
    table.classList.toggle('fold-single', !singleSourceOpen);
    toggle.textContent = label();
    toggle.setAttribute('aria-expanded', String(singleSourceOpen));
  });
  return h('div', null, box, toggle, more);
}
