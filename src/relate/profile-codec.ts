import { ByteReader, ByteWriter } from '../bytes.js';
import type { ArticleProfile } from './profile.js';

/**
 * A profile as bytes, for a store that keeps every article's profile beside
 * its analysis: reading one back costs a few microseconds, where rebuilding
 * it from the analysis (buildProfile) costs half a millisecond, and an
 * article may be compared with dozens of stored ones.
 */
export function encodeArticleProfile(p: ArticleProfile): Uint8Array {
  const w = new ByteWriter().string(p.id).number(p.publishedAt).string(p.language).optionalString(p.attribution);
  w.number(p.shingleCount).u32s(p.sample).u32s(p.anchors).u32s(p.signature).number(p.mtTraces);
  return w.strings(p.sentences.texts).u32s(p.sentences.features).u8s(p.sentences.kinds).u32s(p.sentences.offsets).done();
}

export function decodeArticleProfile(bytes: Uint8Array): ArticleProfile {
  const r = new ByteReader(bytes);
  const id = r.string();
  const publishedAt = r.optional();
  const language = r.string();
  const attribution = r.optionalString();
  const shingleCount = r.number();
  const sample = r.u32s();
  const anchors = r.u32s();
  const signature = r.u32s();
  const mtTraces = r.number();
  const texts = r.strings();
  const features = r.u32s();
  const kinds = r.u8s();
  const offsets = r.u32s();
  const p: ArticleProfile = { id, language, shingleCount, sample, anchors, signature, sentences: { texts, features, kinds, offsets }, mtTraces };
  if (publishedAt !== undefined) p.publishedAt = publishedAt;
  if (attribution !== undefined) p.attribution = attribution;
  return p;
}
