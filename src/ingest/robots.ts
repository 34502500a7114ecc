import { createRequire } from 'node:module';

/** What newsfuse uses of robots-parser (a CommonJS function export). */
interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, robotstxt: string) => ParsedRobots;

/**
 * robots.txt (RFC 9309), read once per site and kept: a file that says no
 * keeps newsfuse out of the paths it names; a missing one (4xx) allows
 * everything; a site that cannot answer for it (5xx, a network failure) is
 * taken to forbid everything until it is asked again, as the RFC says.
 */

/** The token matched against User-agent lines. */
export const ROBOTS_AGENT = 'newsfuse';
/** Largest robots.txt read (the RFC asks crawlers to read at least 500 KiB). */
export const MAX_ROBOTS_BYTES = 512 * 1024;
/** A robots.txt is kept this long, then asked again (a `--watch` that runs for days sees changes). */
const ROBOTS_TTL_MS = 24 * 3_600_000;
/** A site that could not answer is asked again after this long. */
const UNREACHABLE_TTL_MS = 10 * 60_000;
/** A Crawl-delay longer than this is taken as this: one request a minute is polite enough. */
export const MAX_CRAWL_DELAY_MS = 60_000;

export interface RobotsRules {
  allows(url: string): boolean;
  /** The site's Crawl-delay for us, in ms (0 when none). */
  delayMs: number;
  /** For messages: what the rules came from. */
  source: string;
}

/** How a robots.txt request ended: its status and body, or a network failure. */
export type RobotsAnswer = { status: number; body: string } | { failed: string };

interface Entry {
  rules: Promise<RobotsRules>;
  until: number;
}

export class RobotsCache {
  private readonly sites = new Map<string, Entry>();

  /** `fetchRobots` asks the site for /robots.txt (with the fetcher's safety, without the robots check itself). */
  constructor(private readonly fetchRobots: (robotsUrl: string) => Promise<RobotsAnswer>) {}

  rulesFor(url: URL): Promise<RobotsRules> {
    const origin = url.origin;
    const now = Date.now();
    const cached = this.sites.get(origin);
    if (cached && cached.until > now) return cached.rules;
    const entry: Entry = { rules: Promise.resolve(allowAll('')), until: now + ROBOTS_TTL_MS };
    entry.rules = this.fetchRobots(`${origin}/robots.txt`).then((answer) => {
      const rules = rulesOf(`${origin}/robots.txt`, answer);
      if ('failed' in answer || answer.status >= 500) entry.until = Date.now() + UNREACHABLE_TTL_MS;
      return rules;
    });
    this.sites.set(origin, entry);
    return entry.rules;
  }
}

/** The rules a robots.txt answer gives. */
export function rulesOf(robotsUrl: string, answer: RobotsAnswer): RobotsRules {
  if ('failed' in answer) return denyAll(`${robotsUrl}, which could not be read (${answer.failed}): the site is left alone until it answers`);
  if (answer.status >= 500) return denyAll(`${robotsUrl} (HTTP ${answer.status})`);
  if (answer.status >= 400) return allowAll(robotsUrl);
  const robot = robotsParser(robotsUrl, answer.body);
  const delay = robot.getCrawlDelay(ROBOTS_AGENT);
  return {
    allows: (url) => robot.isAllowed(url, ROBOTS_AGENT) !== false,
    delayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) : 0,
    source: robotsUrl,
  };
}

function allowAll(source: string): RobotsRules {
  return { allows: () => true, delayMs: 0, source };
}

function denyAll(source: string): RobotsRules {
  return { allows: () => false, delayMs: 0, source };
}
