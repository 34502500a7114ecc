/**
 * The matches of a global regex, as String.prototype.matchAll gives them.
 * matchAll clones its regex on every call, which costs more (about 0.7 µs)
 * than scanning a typical sentence; the scanners run a handful of patterns
 * over every sentence of every article, so they reuse the one regex instead.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regex: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    // An empty match would be found again at the same place: step over a character, as matchAll does.
    if (m[0] === '') re.lastIndex = nextIndex(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  return out;
}

/** The index after the character at i: a surrogate pair is one character in a /u or /v regex. */
function nextIndex(text: string, i: number, fullUnicode: boolean): number {
  if (!fullUnicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
