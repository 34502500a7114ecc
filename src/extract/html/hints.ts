/**
 * What class and id names say about an element. Names are split into
 * words ("c-entry-content" → c, entry, content) and matched by word prefix,
 * so "relatedArticles", "related-posts" and "rel_links" are all caught by
 * one rule. Hints only tilt scores; density and shape decide. (A word
 * starts where no letter a-z comes before: a lookbehind, which V8 compiles
 * to half the code of "(?:^|[^a-z])" and in half the time, 2 against 5 ms of
 * NEGATIVE's first use in each process.)
 */

/** Words of containers that hold the article. */
export const POSITIVE = /(?<![a-z])(?:article|story|entry|content|post-?body|post-?content|post-?text|body-?text|text-?body|main-?text|prose|main|blog|news-?body|rich-?text|markdown|single|hentry|paywall|detail)/;

/** Words of furniture; strong enough to prune a small subtree inside the article. */
export const NEGATIVE = /(?<![a-z])(?:comment|disqus|share|sharing|related|recommend|newsletter|subscri|promo|advert|sponsor|sidebar|widget|breadcrumb|outbrain|taboola|cookie|consent|popup|modal|banner|trending|most-?(?:read|popular|viewed)|more-?(?:stories|news|articles)|read-?more|read-?next|pagination|pager|toolbar|signup|sign-?up|login|rating|byline|author|dateline|timestamp|published|meta-?data|post-?meta|entry-?meta|article-?meta|caption|credit|tags?(?:$|[^a-z])|tag-?list|topics|keywords|footer|masthead|nav|menu|skip|sr-?only|screen-?reader|visually-?hidden|hidden|print|ad(?:s|vert|unit|slot|box|-|_|$)|dfp|gpt|native-?ad|teaser|video-?player|gallery|slideshow|carousel|facebook|follow|donate|support-?us|inline-?(?:related|link)|see-?also|also-?read|recirc|rail|aside|callout|disclaimer|copyright|legal)/;

/** Comment sections: long, sentence-rich text that is not the article, the classic trap of text scoring. */
export const COMMENTS = /(?<![a-z])(?:comment|disqus|respond|replies|reply|discussion|forum|reactions)/;

export interface Hint {
  positive: boolean;
  negative: boolean;
  comments: boolean;
}

const NONE: Hint = { positive: false, negative: false, comments: false };
const cache = new Map<string, Hint>();

export function hintOf(sig: string): Hint {
  if (sig.length === 0) return NONE;
  let h = cache.get(sig);
  if (h === undefined) {
    h = { positive: POSITIVE.test(sig), negative: NEGATIVE.test(sig), comments: COMMENTS.test(sig) };
    if (cache.size > 5000) cache.clear();
    cache.set(sig, h);
  }
  return h;
}

/** Elements that are furniture by their tag alone. */
export const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'header']);
