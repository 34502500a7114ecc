import { readFileSync } from 'node:fs';
import type { ClusterItem } from '../../src/cluster/index.js';

/** Six reports of two earthquakes of the same kind (Aldera and Corvena), alternating. */
export const SAME_KIND = 'test/fixtures/cluster/same-kind.jsonl';

export function sameKindFixture(): ClusterItem[] {
  return readFileSync(SAME_KIND, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ClusterItem);
}
