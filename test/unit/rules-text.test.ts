import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from './ruleTester';
import { rule as trailing } from '../../server/src/core/rules/text-trailing-space';
import { rule as tabs, expandIndent } from '../../server/src/core/rules/text-tabs';
import { rule as encoding } from '../../server/src/core/rules/text-encoding';
import { validate } from '../../server/src/core/engine';

const path = '/docs/notes/page.rst';

ruleTester(trailing, {
  valid: [
    { text: 'Title\n=====\n\nNo trailing space here.\n', path },
    { text: 'Empty lines\n\n\nare fine\n', path },
    { text: 'CRLF lines\r\nare fine\r\n', path },
    { text: '', path },
  ],
  invalid: [
    {
      name: 'spaces at the end of a line',
      text: 'Hello  \nworld\n',
      path,
      errors: [{ code: 'text.trailing-space', line: 1, column: 6, start: 5, end: 7, severity: 'hint', message: 'Trailing whitespace' }],
      output: 'Hello\nworld\n',
    },
    {
      name: 'tab at the end, last line without newline, whitespace-only line',
      text: 'a\t\n   \nb ',
      path,
      errors: [
        { code: 'text.trailing-space', line: 1, column: 2 },
        { code: 'text.trailing-space', line: 2, column: 1, message: 'Whitespace-only line' },
        { code: 'text.trailing-space', line: 3, column: 2 },
      ],
      output: 'a\n\nb',
    },
    {
      name: 'only the last line, a tab without a line break after it',
      text: 'x\ny\t',
      path,
      errors: [{ code: 'text.trailing-space', line: 2, column: 2, start: 3, end: 4 }],
      output: 'x\ny',
    },
    {
      name: 'CRLF: the line break is kept',
      text: 'x \r\ny\r\n',
      path,
      errors: [{ code: 'text.trailing-space', start: 1, end: 2 }],
      output: 'x\r\ny\r\n',
    },
    {
      name: 'old Mac CR line breaks',
      text: 'x \ry\t\r',
      path,
      errors: [{ code: 'text.trailing-space', start: 1, end: 2 }, { code: 'text.trailing-space', start: 4, end: 5 }],
      output: 'x\ry\r',
    },
    {
      name: 'Norwegian message',
      text: 'Hei \n',
      path,
      locale: 'nb',
      errors: [{ code: 'text.trailing-space', message: 'Mellomrom på slutten' }],
      output: 'Hei\n',
    },
  ],
});

test('expandIndent uses docutils tab stops of 8 columns', () => {
  assert.equal(expandIndent('\t'), ' '.repeat(8));
  assert.equal(expandIndent(' \t'), ' '.repeat(8));
  assert.equal(expandIndent('\t '), ' '.repeat(9));
  assert.equal(expandIndent('   \t\t'), ' '.repeat(16));
  assert.equal(expandIndent('  '), '  ');
});

ruleTester(tabs, {
  valid: [
    { text: 'Para\n\n    indented with spaces\n', path },
    { text: 'a tab\tinside a line is not indentation\n', path },
  ],
  invalid: [
    {
      name: 'tab-indented literal block',
      text: 'Code::\n\n\tls -l\n\t  echo\n',
      path,
      errors: [
        { code: 'text.tabs', line: 3, column: 1, start: 8, end: 9, message: '8 spaces' },
        { code: 'text.tabs', line: 4, column: 1, message: '10 spaces' },
      ],
      output: 'Code::\n\n        ls -l\n          echo\n',
    },
    {
      name: 'mixed space and tab in a directive option (as in the corpus)',
      text: '.. figure:: a.png\n\t :align: center\n',
      path,
      files: ['/docs/notes/a.png'],
      errors: [{ code: 'text.tabs', line: 2, start: 18, end: 20, message: '9 spaces' }],
      output: '.. figure:: a.png\n         :align: center\n',
    },
  ],
});

test('a whitespace-only line with a tab is reported once, as trailing space', () => {
  const findings = validate({ text: 'a\n\t\nb\n', path });
  assert.deepEqual(findings.map((f) => f.code), ['text.trailing-space']);
});

ruleTester(encoding, {
  valid: [
    { text: '\uFEFFTitle with a BOM at the very start\n', path },
    { text: 'Norsk: æøå ÆØÅ – “quotes” — ok\ttab\n', path },
  ],
  invalid: [
    {
      name: 'replacement characters (no fix)',
      text: 'Status p\uFFFD\uFFFD m\u00f8tet\n',
      path,
      errors: [{ code: 'text.encoding', start: 8, end: 10, message: '2 replacement characters' }],
      output: null,
    },
    {
      name: 'BOM in the middle',
      text: 'first file\n\uFEFFsecond file\n',
      path,
      errors: [{ code: 'text.encoding', line: 2, column: 1, message: 'Byte order mark' }],
      output: 'first file\nsecond file\n',
    },
    {
      name: 'control characters: form feed becomes a space, others go',
      text: 'a\u000cb\u0001\u0002c\n',
      path,
      errors: [
        { code: 'text.encoding', start: 1, end: 2, message: 'U+000C' },
        { code: 'text.encoding', start: 3, end: 5, message: 'U+0001' },
      ],
      output: 'a bc\n',
    },
  ],
});
