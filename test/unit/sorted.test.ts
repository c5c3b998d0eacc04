// sortIfNeeded: the same result as a stable Array.prototype.sort, and the same array back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortIfNeeded } from '../../server/src/core/sorted';

test('sortIfNeeded orders like a stable sort, in place, sorted input or not', () => {
  let seed = 12345;
  const r = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  let already = 0;
  for (let i = 0; i < 500; i++) {
    const n = Math.floor(r() * 30);
    const sortedInput = r() < 0.5;
    const a = Array.from({ length: n }, (_, k) => ({ k, start: sortedInput ? k + Math.floor(r() * 2) : Math.floor(r() * 10) }));
    const cmp = (x: { start: number }, y: { start: number }) => x.start - y.start;
    const want = a.slice().sort(cmp).map((x) => x.k);
    const got = sortIfNeeded(a, cmp);
    assert.equal(got, a);
    assert.deepEqual(got.map((x) => x.k), want);
    if (a.every((x, k) => x.k === k)) already++;
  }
  assert.ok(already > 100, `only ${already} inputs were already in order`);
});
