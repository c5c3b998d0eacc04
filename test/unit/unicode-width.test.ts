// Display width as docutils measures it: the generated tables against the local Python's unicodedata,
// and column_width itself against docutils on strings of every kind of character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { columnWidth, isCombining, isWide } from '../../server/src/core/rst/width';
import { COMBINING, UNICODE_VERSION, WIDE } from '../../server/src/core/rst/unicodeWidth';
import { findPython, oracleUnavailable } from '../oracle/python';
import { headingText } from '../../server/src/core/report/sectionEdits';
import { parse } from '../../server/src/core/rst/parser';

test('wide and combining characters: examples', () => {
  assert.ok(isWide(0x4e00) && isWide(0xff21) && isWide(0x2705) && isWide(0x1f600), 'CJK, fullwidth A, ✅ and 😀 are wide');
  assert.ok(!isWide(0x41) && !isWide(0xe6) && !isWide(0x2013), 'A, æ and – are not');
  assert.ok(isCombining(0x301) && !isCombining(0x65));
  assert.equal(columnWidth('Ukerapport'), 10);
  assert.equal(columnWidth('全角タイトル'), 12);
  assert.equal(columnWidth('e\u0301te\u0301'), 3);
  assert.equal(columnWidth('✅ ok 😀'), 8);
});

const PY = String.raw`
import sys, json, unicodedata
from docutils.utils import column_width
req = json.load(sys.stdin)
def ranges(pred):
    out, start = [], None
    for cp in range(0x110000):
        if pred(chr(cp)):
            if start is None: start = cp
        elif start is not None:
            out += [start, cp - 1]; start = None
    if start is not None: out += [start, 0x10FFFF]
    return out
out = {'version': unicodedata.unidata_version, 'widths': [column_width(s) for s in req['strings']]}
if req['tables']:
    out['wide'] = ranges(lambda c: unicodedata.east_asian_width(c) in 'WF')
    out['comb'] = ranges(lambda c: unicodedata.combining(c) != 0)
json.dump(out, sys.stdout)
`;

test('the tables are Python unicodedata\'s, and columnWidth is docutils\' column_width', { skip: oracleUnavailable() ?? false }, () => {
  const strings = ['', 'abc', 'Uke 12', 'æøå ÆØÅ', '全角', 'ＡＢ', 'e\u0301', '\u0301', '😀x', '✅❌', 'ä\u0308\u0308', '\u1100\u1161', 'a\u200bb', '\u3000', '\u0f6d'];
  let s = 7;
  const r = () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
  for (let i = 0; i < 300; i++) {
    let t = '';
    for (let j = 0; j < 8; j++) t += String.fromCodePoint(Math.floor(r() * (r() < 0.8 ? 0x10000 : 0x40000)));
    strings.push(t.replace(/[\ud800-\udfff]/g, 'x'));
  }
  const py = spawnSync(findPython()!, ['-c', PY], { input: JSON.stringify({ strings, tables: true }), encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(py.status, 0, py.stderr);
  const want = JSON.parse(py.stdout) as { version: string; wide: number[]; comb: number[]; widths: number[] };
  assert.deepEqual(strings.map(columnWidth), want.widths, 'column_width');
  if (want.version !== UNICODE_VERSION) return; // another Unicode version: regenerate with scripts/gen-unicode-width.py
  assert.deepEqual(WIDE, want.wide, 'wide ranges');
  assert.deepEqual(COMBINING, want.comb, 'combining ranges');
  // the lookups find every range's ends and nothing just outside them
  for (const [table, has] of [[WIDE, isWide], [COMBINING, isCombining]] as const) {
    for (let i = 0; i < table.length; i += 2) {
      assert.ok(has(table[i]) && has(table[i + 1]), `${table[i].toString(16)}-${table[i + 1].toString(16)}`);
      assert.ok(!has(table[i] - 1) && !has(table[i + 1] + 1), `outside ${table[i].toString(16)}-${table[i + 1].toString(16)}`);
    }
  }
});

test('headings we write (quick fixes, completion) are long enough for docutils, with wide and combining characters', () => {
  for (const title of ['Status', '全角タイトル', '✅ Ferdig', 'Me\u0301ta']) {
    const text = 'Intro\n\n' + headingText(title, { char: '-', overline: false }, '\n') + '\nTekst.\n';
    const kinds = parse(text).problems.map((p) => p.kind);
    assert.deepEqual(kinds, [], `${JSON.stringify(text)}: ${kinds.join()}`);
    assert.equal(text.split('\n')[3].length, columnWidth(title));
  }
});
