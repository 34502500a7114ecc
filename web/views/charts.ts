import type { Brief, OutletView } from '../api.js';
import { fmtDate, h, plural, s } from '../dom.js';
import { conflictKind } from '../../src/render/common.js';
import { articleHref, type SourceIndex } from '../sources.js';

/** Drawing sizes of the coverage timeline, in CSS pixels (the SVG is drawn at the size it is shown, so text never shrinks). */
const ROW_PX = 24;
const LABEL_PX = 40;
/** Lines under the chart for the labels of a revised figure (staggered so that close values do not overlap). */
const FLAG_LINES = 3;
const FLAG_LINE_PX = 13;
const AXIS_PX = 34;
const MARGIN_PX = 16;
const MIN_WIDTH_PX = 300;
const MAX_WIDTH_PX = 1100;
const DOT_R = 6;

interface Dated {
  id: string;
  t: number;
}

function timeOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** Axis label: a date when the span is over two days, else date and time. */
function tickLabel(t: number, span: number): string {
  const iso = new Date(t).toISOString();
  return span > 2 * 86_400_000 ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/**
 * Coverage over time: one dot per report at its publication time, one row per
 * independence group (copies share a row and a colour), and the values of a
 * figure revised over time flagged where they first appear.
 */
export function coverageTimeline(brief: Brief, idx: SourceIndex): HTMLElement {
  const dated: Dated[] = brief.sources.flatMap((src) => {
    const t = timeOf(src.publishedAt);
    return t === undefined ? [] : [{ id: src.id, t }];
  });
  const undated = brief.sources.length - dated.length;
  const note = undated > 0 ? h('p', { class: 'muted' }, `${plural(undated, 'report')} without a publication time ${undated === 1 ? 'is' : 'are'} not drawn.`) : null;
  if (dated.length === 0) return h('div', null, h('p', { class: 'empty' }, 'No report gives its publication time: no timeline to draw.'));
  const width = Math.max(MIN_WIDTH_PX, Math.min(MAX_WIDTH_PX, document.documentElement.clientWidth - 64));
  const rows = idx.groups.filter((g) => g.members.some((m) => dated.some((d) => d.id === m.id)));
  const revisions = brief.claims.flatMap((c) => c.conflicts.filter((k) => conflictKind(k) === 'revision'));
  const plot = AXIS_PX + rows.length * ROW_PX;
  const height = plot + MARGIN_PX + (revisions.length > 0 ? FLAG_LINES * FLAG_LINE_PX : 0);
  const t0 = Math.min(...dated.map((d) => d.t));
  const t1 = Math.max(...dated.map((d) => d.t));
  const span = Math.max(1, t1 - t0);
  const x = (t: number) => LABEL_PX + MARGIN_PX + ((t - t0) / span) * (width - LABEL_PX - 3 * MARGIN_PX);
  const y = (row: number) => AXIS_PX + row * ROW_PX + ROW_PX / 2;
  const ticks = t1 === t0 ? [t0] : [t0, t0 + span / 2, t1];
  const axis = ticks.map((t, i) =>
    s('g', null, s('line', { x1: x(t), x2: x(t), y1: AXIS_PX - 6, y2: plot, class: 'tick' }), s('text', { x: x(t), y: AXIS_PX - 12, 'text-anchor': i === 0 && ticks.length > 1 ? 'start' : i === ticks.length - 1 && ticks.length > 1 ? 'end' : 'middle', class: 'axis-label' }, tickLabel(t, span))),
  );
  const rowMarks = rows.map((g, row) =>
    s(
      'g',
      { class: 'row' },
      s('text', { x: 4, y: y(row) + 4, class: 'row-label' }, s('title', null, `independence group ${g.label}`), g.label),
      g.members.flatMap((m) => {
        const d = dated.find((dd) => dd.id === m.id);
        if (!d) return [];
        const link = s(
          'a',
          { href: articleHref(m.id), 'aria-label': `[${idx.number.get(m.id)}] ${idx.label(m.id)}, ${fmtDate(brief.sources.find((x) => x.id === m.id)?.publishedAt)}` },
          s('title', null, `[${idx.number.get(m.id)}] ${idx.label(m.id)}: ${m.title}`),
          s('circle', { cx: x(d.t).toFixed(1), cy: y(row), r: DOT_R, fill: g.colour, class: 'dot' }),
        );
        return [link];
      }),
    ),
  );
  // A figure revised over time: each value flagged at the first report giving it, labels on staggered lines below.
  let flagCount = 0;
  const flags = revisions.flatMap((conflict) =>
    conflict.values.flatMap((v) => {
      const times = v.sources.flatMap((sid) => dated.filter((d) => d.id === sid).map((d) => d.t));
      if (times.length === 0) return [];
      const t = Math.min(...times);
      const line = flagCount++ % FLAG_LINES;
      const labelY = plot + MARGIN_PX + (line + 1) * FLAG_LINE_PX - 3;
      const anchor = x(t) > width / 2 ? 'end' : 'start';
      return [s('g', { class: 'revision-flag' }, s('line', { x1: x(t), x2: x(t), y1: AXIS_PX - 2, y2: labelY - 10, class: 'revision-line' }), s('text', { x: x(t) + (anchor === 'end' ? -3 : 3), y: labelY, 'text-anchor': anchor, class: 'revision-label' }, `${conflict.about}: ${v.value}`))];
    }),
  );
  const svg = s('svg', { class: 'chart timeline-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': `coverage timeline: ${plural(dated.length, 'report')} from ${fmtDate(new Date(t0).toISOString())} to ${fmtDate(new Date(t1).toISOString())}, by independence group` }, axis, rowMarks, flags);
  return h('div', null, h('div', { class: 'scroll-box' }, svg), revisions.length > 0 ? h('p', { class: 'legend-line' }, 'Dashed lines: a figure revised over time, at the first report of each value.') : null, note);
}

const FIELD_TITLES: Record<'country' | 'owner' | 'kind', string> = { country: 'By country', owner: 'By owner', kind: 'By kind of outlet' };

/** Support by the user's outlet metadata: independent groups per country, owner and kind, as bars with their numbers written out. */
export function supportChart(view: OutletView | null, idx: SourceIndex): HTMLElement {
  if (!view || view.outlets === 0) {
    return h('p', { class: 'empty' }, 'No outlets file loaded: start ', h('code', null, 'newsfuse serve --outlets FILE'), ' to see the support by country, owner and kind (see docs/server.md).');
  }
  const total = Math.max(1, idx.groups.length);
  return h(
    'div',
    { class: 'support-charts' },
    (['country', 'owner', 'kind'] as const).map((field) =>
      h(
        'figure',
        { class: 'bars' },
        h('figcaption', null, FIELD_TITLES[field]),
        h(
          'ul',
          null,
          view.by[field].map((share) => {
            const bar = h('span', { class: `bar${share.value === 'unknown' ? ' unknown' : ''}` });
            bar.style.width = `${Math.max(2, (100 * share.groups) / total)}%`;
            return h('li', null, h('span', { class: 'bar-label' }, share.value), h('span', { class: 'bar-track' }, bar), h('span', { class: 'bar-value' }, `${plural(share.groups, 'independent group')} · ${plural(share.sources.length, 'report')}`));
          }),
        ),
      ),
    ),
  );
}
