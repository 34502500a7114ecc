/** PLACEHOLDER (owner: extract): UTF-8 with the BOM dropped. */
export function decodeBytes(bytes: Uint8Array, _hint: { declaredCharset?: string; format: 'html' | 'text' }): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
