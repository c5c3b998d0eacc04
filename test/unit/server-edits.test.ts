import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimalEdit, findingToDiagnostic } from '../../server/src/server';
import { LineIndex } from '../../server/src/core/lineIndex';

function apply(text: string, e: { start: number; end: number; newText: string }): string {
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}

test('minimalEdit: one edit covering only the difference, never splitting a surrogate pair or CRLF', () => {
  const cases: Array<[string, string]> = [
    ['Uke 29\n====\n', 'Uke 29\n======\n'],
    ['abc', 'abc'],
    ['', 'x'],
    ['x', ''],
    ['a😀b', 'a😁b'],
    ['line\r\nnext', 'line\nnext'],
    ['aaaa', 'aa'],
    ['title\r\n===\r\n', 'title\r\n=====\r\n'],
  ];
  for (const [before, after] of cases) {
    const e = minimalEdit(before, after);
    if (before === after) {
      assert.equal(e, undefined);
      continue;
    }
    assert.ok(e);
    assert.equal(apply(before, e), after, JSON.stringify([before, after, e]));
    for (const i of [e.start, e.end]) {
      const a = before.charCodeAt(i - 1);
      const b = before.charCodeAt(i);
      assert.ok(!(a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff), `offset ${i} inside a surrogate pair`);
      assert.ok(!(a === 13 && b === 10), `offset ${i} inside a CRLF`);
    }
  }
  const e = minimalEdit('Uke 29\n====\n', 'Uke 29\n======\n')!;
  assert.deepEqual(e, { start: 11, end: 11, newText: '==' });
});

test('findingToDiagnostic: 0-based UTF-16 range, code, source, severity, fixes in data', () => {
  const text = 'Uke 😀 3\n=====\n';
  const d = findingToDiagnostic(
    { code: 'title.no-week', severity: 'hint', message: 'm', start: 6, end: 8, fixes: [{ title: 't', edits: [{ start: 6, end: 7, newText: '4' }], isPreferred: true }] },
    new LineIndex(text),
    7,
  );
  assert.deepEqual(d.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 8 } });
  assert.equal(d.code, 'title.no-week');
  assert.equal(d.source, 'weekly-report');
  assert.equal(d.severity, 4);
  assert.deepEqual(d.data, { version: 7, fixes: [{ title: 't', edits: [{ start: 6, end: 7, newText: '4' }], isPreferred: true }] });
});
