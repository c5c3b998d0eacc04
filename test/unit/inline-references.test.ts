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
      const got = problems.filter((p) => p.severity !== 'info')
        .map((p) => `${p.severity === 'error' ? 3 : 2} ${problemMessage(p.kind, 'en', p.data).split('\n')[0]}`).sort();
      assert.deepEqual(got, expected, c.name);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('references agree with docutils on generated documents (targets, links, footnotes, substitutions)', (t) => {
  const why = oracleUnavailable();
  if (why) {
    t.skip(why);
    return;
  }
  let s = 20261127;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  const pick = <T>(a: T[]): T => a[Math.floor(next() * a.length)];
  const inline = ['`a`_', 'a_', 'b_', '`A  `_', '`x <http://1>`_', '`x <http://2>`_', '`y <a_>`_', '`z <q_>`__', 'anon__',
    '`an`__', '|s|', '|t|_', '[1]_', '[2]_', '[#]_', '[#f]_', '[*]_', '[C]_', '_`a`', '_`b`', 'sec_', '`Sec`_',
    '`<http://3>`_', '`w <http://1>`__'];
  const blocks = ['.. _a: http://1', '.. _a: http://2', '.. _b: a_', '.. _c: nowhere_', '__ http://z', '.. __: http://y',
    '.. |s| replace:: q', '.. |s| replace:: r', '.. |t| replace:: t', '.. [1] fn', '.. [#] auto', '.. [#f] auto f',
    '.. [*] sym', '.. [C] cit', 'Sec\n===', 'Other\n=====', '.. _x:'];
  const docs: string[] = [];
  for (let i = 0; i < 150; i++) {
    const parts: string[] = [];
    const k = 1 + Math.floor(next() * 6);
    for (let j = 0; j < k; j++) {
      if (next() < 0.5) {
        let p = 'P';
        const m = 1 + Math.floor(next() * 4);
        for (let q = 0; q < m; q++) p += ' ' + pick(inline);
        parts.push(p + ' z.');
      } else parts.push(pick(blocks));
    }
    docs.push(parts.join('\n\n') + '\n');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wr-refgen-'));
  try {
    const files = docs.map((d, i) => {
      const f = path.join(dir, `g${i}.rst`);
      fs.writeFileSync(f, d);
      return f;
    });
    const dumps = runOracle('docutils_dump.py', [], JSON.stringify(files)) as Record<string, { messages?: Array<[number, number | null, string, string]> }>;
    let compared = 0;
    const failures: string[] = [];
    docs.forEach((d, i) => {
      const msgs = dumps[files[i]].messages;
      if (!msgs) return; // docutils itself crashed on this one (it happens with some embedded aliases)
      compared++;
      const expected = msgs.map(([lvl, , , m]) => `${lvl} ${m.split('\n')[0]}`).sort();
      const got = parse(d).problems.filter((p) => p.severity !== 'info')
        .map((p) => `${p.severity === 'error' ? 3 : 2} ${problemMessage(p.kind, 'en', p.data).split('\n')[0]}`).sort();
      if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${JSON.stringify(d)}\n  docutils ${JSON.stringify(expected)}\n  ours     ${JSON.stringify(got)}`);
    });
    console.log(`references oracle: ${compared - failures.length}/${compared} generated documents agree with docutils`);
    assert.ok(compared > 120);
    assert.deepEqual(failures.slice(0, 5), []);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
