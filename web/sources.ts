import type { Brief } from './api.js';
import { h } from './dom.js';
import { letterLabel, outletLine, sourceIdentity, type SourceIdentity } from '../src/render/common.js';
import { safeHttpUrl } from '../src/render/escape.js';
import type { OutletDirectory } from '../src/outlets/directory.js';

type Source = Brief['sources'][number];

/**
 * Group colours: distinct hues for independence groups, so that copies of one
 * report visibly share a colour in the lists, the matrix and the graph. Past
 * the palette a group is told apart by its line style too (solid, dashed,
 * dotted, double), and always by its letter, which every group tag carries.
 */
const GROUP_COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be185d', '#0e7490', '#4d7c0f', '#b91c1c', '#4b5563', '#9a3412', '#0369a1', '#a21caf'];
const GROUP_LINES = ['solid', 'dashed', 'dotted', 'double'];

export interface GroupStyle {
  id: string;
  members: Source[];
  colour: string;
  /** Border style that tells apart groups sharing a colour. */
  line: string;
  label: string;
}

export interface SourceIndex {
  /** In brief order. */
  list: Source[];
  byId: Map<string, Source>;
  /** 1-based citation number, as in the brief's source list. */
  number: Map<string, number>;
  /** Groups in order of first appearance, with their members. */
  groups: GroupStyle[];
  groupOf(sourceId: string): GroupStyle | undefined;
  colourOf(sourceId: string): string;
  /** Outlet (or headline) and date: how a source is named beside a citation. */
  label(sourceId: string): string;
  identity(sourceId: string): SourceIdentity;
}

export function indexSources(brief: Brief, outlets?: OutletDirectory): SourceIndex {
  const byId = new Map(brief.sources.map((s) => [s.id, s]));
  const number = new Map(brief.sources.map((s, i) => [s.id, i + 1]));
  const identities = new Map(brief.sources.map((s) => [s.id, sourceIdentity(s, outlets)]));
  const groupMap = new Map<string, Source[]>();
  for (const s of brief.sources) groupMap.set(s.group, [...(groupMap.get(s.group) ?? []), s]);
  const groups = [...groupMap.entries()].map(([id, members], i) => ({
    id,
    members,
    colour: GROUP_COLOURS[i % GROUP_COLOURS.length] as string,
    line: GROUP_LINES[Math.floor(i / GROUP_COLOURS.length) % GROUP_LINES.length] as string,
    label: letterLabel(i),
  }));
  const groupBySource = new Map<string, GroupStyle>();
  for (const g of groups) for (const m of g.members) groupBySource.set(m.id, g);
  const identity = (id: string): SourceIdentity => identities.get(id) ?? { headline: id };
  return {
    list: brief.sources,
    byId,
    number,
    groups,
    groupOf: (id) => groupBySource.get(id),
    colourOf: (id) => groupBySource.get(id)?.colour ?? '#4b5563',
    label: (id) => outletLine(identity(id)),
    identity,
  };
}

export function articleHref(sourceId: string, claimId?: string): string {
  return `/articles/${encodeURIComponent(sourceId)}${claimId ? `#claim-${encodeURIComponent(claimId)}` : ''}`;
}

/** A group's letter on its colour, with its line style: "B". */
export function groupTag(group: GroupStyle | undefined): HTMLElement {
  const tag = h('span', { class: 'group-tag', title: group ? `independence group ${group.label}` : 'no group' }, group?.label ?? '?');
  if (group) {
    tag.style.backgroundColor = group.colour;
    tag.style.outline = group.line === 'solid' ? '' : `2px ${group.line} ${group.colour}`;
  }
  return tag;
}

/**
 * A source chip: "[3] Krone · 2023-09-13 B" linking to the article page (at
 * the claim, when given), in its group's colour and line, with a "↗" link to
 * the original article when its address is known.
 */
export function sourceChip(idx: SourceIndex, sourceId: string, claimId?: string): HTMLElement {
  const group = idx.groupOf(sourceId);
  const id = idx.identity(sourceId);
  const main = h(
    'a',
    { class: 'chip-main', href: articleHref(sourceId, claimId), title: `${idx.label(sourceId)}: ${id.headline}` },
    h('span', { class: 'num' }, `[${idx.number.get(sourceId) ?? '?'}]`),
    ' ',
    h('bdi', null, idx.label(sourceId)),
    id.warning ? h('span', { class: 'warn', title: id.warning, 'aria-label': `warning: ${id.warning}` }, ' ⚠') : null,
  );
  const original = safeHttpUrl(idx.byId.get(sourceId)?.url);
  const chip = h(
    'span',
    { class: 'chip', 'data-source': sourceId },
    main,
    h('span', { class: 'chip-group', 'aria-label': `group ${group?.label ?? '?'}` }, group?.label ?? '?'),
    original ? h('a', { class: 'orig', href: original, rel: 'noopener noreferrer nofollow', target: '_blank', 'aria-label': `original article at ${id.host ?? 'its site'}`, title: `original: ${original}` }, '↗') : null,
  );
  chip.style.borderColor = group?.colour ?? '#4b5563';
  chip.style.borderLeftStyle = group?.line ?? 'solid';
  return chip;
}
