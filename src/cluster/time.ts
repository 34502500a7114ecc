/**
 * Time in the similarity, without a cliff. Topical words ("earthquake",
 * "rehab", "signed") say what kind of event a report is about; names, places,
 * dates and figures say which event. Right after a story's last report both
 * count in full. The longer the story has been quiet, the less sharing its
 * vocabulary says on its own (a same-kind event a week later shares the words,
 * not the names), so what the terms may add beyond the anchors' evidence halves
 * every `termHalfLifeDays` of silence (the freshness below; profile.ts caps the
 * terms with it). A follow-up weeks later that names the story's people, places
 * and figures still rejoins it; one that only shares its vocabulary does not,
 * and one that shares a name but not what the story is about does not either.
 */

export const DAY_MS = 86_400_000;

/**
 * Time between an article (or a story's span) and a story's span, in ms: zero when they overlap
 * or either is undated, so undated streams are compared as if all at once.
 */
export function gapBetween(first: number | undefined, last: number | undefined, otherFirst: number | undefined, otherLast: number | undefined): number {
  if (first === undefined || last === undefined || otherFirst === undefined || otherLast === undefined) return 0;
  if (first > otherLast) return first - otherLast;
  if (otherFirst > last) return otherFirst - last;
  return 0;
}

/** How fresh the evidence of a pair `gapMs` apart is: 1 at once, halving every `halfLifeDays`. */
export function freshness(gapMs: number, halfLifeDays: number): number {
  if (gapMs <= 0) return 1;
  if (halfLifeDays <= 0) return 0;
  return 2 ** (-gapMs / (halfLifeDays * DAY_MS));
}
