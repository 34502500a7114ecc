import type { Brief, OutletView } from '../api.js';
import { foldList, h, plural } from '../dom.js';
import { conflictKind, disputeSides, flagText, SINGLE_SOURCE_SHOWN, STATUS_ORDER, STATUS_TITLE, supportLine } from '../../src/render/common.js';
import { sourceChip, type SourceIndex } from '../sources.js';

type Claim = Brief['claims'][number];
type Status = Claim['status'];

/** Claims listed per status before the rest are folded (a big story has hundreds). */
const CLAIMS_SHOWN = 20;

/** The reader's choice of status filter, kept across live refreshes. */
let shownStatus: Status | 'all' = 'all';

/** A claim's flags from the outlets file ("all its independent support shares one owner: X"). */
function flagsOf(claim: Claim, outlets: OutletView | null): HTMLElement | null {
  const flags = (outlets?.flags ?? []).filter((f) => f.claim === claim.id);
  if (flags.length === 0) return null;
  return h('p', { class: 'flags' }, flags.map((f) => h('span', { class: 'flag' }, `⚑ ${flagText(f)}`)));
}

/** One conflict: "rocket: “Angara” [chips] vs “Soyuz-2” [chips]", or "revised from … to …", then each side's own sentences with their outlets. */
export function conflictView(claim: Claim, conflict: Claim['conflicts'][number], idx: SourceIndex): HTMLElement {
  const revision = conflictKind(conflict) === 'revision' && conflict.values.length >= 2;
  const sides = disputeSides(claim, conflict);
  return h(
    'div',
    { class: `conflict${revision ? ' revision' : ''}` },
    h('p', { class: 'about' }, conflict.about, revision ? ' — revised over time' : ''),
    h(
      'ul',
      { class: 'sides' },
      sides.map((side, i) =>
        h(
          'li',
          { class: 'side' },
          h('p', { class: 'side-value' }, revision ? (i === 0 ? 'revised from ' : i === sides.length - 1 ? 'to ' : 'then ') : '', h('mark', { class: 'val' }, `“${side.value}”`), ' ', plural(side.sources.length, 'source')),
          h(
            'ul',
            { class: 'said' },
            side.sentences.map((said) =>
              h(
                'li',
                null,
                h('q', { lang: langOf(idx, said.sources[0]) }, said.sentence),
                ' ',
                said.sources.map((sid) => sourceChip(idx, sid, claim.id)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A source's language as a lang attribute value, when known. */
export function langOf(idx: SourceIndex, sourceId: string | undefined): string | undefined {
  const lang = sourceId ? idx.byId.get(sourceId)?.language : undefined;
  return lang && lang !== 'und' ? lang : undefined;
}

function claimItem(claim: Claim, idx: SourceIndex, outlets: OutletView | null): HTMLElement {
  const support = supportLine(claim);
  return h(
    'li',
    { class: `claim ${claim.status}`, id: `claim-${claim.id}`, 'data-status': claim.status },
    h('p', { class: 'claim-head' }, h('span', { class: `badge ${claim.status}` }, claim.status), ' ', h('span', { class: 'claim-text' }, claim.text), support ? h('span', { class: 'support' }, ` — ${support}`) : null),
    h('p', { class: 'carriers' }, [...new Set(claim.sources.map((s) => s.source))].map((sid) => sourceChip(idx, sid, claim.id))),
    flagsOf(claim, outlets),
    claim.conflicts.map((c) => conflictView(claim, c, idx)),
  );
}

/** The claims by status (corroborated, disputed, then single-source folded when long), with a filter by status. */
export function claimList(brief: Brief, idx: SourceIndex, outlets: OutletView | null): HTMLElement {
  const groups = STATUS_ORDER.map((status) => ({ status, claims: brief.claims.filter((c) => c.status === status) })).filter((g) => g.claims.length > 0);
  const body = h(
    'div',
    { class: 'claim-groups', 'data-shown': shownStatus },
    groups.map(({ status, claims }) => {
      const list = foldList('ul', { class: 'claims' }, claims.map((c) => claimItem(c, idx, outlets)), CLAIMS_SHOWN, (n) => `${plural(n, `more ${status} claim`)}`);
      const title = `${STATUS_TITLE[status]} (${claims.length})`;
      // The long tail of single-source claims starts folded: it cross-checks nothing.
      if (status === 'single-source' && claims.length > SINGLE_SOURCE_SHOWN) {
        return h('details', { class: `status-group ${status}`, 'data-status': status }, h('summary', null, h('h3', null, title), h('span', { class: 'muted' }, ' each carried by one independent source only')), list);
      }
      return h('div', { class: `status-group ${status}`, 'data-status': status }, h('h3', null, title), list);
    }),
  );
  const buttons = (['all', ...groups.map((g) => g.status)] as const).map((status) => {
    const count = status === 'all' ? brief.claims.length : (groups.find((g) => g.status === status)?.claims.length ?? 0);
    const b = h('button', { type: 'button', class: 'filter', 'aria-pressed': String(shownStatus === status), 'data-filter': status }, `${status === 'all' ? 'All' : STATUS_TITLE[status]} ${count}`);
    b.addEventListener('click', () => {
      shownStatus = status;
      body.dataset.shown = status;
      for (const other of b.parentElement?.querySelectorAll('button') ?? []) other.setAttribute('aria-pressed', String(other === b));
      // Choosing single-source opens its folded list.
      if (status === 'single-source') body.querySelector('details.single-source')?.setAttribute('open', '');
    });
    return b;
  });
  return h('div', { class: 'claim-view' }, h('div', { class: 'filters', role: 'group', 'aria-label': 'show claims by status' }, buttons), body);
}
