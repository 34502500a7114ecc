/**
 * The clusterer's state in the form a store keeps it (docs/cluster.md, "The
 * clusterer's state"). What grows with the stream, document frequencies and
 * dormant stories, lives in tables the clusterer is given (profile.ts,
 * dormant.ts); what is hot, the live stories with their recent members, is
 * held in memory and written as it changes, a row per story and per member:
 *
 * - a story's profile (its sums per language, span, size) changes when an
 *   article joins it; its links (the features it is posted under, its recent
 *   members, its neighbourhood) also when a later article becomes one of its
 *   members' nearest neighbours;
 * - a member's vectors never change, its neighbour list does;
 * - the cursor: stream position, latest time, latest article, the counters
 *   that rank stories, and the document frequencies' own figures.
 *
 * A clusterer restored from these and given the same tables places the next
 * article exactly as the one that wrote them would have.
 */
import { ByteReader, ByteWriter } from '../bytes.js';
import type { DormantPart, DormantStory } from './dormant.js';
import type { Member, PackedVec, PackedVectors } from './neighbours.js';
import { StoryProfile, type FrequencyCursor, type Vec } from './profile.js';

/**
 * Sparse vectors keep their order: sums over a Map run in its insertion order, and a restored
 * clusterer must add up the same floats in the same order as the one that never stopped.
 */
function writeVec(w: ByteWriter, v: Vec): ByteWriter {
  return w.numbers([...v.keys()]).numbers([...v.values()]);
}

function readVec(r: ByteReader): Vec {
  const ids = r.numbers();
  const weights = r.numbers();
  const v: Vec = new Map();
  for (let i = 0; i < ids.length; i++) v.set(ids[i]!, weights[i]!);
  return v;
}

function writePacked(w: ByteWriter, p: PackedVec): ByteWriter {
  return w.numbers(p.ids).numbers(p.weights);
}

function readPacked(r: ByteReader): PackedVec {
  const ids = r.numbers();
  return { ids, weights: r.numbers() };
}

/** A hot story. */
export interface Story {
  profile: StoryProfile;
  /** The order in which stories became hot: the hot index is walked in it. */
  rank: number;
  /** Features under which the story is posted in the inverted index. */
  indexed: Set<number>;
  /** Recent members, for neighbour search (bounded by `neighbourMembers`), oldest first. */
  members: Member<Story>[];
  /** Article seq → how many members count it among their nearest neighbours (see neighbours.ts). */
  shared: Map<number, number>;
}

/** Where the stream stands, besides the stories. */
export interface ClustererCursor {
  /** Articles added so far (the next one's position). */
  seq: number;
  /** Latest publication time seen. */
  now: number | undefined;
  /** The latest article added: the trigger recorded for merges made by `settle`. */
  lastArticle: string | undefined;
  nextHotRank: number;
  nextDormantRank: number;
  frequencies: FrequencyCursor;
}

/** A hot story as stored: its profile and its links, each a blob. */
export interface StoredStory {
  id: string;
  profile: Uint8Array;
  links: Uint8Array;
}

/** A recent member as stored: its vectors (written once) and its neighbour list. */
export interface StoredMember {
  seq: number;
  vectors: Uint8Array;
  nearest: Uint8Array;
}

/** Everything a store holds of a clusterer besides its tables. */
export interface ClustererSnapshot {
  cursor: Uint8Array;
  stories: StoredStory[];
  members: StoredMember[];
}

/** What changed since the last call of `takeChanges`: the rows a store writes in the same transaction as the articles. */
export interface ClustererChanges {
  cursor: Uint8Array;
  /** Hot stories, with the parts that changed (both for a story that became hot). */
  stories: { id: string; profile?: Uint8Array; links?: Uint8Array }[];
  /** Stories that left the hot index (merged away, gone dormant). */
  removedStories: string[];
  /** Members new (with vectors) or whose neighbour list changed. */
  members: { seq: number; vectors?: Uint8Array; nearest: Uint8Array }[];
  /** Members that left neighbour search. */
  removedMembers: number[];
}

export function encodeCursor(c: ClustererCursor): Uint8Array {
  const w = new ByteWriter().number(c.seq).number(c.now).number(c.nextHotRank).number(c.nextDormantRank);
  w.optionalString(c.lastArticle);
  return w.number(c.frequencies.documents).numbers(c.frequencies.histogram).done();
}

export function decodeCursor(bytes: Uint8Array): ClustererCursor {
  const r = new ByteReader(bytes);
  const seq = r.number();
  const now = r.optional();
  const nextHotRank = r.number();
  const nextDormantRank = r.number();
  const lastArticle = r.optionalString();
  const documents = r.number();
  return { seq, now, nextHotRank, nextDormantRank, lastArticle, frequencies: { documents, histogram: [...r.numbers()] } };
}

export function encodeProfile(p: StoryProfile): Uint8Array {
  const w = new ByteWriter().string(p.id).number(p.size).number(p.firstSeq).number(p.lastSeq).number(p.firstTime).number(p.lastTime);
  writeVec(w, p.anchors).number(p.parts.size);
  for (const [language, part] of p.parts) writeVec(writeVec(w.string(language).number(part.size), part.terms), part.anchors);
  return w.done();
}

export function decodeProfile(bytes: Uint8Array): StoryProfile {
  const r = new ByteReader(bytes);
  const id = r.string();
  const size = r.number();
  const p = new StoryProfile(id, r.number());
  p.size = size;
  p.lastSeq = r.number();
  p.firstTime = r.optional();
  p.lastTime = r.optional();
  for (const [f, w] of readVec(r)) p.anchors.set(f, w);
  const parts = r.number();
  for (let i = 0; i < parts; i++) {
    const language = r.string();
    const partSize = r.number();
    const terms = readVec(r);
    p.parts.set(language, { size: partSize, terms, anchors: readVec(r) });
  }
  return p;
}

export function encodeLinks(s: Story): Uint8Array {
  const w = new ByteWriter().number(s.rank).numbers([...s.indexed]).numbers(s.members.map((m) => m.seq));
  return w.numbers([...s.shared.keys()]).numbers([...s.shared.values()]).done();
}

export interface StoryLinks {
  rank: number;
  indexed: Float64Array;
  members: Float64Array;
  shared: Map<number, number>;
}

export function decodeLinks(bytes: Uint8Array): StoryLinks {
  const r = new ByteReader(bytes);
  const rank = r.number();
  const indexed = r.numbers();
  const members = r.numbers();
  const keys = r.numbers();
  const counts = r.numbers();
  const shared = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) shared.set(keys[i]!, counts[i]!);
  return { rank, indexed, members, shared };
}

export function encodeMemberVectors(m: Member<Story>): Uint8Array {
  const w = new ByteWriter().number(m.time).string(m.vectors.language);
  return writePacked(writePacked(w, m.vectors.terms), m.vectors.anchors).done();
}

export function decodeMemberVectors(bytes: Uint8Array): { time: number | undefined; vectors: PackedVectors } {
  const r = new ByteReader(bytes);
  const time = r.optional();
  const language = r.string();
  const terms = readPacked(r);
  return { time, vectors: { language, terms, anchors: readPacked(r) } };
}

export function encodeNearest(m: Member<Story>): Uint8Array {
  return new ByteWriter().numbers(m.nearest.map((n) => n.seq)).numbers(m.nearest.map((n) => n.sim)).done();
}

export function decodeNearest(bytes: Uint8Array): { seq: number; sim: number }[] {
  const r = new ByteReader(bytes);
  const seqs = r.numbers();
  const sims = r.numbers();
  return Array.from(seqs, (seq, i) => ({ seq, sim: sims[i]! }));
}

export function encodeDormant(d: DormantStory): Uint8Array {
  const w = new ByteWriter().string(d.id).number(d.size).number(d.firstSeq).number(d.lastSeq).number(d.firstTime).number(d.lastTime).number(d.rank);
  writePacked(w, d.anchors).numbers(d.posted).number(d.parts.length);
  for (const part of d.parts) writePacked(writePacked(w.string(part.language).number(part.size), part.terms), part.anchors);
  return w.done();
}

export function decodeDormant(bytes: Uint8Array): DormantStory {
  const r = new ByteReader(bytes);
  const id = r.string();
  const size = r.number();
  const firstSeq = r.number();
  const lastSeq = r.number();
  const firstTime = r.optional();
  const lastTime = r.optional();
  const rank = r.number();
  const anchors = readPacked(r);
  const posted = r.numbers();
  const parts: DormantPart[] = [];
  for (let i = r.number(); i > 0; i--) {
    const language = r.string();
    const size = r.number();
    const terms = readPacked(r);
    parts.push({ language, size, terms, anchors: readPacked(r) });
  }
  return { id, size, firstSeq, lastSeq, firstTime, lastTime, rank, anchors, parts, posted };
}
