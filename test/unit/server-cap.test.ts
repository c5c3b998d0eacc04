import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capFindings, MAX_DIAGNOSTICS } from '../../server/src/capFindings';
import type { Finding } from '../../server/src/core/types';

function finding(i: number, severity: Finding['severity']): Finding {
  return { code: 'rst.x', severity, message: `m${i}`, start: i, end: i + 1, fixes: [] };
}

test('a document with few findings publishes them all, unchanged', () => {
  const few = [finding(0, 'warning'), finding(5, 'error')];
  assert.equal(capFindings(few, 'en'), few);
});

test('thousands of findings are capped, errors first, in document order, with a count of the rest', () => {
  const many: Finding[] = [];
  for (let i = 0; i < 5000; i++) many.push(finding(i, i % 10 === 0 ? 'error' : 'hint'));
  const capped = capFindings(many, 'en');
  assert.equal(capped.length, MAX_DIAGNOSTICS);
  const shown = capped.slice(0, -1);
  assert.equal(shown.filter((f) => f.severity === 'error').length, 500, 'every error is kept');
  for (let i = 1; i < shown.length; i++) assert.ok(shown[i - 1].start < shown[i].start, 'document order');
  const last = capped[capped.length - 1];
  assert.equal(last.code, 'engine.too-many-findings');
  assert.match(last.message, /^4001 more findings are not shown/);
  assert.match(capFindings(many, 'nb')[MAX_DIAGNOSTICS - 1].message, /^4001 funn til vises ikke/);
});
