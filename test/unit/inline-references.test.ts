// Document-level reference checks (server/src/core/rst/references.ts, run by parse()): explicit expectations,
// and the same documents compared with docutils' messages when the oracle is available.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from '../../server/src/core/rst/parser';
import { resolveReferences } from '../../server/src/core/rst/references';
import { problemMessage } from '../../server/src/core/rst/problems';
import { LineIndex } from '../../server/src/core/lineIndex';
import type { Document } from '../../server/src/core/rst/ast';
import { oracleUnavailable, runOracle } from '../oracle/python';

interface Case {
  name: string;
  src: string;
  /** Expected [kind, text covered by the problem's range] (info problems included). */
  expect: Array<[string, string]>;
}

const CASES: Case[] = [
  {
    name: 'same name, same URL twice (2017/uke_09): fine',
    src: 'Se `Trello <https://trello.com/norcams>`_ og `Trello <https://trello.com/norcams>`_.\n',
    expect: [],
  },
  {
    name: 'same name, two URLs: duplicate on the second, both references broken',
    src: 'Se `demo <http://a/>`_ og `demo <http://b/>`_.\n\nOg demo_ her.\n',
    expect: [['duplicate-target', 'demo'], ['duplicate-target-reference', 'demo']],
  },
  {
    name: 'explicit targets: duplicate with different URLs, third one too',
    src: '.. _x: http://a\n.. _x: http://b\n.. _x: http://a\n\nSee x_.\n',
    expect: [['duplicate-target', 'x'], ['duplicate-target', 'x'], ['duplicate-target-reference', 'x']],
  },
  {
    name: 'unknown target name (phrase and word references)',
    src: 'See `Some Page`_ and `bootstrappes som dokumentert<https://x.org>`_ and word_.\n\n.. _word: http://w\n',
    expect: [['unknown-target', 'Some Page'], ['unknown-target', 'bootstrappes som dokumentert<https://x.org>']],
  },
  {
    name: 'references resolve to section titles, explicit targets, inline targets, footnotes, citations',
    src: 'Status\n======\n\nSee status_, `Status`_, tgt_, here_ [1]_ [#n]_ [CIT]_ and _`tgt`.\n\n.. _here: http://h\n\n.. [1] one\n.. [#n] two\n.. [CIT] cit\n',
    expect: [],
  },
  {
    name: 'duplicate implicit targets are information only',
    src: 'Annet\n=====\n\nx\n\nAnnet\n=====\n\ny\n',
    expect: [['duplicate-implicit-target', 'Annet']],
  },
  {
    name: 'anonymous references and targets must pair up',
    src: 'See one__ and `two`__.\n\n__ http://one\n',
    expect: [['anonymous-mismatch', 'one__']],
  },
  {
    name: 'anonymous pairs are fine; embedded anonymous links need no target',
    src: 'See one__ and `x <http://x>`__.\n\n__ http://one\n',
    expect: [],
  },
  {
    name: 'substitutions: undefined, defined, duplicate',
    src: 'A |defined| and |missing| and |Defined|.\n\n.. |defined| replace:: yes\n.. |defined| replace:: again\n',
    expect: [['undefined-substitution', '|missing|'], ['duplicate-substitution', 'defined']],
  },
  {
    name: 'footnotes: numbered reference without footnote; too many auto-numbered references',
    src: 'A [2]_ and [#]_ and [#]_.\n\n.. [#] only one\n',
    expect: [['unknown-target', '[2]_'], ['footnote-autonumber-mismatch', '[#]_']],
  },
  {
    name: 'indirect target to an unknown name',
    src: '.. _a: b_\n\nSee a_.\n',
    expect: [['indirect-target-unknown', 'a']],
  },
  {
    name: 'embedded alias <name_> resolves to an existing target',
    src: 'See `the page <page_>`_.\n\n.. _page: http://p\n',
    expect: [],
  },
];

function kindsWithText(src: string, problems: Array<{ kind: string; start: number; end: number }>): Array<[string, string]> {
  return problems.map((p) => [p.kind, src.slice(p.start, p.end)]);
}

const REF_KINDS = new Set(['duplicate-target', 'duplicate-target-reference', 'unknown-target', 'duplicate-implicit-target',
  'anonymous-mismatch', 'undefined-substitution', 'duplicate-substitution', 'footnote-autonumber-mismatch',
  'footnote-symbol-mismatch', 'indirect-target-unknown']);

for (const c of CASES) {
  test(`references: ${c.name}`, () => {
    const { problems } = parse(c.src);
    const got = kindsWithText(c.src, problems.filter((p) => REF_KINDS.has(p.kind)));
    assert.deepEqual(got, c.expect);
  });
}

test('resolveReferences never throws on an empty or odd tree', () => {
  const empty: Document = { type: 'document', start: 0, end: 0, children: [] };
  assert.deepEqual(resolveReferences(empty, ''), []);
  const odd = { type: 'document', start: 0, end: 5, children: [{ type: 'paragraph', start: 0, end: 5, children: [
    { type: 'reference', kind: 'named', start: 0, end: 2, text: 'a', textSpan: { start: 0, end: 1 }, embedded: false },
  ] }] } as unknown as Document;
  assert.deepEqual(resolveReferences(odd, 'a_ xx').map((p) => p.kind), ['unknown-target']);
});

test('references agree with docutils on the same documents (messages of level >= 2)', (t) => {
  const why = oracleUnavailable();
  if (why) {
    t.skip(why);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wr-refs-'));
  try {
    const files = CASES.map((c, i) => {
      const f = path.join(dir, `case${i}.rst`);
      fs.writeFileSync(f, c.src);
      return f;
    });
    const dumps = runOracle('docutils_dump.py', [], JSON.stringify(files)) as Record<string, { messages: Array<[number, number | null, string, string]> }>;
    CASES.forEach((c, i) => {
      const expected = dumps[files[i]].messages.map(([lvl, , , m]) => `${lvl} ${m.split('\n')[0]}`).sort();
      const { problems } = parse(c.src);
      const li = new LineIndex(c.src);
      void li;
      const got = problems.filter((p) => p.severity !== 'info')
        .map((p) => `${p.severity === 'error' ? 3 : 2} ${problemMessage(p.kind, 'en', p.data).split('\n')[0]}`).sort();
      assert.deepEqual(got, expected, c.name);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
