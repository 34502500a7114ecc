import type { Brief } from '../api.js';
import { h, plural, s } from '../dom.js';
import { articleHref, sourceChip, type GroupStyle, type SourceIndex } from '../sources.js';

/**
 * Who copied whom. Derivations (copy, rewrite, translation, shared origin)
 * are what make articles one independence group, so every edge runs inside a
 * group: the graph is drawn one row per group that has derivations, origin
 * first, at its real pixel size in a box that scrolls sideways when a group is
 * long. Labels therefore keep their size at any story size; groups of one
 * source (no derivation) are listed, not drawn.
 */

const NODE_R = 15;
const STEP_PX = 170;
const ROW_PX = 96;
const PAD_PX = 24;
const LABEL_CHARS = 22;
const ARROW_PX = 10;

const KIND_STYLE: Record<string, { colour: string; dash?: string; arrow: boolean; label: string }> = {
  copy: { colour: '#b91c1c', arrow: true, label: 'copy' },
  rewrite: { colour: '#b45309', arrow: true, label: 'rewrite' },
  translation: { colour: '#6d28d9', dash: '6 4', arrow: true, label: 'translation' },
  'shared-origin': { colour: '#4b5563', dash: '2 4', arrow: false, label: 'shared origin (neither copied the other)' },
};

interface Edge {
  from: string;
  to: string;
  kind: string;
  score: number;
}

function edgesOf(brief: Brief): Edge[] {
  const seen = new Set<string>();
  const out: Edge[] = [];
  for (const src of brief.sources) {
    for (const d of src.derivedFrom) {
      // derivedFrom names the origin: the edge runs origin → this source (this source copied it).
      const key = d.kind === 'shared-origin' ? [d.source, src.id].sort().join('\u0000') + d.kind : `${d.source}\u0000${src.id}${d.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ from: d.source, to: src.id, kind: d.kind, score: d.score });
    }
  }
  return out;
}

/** Members with origins before their copies (a topological order of the group's derivations; ties in brief order). */
function originFirst(group: GroupStyle, edges: Edge[]): string[] {
  const ids = group.members.map((m) => m.id);
  const incoming = new Map(ids.map((id) => [id, edges.filter((e) => e.to === id && e.kind !== 'shared-origin' && ids.includes(e.from)).length]));
  const order: string[] = [];
  const left = new Set(ids);
  while (left.size > 0) {
    const next = ids.find((id) => left.has(id) && (incoming.get(id) ?? 0) === 0) ?? ids.find((id) => left.has(id)) as string;
    order.push(next);
    left.delete(next);
    for (const e of edges) if (e.from === next && e.kind !== 'shared-origin') incoming.set(e.to, (incoming.get(e.to) ?? 1) - 1);
  }
  return order;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export function derivationGraph(brief: Brief, idx: SourceIndex): HTMLElement {
  const edges = edgesOf(brief);
  const linked = idx.groups.filter((g) => g.members.length > 1);
  const alone = idx.groups.filter((g) => g.members.length === 1);
  const widest = Math.max(1, ...linked.map((g) => g.members.length));
  const width = PAD_PX * 2 + (widest - 1) * STEP_PX + 2 * NODE_R + 60;
  const height = Math.max(1, linked.length) * ROW_PX;
  const pos = new Map<string, { x: number; y: number }>();
  linked.forEach((g, row) => originFirst(g, edges).forEach((id, i) => pos.set(id, { x: PAD_PX + NODE_R + 50 + i * STEP_PX, y: row * ROW_PX + 36 })));

  const defs = s(
    'defs',
    null,
    Object.entries(KIND_STYLE)
      .filter(([, st]) => st.arrow)
      .map(([kind, st]) => s('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: ARROW_PX, markerHeight: ARROW_PX, orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: st.colour }))),
  );
  const lines = edges.flatMap((e) => {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) return [];
    const st = KIND_STYLE[e.kind] ?? { colour: '#111827', arrow: true, label: e.kind };
    const dir = Math.sign(b.x - a.x) || 1;
    const adjacent = Math.abs(b.x - a.x) <= STEP_PX;
    // Neighbours get a straight line; edges that skip nodes arc above the row, higher the further they reach.
    const lift = adjacent ? 0 : 14 + Math.abs(b.x - a.x) / STEP_PX * 6;
    const x1 = a.x + dir * NODE_R;
    const x2 = b.x - dir * (NODE_R + 2);
    const d = adjacent ? `M ${x1} ${a.y} L ${x2} ${b.y}` : `M ${x1} ${a.y - 6} Q ${(x1 + x2) / 2} ${a.y - NODE_R - lift} ${x2} ${b.y - 6}`;
    const title =
      e.kind === 'shared-origin'
        ? `[${idx.number.get(e.from)}] ${idx.label(e.from)} and [${idx.number.get(e.to)}] ${idx.label(e.to)} share an origin (${e.score.toFixed(2)})`
        : `[${idx.number.get(e.to)}] ${idx.label(e.to)} is a ${st.label} of [${idx.number.get(e.from)}] ${idx.label(e.from)} (${e.score.toFixed(2)})`;
    return [
      s(
        'path',
        { class: `edge ${e.kind}`, d, fill: 'none', stroke: st.colour, 'stroke-width': (1.5 + 2 * Math.max(0, Math.min(1, e.score))).toFixed(1), 'stroke-dasharray': st.dash, 'marker-end': st.arrow ? `url(#arrow-${e.kind})` : undefined },
        s('title', null, title),
      ),
    ];
  });
  const rows = linked.map((g, row) =>
    s(
      'g',
      { class: 'group-row' },
      s('text', { x: 4, y: row * ROW_PX + 41, class: 'row-label' }, g.label),
      g.members.map((m) => {
        const p = pos.get(m.id) as { x: number; y: number };
        return s(
          'a',
          { href: articleHref(m.id), class: 'node', 'data-source': m.id },
          s('title', null, `[${idx.number.get(m.id)}] ${idx.label(m.id)}: ${m.title}`),
          s('circle', { cx: p.x, cy: p.y, r: NODE_R, fill: g.colour }),
          s('text', { x: p.x, y: p.y + 5, 'text-anchor': 'middle', class: 'node-num' }, String(idx.number.get(m.id))),
          s('text', { x: p.x, y: p.y + NODE_R + 18, 'text-anchor': 'middle', class: 'node-label' }, clip(idx.label(m.id), LABEL_CHARS)),
        );
      }),
    ),
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    Object.entries(KIND_STYLE).map(([kind, st]) => {
      const sw = h('span', { class: `swatch ${kind}` });
      sw.style.borderTopColor = st.colour;
      return h('li', null, sw, st.arrow ? `${st.label}: arrow from origin to copy` : st.label);
    }),
  );
  const drawn =
    linked.length === 0
      ? h('p', { class: 'empty' }, 'No derivations found: every source reads as independent.')
      : h(
          'div',
          { class: 'scroll-box' },
          s('svg', { class: 'graph', id: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': `derivation graph: ${plural(edges.length, 'derivation')} within ${plural(linked.length, 'group')} of related sources` }, defs, lines, rows),
        );
  return h(
    'figure',
    { class: 'graph-fig' },
    drawn,
    h('figcaption', null, `${plural(edges.length, 'derivation')}; one row per group of related sources, origin first; node colour = independence group.`),
    linked.length > 0 ? legend : null,
    alone.length > 0 ? h('div', { class: 'independent' }, h('p', { class: 'muted' }, `${plural(alone.length, 'source')} with no derivation found:`), h('p', { class: 'chips' }, alone.map((g) => sourceChip(idx, (g.members[0] as { id: string }).id)))) : null,
  );
}
