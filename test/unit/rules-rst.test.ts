/**
 * rst.* findings: every parser problem becomes `rst.<kind>` with docutils' severity and the message of
 * problems.ts; plus `rst.literal-block-expected` for a `::` inside a paragraph. The cases are checked against
 * docutils itself (one python process for all) when python3-docutils is installed.
 * (R's ruleTester matches codes by the rule's own code, and this rule emits one code per problem kind, so the
 * table runner is here, reusing ruleTester's checkFix for the fix re-validation.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rule as rstSyntax } from '../../server/src/core/rules/rst-syntax';
import { checkFix, ruleTester } from './ruleTester';
import { validate } from '../../server/src/core/engine';
import { applyEdits, nonOverlappingFixEdits } from '../../server/src/core/fix';
import { LineIndex } from '../../server/src/core/lineIndex';
import { problemMessage } from '../../server/src/core/rst/problems';
import type { Locale } from '../../server/src/core/types';
import { publishWarnings } from '../oracle/python';

const path = '/docs/notes/page.rst';

interface Case {
  name: string;
  text: string;
  locale?: Locale;
  /** Expected rst.* findings: code, 1-based line and column, severity. */
  errors: Array<{ code: string; line: number; column?: number; severity: string; message?: string }>;
  /** Text after the preferred fixes (undefined: not checked; null: no preferred fix). */
  output?: string | null;
  /** What docutils reports ("line LEVEL"), when it agrees; omitted for checks docutils does not make. */
  docutils?: string[];
}

const cases: Case[] = [
  { name: 'clean text', text: 'Title\n=====\n\nA paragraph with *emphasis* and ``code``.\n', errors: [], docutils: [] },
  {
    name: 'title underline too short (fix: lengthen)',
    text: 'A long title\n=====\n\nText.\n',
    errors: [{ code: 'rst.title-underline-too-short', line: 2, column: 1, severity: 'warning', message: 'Title underline too short.' }],
    output: 'A long title\n============\n\nText.\n',
    docutils: ['2 WARNING'],
  },
  {
    name: 'title underline too short for wide characters (fix: as long as the title is wide)',
    text: '全角タイトル\n========\n\nText.\n',
    errors: [{ code: 'rst.title-underline-too-short', line: 2, column: 1, severity: 'warning', message: 'Title underline too short.' }],
    output: '全角タイトル\n============\n\nText.\n',
    docutils: ['2 WARNING'],
  },
  {
    name: 'title underline too short by an emoji\'s second column',
    text: 'Status ✅\n========\n\nText.\n',
    errors: [{ code: 'rst.title-underline-too-short', line: 2, column: 1, severity: 'warning', message: 'Title underline too short.' }],
    output: 'Status ✅\n=========\n\nText.\n',
    docutils: ['2 WARNING'],
  },
  {
    name: 'misspelt directive option (fix: the option meant)',
    text: 'Text.\n\n.. image:: ../../images/arch.png\n   :widht: 600px\n',
    errors: [{ code: 'rst.directive-unknown-option', line: 4, column: 5, severity: 'error', message: 'Error in "image" directive: unknown option: "widht". Did you mean "width"?' }],
    output: 'Text.\n\n.. image:: ../../images/arch.png\n   :width: 600px\n',
    docutils: ['3 ERROR'],
  },
  {
    name: 'a caption right below the options (fix: the blank line before it)',
    text: 'Text.\n\n.. figure:: arch.png\n   :width: 600px\n   Arkitekturen i 2017.\n',
    errors: [{ code: 'rst.directive-invalid-option-block', line: 5, column: 4, severity: 'error' }],
    output: 'Text.\n\n.. figure:: arch.png\n   :width: 600px\n\n   Arkitekturen i 2017.\n',
    docutils: ['3 ERROR'],
  },
  {
    name: 'a caption right below the options, CRLF line breaks (fix: a CRLF blank line)',
    text: 'Text.\r\n\r\n.. figure:: arch.png\r\n   :width: 600px\r\n   Arkitekturen i 2017.\r\n',
    errors: [{ code: 'rst.directive-invalid-option-block', line: 5, column: 4, severity: 'error' }],
    output: 'Text.\r\n\r\n.. figure:: arch.png\r\n   :width: 600px\r\n\r\n   Arkitekturen i 2017.\r\n',
  },
  {
    name: 'text right below an image\'s options (no fix: an image takes no content)',
    text: 'Text.\n\n.. image:: arch.png\n   :width: 600px\n   Arkitekturen i 2017.\n',
    errors: [{ code: 'rst.directive-invalid-option-block', line: 5, column: 4, severity: 'error' }],
    output: null,
    docutils: ['3 ERROR'],
  },
  {
    name: 'a misspelt choice (fix: the choice meant)',
    text: 'Text.\n\n.. image:: arch.png\n   :align: centre\n',
    errors: [{ code: 'rst.directive-option-choice', line: 4, column: 12, severity: 'error' }],
    output: 'Text.\n\n.. image:: arch.png\n   :align: center\n',
    docutils: ['3 ERROR'],
  },
  {
    name: 'a value for a flag (fix: the flag alone)',
    text: 'Text.\n\n.. code-block:: python\n   :linenos: true\n\n   x = 1\n',
    errors: [{ code: 'rst.directive-option-no-value', line: 4, column: 14, severity: 'error' }],
    output: 'Text.\n\n.. code-block:: python\n   :linenos:\n\n   x = 1\n',
  },
  {
    name: 'a word for a number (no fix)',
    text: 'Text.\n\n.. contents::\n   :depth: two\n',
    errors: [{ code: 'rst.directive-option-not-integer', line: 4, column: 12, severity: 'error' }],
    output: null,
    docutils: ['3 ERROR'],
  },
  {
    name: 'repeated directive option (no fix: which one is meant?)',
    text: 'Text.\n\n.. image:: arch.png\n   :alt: Arkitektur\n   :alt: Oversikt\n',
    errors: [{ code: 'rst.directive-duplicate-option', line: 5, column: 5, severity: 'error' }],
    output: null,
    docutils: ['3 ERROR'],
  },
  {
    name: 'unclosed emphasis',
    text: 'Text *emph and more.\n',
    errors: [{ code: 'rst.inline-emphasis-unclosed', line: 1, column: 6, severity: 'warning' }],
    output: null,
    docutils: ['1 WARNING'],
  },
  {
    name: 'unknown target is an error',
    text: 'A ref_ here.\n',
    errors: [{ code: 'rst.unknown-target', line: 1, column: 3, severity: 'error', message: 'Unknown target name: "ref".' }],
    docutils: ['1 ERROR'],
  },
  {
    name: 'a docutils INFO that means a slip becomes information (too-short underline: not a title)',
    text: 'Title\n===\n\nText.\n',
    errors: [{ code: 'rst.possible-title-underline', line: 2, column: 1, severity: 'information' }],
    docutils: ['2 INFO'],
  },
  {
    name: 'a docutils INFO about intentional text is not a finding (list starting at 3), as docutils does not show it',
    text: '3. start\n4. next\n',
    errors: [],
    docutils: ['1 INFO'],
  },
  {
    name: 'unindent without blank line',
    text: '- item\nnot indented\n',
    errors: [{ code: 'rst.list-unindent', line: 2, column: 1, severity: 'warning' }],
    docutils: ['2 WARNING'],
  },
  {
    name: 'literal block expected at the end of the text (the parser problem)',
    text: 'End::\n\nno block\n',
    errors: [{ code: 'rst.literal-block-expected', line: 3, severity: 'warning', message: 'Literal block expected; none found.' }],
    docutils: ['3 WARNING'],
  },
  {
    name: 'Norwegian message from problems.ts',
    text: 'Text *emph and more.\n',
    locale: 'nb',
    errors: [{ code: 'rst.inline-emphasis-unclosed', line: 1, severity: 'warning', message: problemMessage('inline-emphasis-unclosed', 'nb') }],
  },
  {
    name: '"::" ending a line inside a paragraph (2016_uke_20): docutils is silent, prints "::" and makes no literal block',
    text: '- Den opprinnelige\n  planen finnes her::\n  https://github.com/norcams/himlar-connect/blob/master/README.md\n\n- Neste punkt\n',
    errors: [{ code: 'rst.literal-block-expected', line: 2, column: 20, severity: 'warning', message: 'Literal block expected' }],
    output: '- Den opprinnelige\n  planen finnes her::\n\n    https://github.com/norcams/himlar-connect/blob/master/README.md\n\n- Neste punkt\n',
    docutils: [],
  },
  {
    name: '"::" ending the last line of a paragraph with a proper block is fine',
    text: 'Run this::\n\n  ls -l\n\nand ``a::``\nb\n',
    errors: [],
    docutils: [],
  },
  {
    name: 'link slips are reported by link.* rules, not repeated as rst.*',
    text: 'See `docs<https://example.org/>`_ and `other <https://example.org/o>_ here.\n',
    errors: [],
  },
];

function rstFindings(text: string, locale?: Locale) {
  return validate({ text, path, locale }).filter((f) => f.code.startsWith('rst.'));
}

for (const c of cases) {
  test(`rst.*: ${c.name}`, () => {
    const all = validate({ text: c.text, path, locale: c.locale });
    const mine = all.filter((f) => f.code.startsWith('rst.'));
    const lines = new LineIndex(c.text);
    const shown = mine.map((f) => `${lines.positionAt(f.start).line + 1}:${lines.positionAt(f.start).character + 1} ${f.severity} ${f.code} ${f.message}`);
    assert.equal(mine.length, c.errors.length, `findings:\n${shown.join('\n')}`);
    c.errors.forEach((e, k) => {
      const f = mine[k];
      const p = lines.positionAt(f.start);
      assert.equal(f.code, e.code);
      assert.equal(p.line + 1, e.line, `line of ${f.code}`);
      if (e.column !== undefined) assert.equal(p.character + 1, e.column, `column of ${f.code}`);
      assert.equal(f.severity, e.severity);
      if (e.message) assert.ok(f.message.includes(e.message), `"${f.message}" contains "${e.message}"`);
    });
    if (c.output !== undefined) {
      const { edits, count } = nonOverlappingFixEdits(mine);
      if (c.output === null) assert.equal(count, 0);
      else assert.equal(applyEdits(c.text, edits), c.output);
    }
    for (const f of mine) for (const fix of f.fixes) checkFix(rstSyntax, { text: c.text, path, locale: c.locale }, all, f, fix);
  });
}

test('every parser problem kind maps to rst.<kind> with the message of problems.ts', () => {
  const f = rstFindings('A long title\n=====\n')[0];
  assert.equal(f.code, 'rst.title-underline-too-short');
  assert.equal(f.message, problemMessage('title-underline-too-short', 'en'));
  assert.equal(rstSyntax.meta.code, 'rst.syntax');
  assert.equal(rstSyntax.meta.scope, 'all');
});

// The same rule through R's RuleTester (sub-codes matched by namespace).
ruleTester(
  rstSyntax,
  {
    valid: [
      { text: 'Title\n=====\n\nA paragraph with *emphasis* and ``code``.\n', path },
      { name: 'intentional list numbering (docutils INFO) is not a finding', text: '3. three\n4. four\n', path },
    ],
    invalid: [
      {
        name: 'short underline, lengthened by the fix',
        text: 'A long title\n=====\n\nText.\n',
        path,
        errors: [{ code: 'rst.title-underline-too-short', line: 2, column: 1, severity: 'warning' }],
        output: 'A long title\n============\n\nText.\n',
      },
      {
        name: '"finnes her::" followed directly by text (2016_uke_21)',
        text: '- planen finnes her::\n  https://example.org/README.md\n',
        path,
        errors: [{ code: 'rst.literal-block-expected', line: 1, column: 20 }],
        output: '- planen finnes her::\n\n    https://example.org/README.md\n',
      },
    ],
  },
  { codes: /^rst\./ },
);

// ---------------------------------------------------------------- docutils agrees on the cases

/** "line LEVEL" of every message docutils reports on each text, sorted (null: no python with docutils). */
function docutilsReports(texts: string[]): string[][] | null {
  const warnings = publishWarnings(texts);
  if (!warnings) return null;
  return warnings.map((w) => [...w.matchAll(/^<string>:(\d+): \((\w+)\/\d\)/gm)].map((m) => `${m[1]} ${m[2]}`).sort());
}

test('docutils 0.19 reports the same problems on these cases', (t) => {
  const withOracle = cases.filter((c) => c.docutils);
  const got = docutilsReports(withOracle.map((c) => c.text));
  if (!got) {
    if (process.env.CI) assert.fail('python3 with docutils is required in CI');
    t.skip('no python3 with docutils');
    return;
  }
  withOracle.forEach((c, i) => assert.deepEqual(got[i], [...c.docutils!].sort(), c.name));
});
