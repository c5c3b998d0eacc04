/**
 * `a.sort(cmp)`, skipped when `a` is already in order. Most lists the engine sorts (targets, links,
 * findings) come out of a document-order walk already sorted; Array.prototype.sort would still copy
 * the array and compare every pair of neighbours. The result is the same as a stable sort's.
 */
export function sortIfNeeded<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  for (let i = 1; i < a.length; i++) if (cmp(a[i - 1], a[i]) > 0) return a.sort(cmp);
  return a;
}
