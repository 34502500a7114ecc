import type { Brief } from './api.js';
import { h } from './dom.js';
import { letterLabel } from '../src/render/common.js';

type Source = Brief['sources'][number];

/**
 * Group colours: distinct hues for independence groups, so that copies of one
 * report visibly share a colour in the matrix, the source list and the graph.
 */
const GROUP_COLOURS = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#dc2626', '#4b5563', '#b45309'];

export interface SourceIndex {
  /** In brief order. */
  list: Source[];
  byId: Map<string, Source>;
  /** 1-based citation number, as in the brief's source list. */
  number: Map<string, number>;
  /** Groups in order of first appearance, with their members. */
  groups: { id: string; members: Source[]; colour: string; label: string }[];
  colourOf(sourceId: string): string;
  label(sourceId: string): string;
}


export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Longest title fragment used as a source's name when it has no site name or address. */
const NAME_FROM_TITLE_CHARS = 22;

/** What a reader recognises a source by: its outlet, else its web site, else the start of its headline. */
export function sourceName(src: Source): string {
  const fromTitle = src.title.length > NAME_FROM_TITLE_CHARS ? `${src.title.slice(0, NAME_FROM_TITLE_CHARS - 1).trimEnd()}…` : src.title;
  return src.siteName || hostOf(src.url) || fromTitle || src.id;
}

export function indexSources(brief: Brief): SourceIndex {
  const byId = new Map(brief.sources.map((s) => [s.id, s]));
  const number = new Map(brief.sources.map((s, i) => [s.id, i + 1]));
  const groupMap = new Map<string, Source[]>();
  for (const s of brief.sources) {
    const members = groupMap.get(s.group) ?? [];
    members.push(s);
    groupMap.set(s.group, members);
  }
  const groups = [...groupMap.entries()].map(([id, members], i) => ({
    id,
    members,
    colour: GROUP_COLOURS[i % GROUP_COLOURS.length] as string,
    label: letterLabel(i),
  }));
  const colour = new Map<string, string>();
  for (const g of groups) for (const m of g.members) colour.set(m.id, g.colour);
  return {
    list: brief.sources,
    byId,
    number,
    groups,
    colourOf: (id) => colour.get(id) ?? '#6b7280',
    label: (id) => {
      const s = byId.get(id);
      return s ? sourceName(s) : id;
    },
  };
}

export function articleHref(sourceId: string, claimId?: string): string {
  return `/articles/${encodeURIComponent(sourceId)}${claimId ? `#claim-${encodeURIComponent(claimId)}` : ''}`;
}

/** A small "[3] site" chip linking to the article, in its group's colour. */
export function sourceChip(idx: SourceIndex, sourceId: string): HTMLElement {
  const chip = h('a', { class: 'chip', href: articleHref(sourceId), title: idx.byId.get(sourceId)?.title ?? sourceId }, h('span', { class: 'num' }, `${idx.number.get(sourceId) ?? '?'}`), ' ', idx.label(sourceId));
  chip.style.borderColor = idx.colourOf(sourceId);
  return chip;
}
