/** docutils' `nodes.make_id` and `fully_normalize_name`, and a per-document id allocator. */

export { makeId, normalizeName } from '../rst/names';

/** Hands out unique ids within one document (docutils uses `id1`, `id2` … for clashes). */
export class IdAllocator {
  private readonly used = new Set<string>();
  private counter = 0;
  private readonly counters = new Map<string, number>();

  /** Reserve `wanted` if free (and non-empty), else a fresh `idN`. */
  take(wanted: string | undefined): string {
    if (wanted && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    let id: string;
    do id = `id${++this.counter}`;
    while (this.used.has(id));
    this.used.add(id);
    return id;
  }

  /** A fresh `prefixN` id. */
  fresh(prefix: string): string {
    let n = this.counters.get(prefix) ?? 0;
    let id: string;
    do id = `${prefix}${++n}`;
    while (this.used.has(id));
    this.counters.set(prefix, n);
    this.used.add(id);
    return id;
  }

  has(id: string): boolean {
    return this.used.has(id);
  }
}
