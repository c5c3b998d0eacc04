/** docutils' `nodes.make_id` and `fully_normalize_name`, and a per-document id allocator. */

const TRANSLATE: Record<string, string> = {
  'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ı': 'i', 'ł': 'l', 'ŧ': 't', 'ƀ': 'b', 'ƃ': 'b', 'ƈ': 'c', 'ƌ': 'd',
  'ƒ': 'f', 'ƙ': 'k', 'ƚ': 'l', 'ƞ': 'n', 'ƥ': 'p', 'ƫ': 't', 'ƭ': 't', 'ƴ': 'y', 'ƶ': 'z', 'ǥ': 'g',
  'ȥ': 'z', 'ȴ': 'l', 'ȵ': 'n', 'ȶ': 't', 'ȷ': 'j', 'ȼ': 'c', 'ȿ': 's', 'ɀ': 'z', 'ɇ': 'e', 'ɉ': 'j',
  'ɋ': 'q', 'ɍ': 'r', 'ɏ': 'y',
  'ß': 'sz', 'æ': 'ae', 'œ': 'oe', 'ȸ': 'db', 'ȹ': 'qp',
};

/** Convert a name to a valid HTML id the way docutils does (`make_id`). May return ''. */
export function makeId(s: string): string {
  let id = s.toLowerCase();
  let t = '';
  for (const ch of id) t += TRANSLATE[ch] ?? ch;
  id = t.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  id = id.trim().split(/\s+/).join(' ');
  id = id.replace(/[^a-z0-9]+/g, '-');
  id = id.replace(/^[-0-9]+|-+$/g, '');
  return id;
}

/** docutils' `fully_normalize_name`: whitespace collapsed, lower-cased. */
export function normalizeName(s: string): string {
  return s.trim().split(/\s+/).join(' ').toLowerCase();
}

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
