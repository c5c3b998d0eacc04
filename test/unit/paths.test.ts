// posixNormalize: its shortcut for paths that are normal already gives what the full normalisation
// (normalizeSegments, the general path) gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeSegments as reference, posixJoin, posixNormalize, posixRelative, relativeSegments } from '../../server/src/core/paths';

test('posixNormalize: fixed cases', () => {
  const cases: Array<[string, string]> = [
    ['', '.'], ['/', '/'], ['a/b', 'a/b'], ['/a/b', '/a/b'], ['a/./b', 'a/b'], ['a/../b', 'b'], ['../a', '../a'],
    ['/../a', '/a'], ['a//b', 'a/b'], ['a/b/', 'a/b'], ['.', '.'], ['..', '..'], ['a/..', '.'], ['.a/b..', '.a/b..'],
    ['/docs/status/../plans/demo.html', '/docs/plans/demo.html'], ['x/.hidden', 'x/.hidden'],
  ];
  for (const [p, want] of cases) assert.equal(posixNormalize(p), want, p);
});

test('posixNormalize: equal to the full normalisation on 5,000 random paths', () => {
  let x = 9;
  const r = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const parts = ['a', 'bb', '.', '..', '', 'c.rst', '.x', 'y..', '...'];
  for (let i = 0; i < 5000; i++) {
    const n = Math.floor(r() * 6);
    let p = r() < 0.4 ? '/' : '';
    for (let k = 0; k < n; k++) p += (k ? '/' : '') + parts[Math.floor(r() * parts.length)];
    if (r() < 0.1) p += '/';
    assert.equal(posixNormalize(p), reference(p), JSON.stringify(p));
  }
});

test('posixRelative and posixJoin: their shortcuts give what the general paths give on 5,000 random pairs', () => {
  let x = 17;
  const r = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const parts = ['a', 'bb', '.', '..', '', 'c.rst', 'docs', 'status'];
  const path = () => {
    let p = r() < 0.7 ? '/' : '';
    const n = Math.floor(r() * 5);
    for (let k = 0; k < n; k++) p += (k ? '/' : '') + parts[Math.floor(r() * parts.length)];
    return r() < 0.1 ? p + '/' : p;
  };
  let under = 0;
  for (let i = 0; i < 5000; i++) {
    const from = path();
    const to = r() < 0.5 ? from + '/' + path().replace(/^\//, '') : path();
    const want = relativeSegments(posixNormalize(from), posixNormalize(to));
    assert.equal(posixRelative(from, to), want, JSON.stringify([from, to]));
    if (posixNormalize(to).startsWith(posixNormalize(from) + '/')) under++;
    assert.equal(posixJoin(from, to), posixNormalize([from, to].filter((p) => p !== '').join('/')), JSON.stringify([from, to]));
  }
  assert.ok(under > 1000, `only ${under} pairs with the path inside the folder`);
});
