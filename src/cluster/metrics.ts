/** B-cubed precision, recall and F1 (Bagga and Baldwin, 1998) of predicted clusters against gold labels. */
export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** `predicted` and `gold` map each item (by position) to a cluster label. */
export function bcubed(predicted: readonly string[], gold: readonly string[]): BCubed {
  if (predicted.length !== gold.length) throw new RangeError('bcubed: predicted and gold differ in length');
  const n = predicted.length;
  if (n === 0) return { precision: 1, recall: 1, f1: 1 };
  const pair = new Map<string, number>();
  const pSize = new Map<string, number>();
  const gSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${predicted[i]}\u0000${gold[i]}`;
    pair.set(key, (pair.get(key) ?? 0) + 1);
    pSize.set(predicted[i]!, (pSize.get(predicted[i]!) ?? 0) + 1);
    gSize.set(gold[i]!, (gSize.get(gold[i]!) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const both = pair.get(`${predicted[i]}\u0000${gold[i]}`)!;
    p += both / pSize.get(predicted[i]!)!;
    r += both / gSize.get(gold[i]!)!;
  }
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
