/**
 * The disputed claims of a brief as schema.org ClaimReview (JSON-LD), for
 * fact-checkers' tools. newsfuse rates no claim true or false: the review
 * says that the reports disagree, on what, and which outlet says what; the
 * rating's name is "Disputed" and it carries no number.
 */
import type { ClaimReview, CreativeWork, Graph, NewsArticle } from 'schema-dts';
import type { OutletDirectory } from '../outlets/index.js';
import type { Brief, BriefSource, Claim } from '../types.js';
import { conflictKind, sourceIdentity } from './common.js';
import { safeHttpUrl } from './escape.js';
import { sanitizeBrief } from './sanitize.js';

export interface ClaimReviewOptions {
  /** Absolute URL of the story's page: the review's address is the claim's row on it. */
  storyUrl: string;
  /** When the review is published (now, for a live export). */
  reviewed: Date;
  outlets?: OutletDirectory;
}

const REVIEWER = { '@type': 'Organization', name: 'newsfuse (automated cross-check of news reports)' } as const;

function appearance(source: BriefSource, outlets: OutletDirectory | undefined): NewsArticle {
  const id = sourceIdentity(source, outlets);
  const url = safeHttpUrl(source.url);
  return {
    '@type': 'NewsArticle',
    headline: source.title,
    ...(url ? { url } : {}),
    ...(source.publishedAt ? { datePublished: source.publishedAt } : {}),
    ...(id.outlet ? { publisher: { '@type': 'Organization', name: id.outlet } } : {}),
    ...(source.language && source.language !== 'und' ? { inLanguage: source.language } : {}),
  };
}

/** "rocket: “Angara” (3 sources) vs “Soyuz-2” (1 source)", or "… revised from “12” to “15”". */
function disagreement(claim: Claim): string {
  return claim.conflicts
    .map((c) => {
      const values = c.values.map((v) => `“${v.value}” (${v.sources.length} ${v.sources.length === 1 ? 'source' : 'sources'})`);
      return conflictKind(c) === 'revision' ? `${c.about} revised from ${values.join(' to ')}` : `${c.about}: ${values.join(' vs ')}`;
    })
    .join('; ');
}

function review(claim: Claim, brief: Brief, options: ClaimReviewOptions): ClaimReview {
  const byId = new Map(brief.sources.map((s) => [s.id, s]));
  const carriers = [...new Set(claim.sources.map((s) => s.source))].flatMap((id) => byId.get(id) ?? []);
  const appearances: CreativeWork[] = carriers.map((s) => appearance(s, options.outlets));
  const dated = carriers.filter((s) => s.publishedAt).sort((a, b) => ((a.publishedAt as string) < (b.publishedAt as string) ? -1 : 1));
  const url = `${options.storyUrl}#row-${encodeURIComponent(claim.id)}`;
  return {
    '@type': 'ClaimReview',
    '@id': url,
    url,
    claimReviewed: claim.text,
    datePublished: options.reviewed.toISOString().slice(0, 10),
    author: REVIEWER,
    reviewRating: {
      '@type': 'Rating',
      alternateName: 'Disputed: the reports disagree',
      ratingExplanation: `${claim.support} reports from ${claim.independentSupport} independent sources carry this claim and disagree on ${disagreement(claim)}.`,
    },
    itemReviewed: {
      '@type': 'Claim',
      text: claim.text,
      appearance: appearances,
      ...(dated[0] ? { firstAppearance: appearance(dated[0], options.outlets) } : {}),
    },
  };
}

/** JSON-LD of every disputed claim (an empty graph when none is). */
export function renderClaimReview(input: Brief, options: ClaimReviewOptions): string {
  const brief = sanitizeBrief(input);
  const graph: Graph = {
    '@context': 'https://schema.org',
    '@graph': brief.claims.filter((c) => c.conflicts.length > 0).map((c) => review(c, brief, options)),
  };
  return `${JSON.stringify(graph, null, 2)}\n`;
}
