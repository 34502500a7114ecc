import type { Brief } from '../api.js';
import { h, s } from '../dom.js';
import type { SourceIndex } from '../sources.js';

/** Drawing constants: canvas, node radius, the circle the nodes sit on. */
const WIDTH = 640;
const HEIGHT = 320;
const NODE_R = 18;
const MIN_NODE_R = 6;
/** Arrowheads keep one size whatever the line's width (thick lines would otherwise grow huge heads). */
const ARROW_PX = 11;
/** Smallest node that still fits its citation number. */
const NUMBERED_NODE_R = 11;
/** Above this many sources the ring is too crowded for names: numbers only, names in the tooltips. */
const MAX_LABELLED_NODES = 12;
const RING_MARGIN = 50;

const KIND_STYLE: Record<string, { colour: string; dash?: string; arrow: boolean; label: string }> = {
  copy: { colour: '#dc2626', arrow: true, label: 'copy' },
  rewrite: { colour: '#d97706', arrow: true, label: 'rewrite' },
  translation: { colour: '#7c3aed', dash: '6 4', arrow: true, label: 'translation' },
  'shared-origin': { colour: '#6b7280', dash: '2 4', arrow: false, label: 'shared origin (neither copied the other)' },
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

/** Who copied whom, as SVG: sources on a ring (group members adjacent), arrows from origin to copy, styled by kind. */
export function derivationGraph(brief: Brief, idx: SourceIndex): HTMLElement {
  const nodes = idx.groups.flatMap((g) => g.members);
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  // An ellipse filling the canvas: a circle would leave the wide canvas's sides empty.
  const shrink = nodes.length <= 2 ? 40 : 0;
  const ry = cy - RING_MARGIN - shrink;
  const rx = nodes.length <= MAX_LABELLED_NODES ? ry : cx - RING_MARGIN - shrink;
  // Nodes shrink so that a crowded ring still shows every source apart (π(rx+ry) is about the ellipse's perimeter).
  const nodeR = Math.max(MIN_NODE_R, Math.min(NODE_R, (Math.PI * (rx + ry)) / (2 * Math.max(1, nodes.length)) - 2));
  const pos = new Map<string, { x: number; y: number }>();
  nodes.forEach((n, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, nodes.length);
    pos.set(n.id, nodes.length === 1 ? { x: cx, y: cy } : { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) });
  });
  const edges = edgesOf(brief).filter((e) => pos.has(e.from) && pos.has(e.to));

  const defs = s(
    'defs',
    null,
    Object.entries(KIND_STYLE)
      .filter(([, st]) => st.arrow)
      .map(([kind, st]) =>
        s('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerUnits: 'userSpaceOnUse', markerWidth: ARROW_PX, markerHeight: ARROW_PX, orient: 'auto-start-reverse' }, s('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: st.colour })),
      ),
  );
  const lines = edges.map((e) => {
    const a = pos.get(e.from) as { x: number; y: number };
    const b = pos.get(e.to) as { x: number; y: number };
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len;
    const uy = (b.y - a.y) / len;
    const st = KIND_STYLE[e.kind] ?? { colour: '#111827', arrow: true, label: e.kind };
    const title =
      e.kind === 'shared-origin'
        ? `[${idx.number.get(e.from)}] ${idx.label(e.from)} and [${idx.number.get(e.to)}] ${idx.label(e.to)} share an origin (${e.score.toFixed(2)})`
        : `[${idx.number.get(e.to)}] ${idx.label(e.to)} is a ${st.label} of [${idx.number.get(e.from)}] ${idx.label(e.from)} (${e.score.toFixed(2)})`;
    return s(
      'line',
      {
        class: `edge ${e.kind}`,
        x1: (a.x + ux * nodeR).toFixed(1),
        y1: (a.y + uy * nodeR).toFixed(1),
        x2: (b.x - ux * (nodeR + 2)).toFixed(1),
        y2: (b.y - uy * (nodeR + 2)).toFixed(1),
        stroke: st.colour,
        'stroke-width': (1.5 + 2.5 * Math.max(0, Math.min(1, e.score))).toFixed(1),
        'stroke-dasharray': st.dash,
        'marker-end': st.arrow ? `url(#arrow-${e.kind})` : undefined,
      },
      s('title', null, title),
    );
  });
  const circles = nodes.map((n) => {
    const p = pos.get(n.id) as { x: number; y: number };
    const below = p.y >= cy;
    return s(
      'g',
      { class: 'node', 'data-source': n.id },
      s('title', null, `[${idx.number.get(n.id)}] ${n.title}`),
      s('circle', { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: nodeR.toFixed(1), fill: idx.colourOf(n.id) }),
      nodeR < NUMBERED_NODE_R ? null : s('text', { x: p.x.toFixed(1), y: (p.y + 5).toFixed(1), 'text-anchor': 'middle', class: 'node-num' }, String(idx.number.get(n.id))),
      nodes.length > MAX_LABELLED_NODES
        ? null
        : s('text', { x: p.x.toFixed(1), y: (below ? p.y + nodeR + 16 : p.y - nodeR - 8).toFixed(1), 'text-anchor': 'middle', class: 'node-label' }, idx.label(n.id).slice(0, 28)),
    );
  });
  const svg = s('svg', { class: 'graph', id: 'graph', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'derivation graph: who copied whom' }, defs, lines, circles);
  const legend = h(
    'ul',
    { class: 'legend' },
    Object.entries(KIND_STYLE).map(([kind, st]) => {
      const sw = h('span', { class: `swatch ${kind}` });
      sw.style.borderTopColor = st.colour;
      return h('li', null, sw, st.arrow ? `${st.label}: arrow from origin to copy` : st.label);
    }),
  );
  return h(
    'figure',
    { class: 'graph-fig' },
    svg,
    edges.length === 0 ? h('figcaption', null, 'No derivations found: every source reads as independent.') : h('figcaption', null, `${edges.length} derivation${edges.length === 1 ? '' : 's'}; node colour = independence group.`),
    legend,
  );
}
