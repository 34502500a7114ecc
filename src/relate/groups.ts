import type { DerivationEdge, IndependenceGroup } from '../types.js';

/**
 * Independence groups: connected components of the edges scoring at least
 * `threshold` (union–find). Every id is in exactly one group, singletons
 * included; a group's id is its smallest member id; groups are sorted by id
 * and members within a group too, so the result does not depend on input order.
 */
export function groupsOf(ids: string[], edges: DerivationEdge[], threshold = 0.5): IndependenceGroup[] {
  const parent = new Map<string, string>();
  for (const id of ids) parent.set(id, id);
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const next = parent.get(c)!;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const e of edges) {
    if (e.score < threshold || !parent.has(e.from) || !parent.has(e.to)) continue;
    const a = find(e.from);
    const b = find(e.to);
    if (a === b) continue;
    // The smaller id becomes the root, so the root is the group's id.
    if (a < b) parent.set(b, a);
    else parent.set(a, b);
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = members.get(root);
    if (list) list.push(id);
    else members.set(root, [id]);
  }
  return [...members.entries()]
    .map(([id, m]) => ({ id, members: m.sort() }))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
