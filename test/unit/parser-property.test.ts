// Property test: for thousands of random documents built from rST-ish fragments, parse never throws,
// reports no internal error, and every node's range lies in its parent's with ordered, disjoint siblings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlockParser, parse } from '../../server/src/core/rst/parser';
import { isMark, marks, preorder, walk } from '../../server/src/core/rst/walk';
import type { Node } from '../../server/src/core/rst/ast';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTree } from './parserCheck';

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}

const FRAGMENTS = [
  'Title', '=====', '-----', '~~~~~~~~~~', '=', '==', '::', 'text::', 'text ::', '- item', '* item', '+ x', '• y',
  '1. one', '2. two', '#. auto', '(a) alpha', 'ii) roman', 'I. Roman', 'A) x', ':field: value', ':f:', '-a  opt', '--long=X  opt',
  '>>> 1 + 1', '2', '| line', '|   indented line', '.. note:: text', '.. code-block:: python', '.. image:: a.png',
  '   :width: 50%', ':target: x', '.. _name: http://x', '.. __: http://y', '__ http://z', '.. _a: b_', '.. |s| image:: x',
  '.. |s| replace:: text', '.. [1] fn', '.. [#] fn', '.. [*] fn', '.. [CIT] c', '.. comment', '..', '.. unknown:: x',
  '+-----+-----+', '| a   | b   |', '+=====+=====+', '+-----------+', '|           |', '=====  =====', 'A      B',
  '-----  -----', '-- attribution', '--- att', 'term : classifier', '*emphasis*', '**strong**', '``literal``',
  '`ref <http://x>`_', ':doc:`x`', 'word_', '[1]_', '|s|', 'plain text here', 'more text', '\t tabbed', '😀 astral',
  'Fullført', '\\', '`', '*', '_', '|', '>', '>>', '> quoted', '..  _x: y', '.. _`a b`: c', '.. toctree::',
  '   uke_01', '| x__ | y_  |', '| [#]_| |s| |', '| `a`_| [*]_|', 'x__    [2]_', ':a_: [#]_', ':`b`__: x__', ':', ': x', '-', '--', '---', '----', '+', '+-', '+--+', '=====', '', '', '', '',
  // whitespace other than space and tab in indentation (and table cells), and line blocks that nest
  '\u00a0nbsp', '  \u3000x', ' \u00a0 mixed', '\t\u2003tab', '|\u00a0a   | b   |', '|   deep', '|  less',
];

/** preorder (its own fast walk) lists exactly what walk visits, text nodes left out, in the same order. */
function assertPreorder(tree: Node, text: string): void {
  const want: Node[] = [];
  walk(tree, (n) => { if (n.type !== 'text') want.push(n); });
  const got = preorder(tree);
  assert.equal(got.length, want.length, `preorder length on ${JSON.stringify(text.slice(0, 200))}`);
  for (let i = 0; i < want.length; i++) assert.ok(got[i] === want[i], `preorder differs at ${i} (${got[i]?.type} vs ${want[i].type}) on ${JSON.stringify(text.slice(0, 200))}`);
}

/**
 * The parser's marks (collected while parsing) are the marks of a preorder walk of the finished tree
 * (isMark), in the same order; and parse() gives them to `marks`.
 */
function assertMarks(text: string): number {
  const p = new BlockParser(text);
  p.run();
  p.releaseLineTables();
  const got = p.marks.filter((m) => m !== undefined);
  const want = preorder(p.doc).filter(isMark);
  const tree = parse(text).tree;
  assert.deepEqual(marks(tree).map((m) => `${m.type}@${m.start}`), preorder(tree).filter(isMark).map((m) => `${m.type}@${m.start}`));
  assert.equal(got.length, want.length, `marks length on ${JSON.stringify(text.slice(0, 300))}`);
  for (let i = 0; i < want.length; i++) assert.ok(got[i] === want[i], `marks differ at ${i} (${got[i]?.type} ${got[i]?.start} vs ${want[i].type} ${want[i].start}) on ${JSON.stringify(text.slice(0, 300))}`);
  return want.length;
}

function randomDoc(r: () => number): string {
  const n = 1 + Math.floor(r() * 14);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const indent = r() < 0.3 ? ' '.repeat(Math.floor(r() * 7)) : '';
    let frag = FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
    if (r() < 0.15) frag += ' ' + FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
    lines.push(indent + frag);
  }
  const nl = r() < 0.1 ? '\r\n' : r() < 0.05 ? '\r' : '\n';
  return lines.join(nl) + (r() < 0.7 ? nl : '');
}

test('random rST-ish documents: never throws, invariants hold', () => {
  const r = rng(20261127);
  let nodes = 0;
  let marks = 0;
  const types = new Set<string>();
  for (let i = 0; i < 4000; i++) {
    const text = randomDoc(r);
    let res;
    try {
      res = parse(text);
    } catch (e) {
      assert.fail(`parse threw on ${JSON.stringify(text)}: ${e}`);
    }
    const internal = res.problems.filter((p) => p.kind === 'internal-error');
    assert.deepEqual(internal, [], JSON.stringify(text));
    const errs = checkTree(res.tree, text);
    assert.deepEqual(errs, [], JSON.stringify(text));
    for (const p of res.problems) {
      assert.ok(p.start >= 0 && p.end >= p.start && p.end <= text.length, `problem range ${JSON.stringify(p)} in ${JSON.stringify(text)}`);
    }
    assert.equal(res.tree.start, 0);
    assert.equal(res.tree.end, text.length);
    walk(res.tree, (n) => { nodes++; types.add(n.type); });
    assertPreorder(res.tree, text);
    marks += assertMarks(text);
  }
  assert.ok(nodes > 20000, `walked ${nodes} nodes`);
  assert.ok(marks > 5000, `compared ${marks} marks`);
  // the generator reaches every block construct
  for (const t of ['section', 'paragraph', 'bullet_list', 'enumerated_list', 'definition_list', 'field_list', 'option_list',
    'literal_block', 'doctest_block', 'block_quote', 'line_block', 'comment', 'transition', 'directive', 'target',
    'substitution_definition', 'footnote', 'citation', 'table', 'table_cell']) {
    assert.ok(types.has(t), `generated no ${t}`);
  }
});

test('random printable junk: never throws, invariants hold', () => {
  const r = rng(7);
  for (let i = 0; i < 1500; i++) {
    let text = '';
    const len = Math.floor(r() * 200);
    for (let j = 0; j < len; j++) {
      const x = r();
      text += x < 0.08 ? '\n' : x < 0.12 ? ' '.repeat(1 + Math.floor(r() * 4)) : x < 0.14 ? '\t' : String.fromCharCode(32 + Math.floor(r() * 95));
    }
    const res = parse(text);
    assert.deepEqual(res.problems.filter((p) => p.kind === 'internal-error'), [], JSON.stringify(text));
    assert.deepEqual(checkTree(res.tree, text), [], JSON.stringify(text));
    assertPreorder(res.tree, text);
    assertMarks(text);
  }
});

test('preorder lists what walk visits, and the parser collects the marks of a walk, on every corpus document and on every node type', () => {
  const docs = [path.resolve(__dirname, '../../../../shared/corpus/norcams-iaas/docs'), path.resolve(process.cwd(), '../shared/corpus/norcams-iaas/docs')]
    .find((d) => fs.existsSync(path.join(d, 'conf.py')));
  const texts: string[] = [];
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) visit(path.join(d, e.name));
      else if (e.name.endsWith('.rst')) texts.push(fs.readFileSync(path.join(d, e.name), 'utf8'));
    }
  };
  if (docs) visit(docs);
  // every container the walk knows, in one document
  texts.push([
    'Title', '=====', '', 'Para *em* **strong** `ref <http://x>`_ |s|_ [1]_', '', '  quoted', '', '  -- someone *famous*', '',
    '| line *one*', '|    nested', '', 'term : class *one* : two', '   definition', '', ':field *x*: body', '', '-a  option *d*', '',
    '.. |s| image:: a.png', '', '.. [1] note', '', '.. [CIT] cite', '', '.. note:: x', '', '   body', '', '.. parsed-literal::', '', '   lit *x*', '',
    '+---+---+', '| a | b |', '+===+===+', '| c | d |', '+---+---+', '', '- item', '', '  1. sub', '',
  ].join('\n'));
  const types = new Set<string>();
  for (const text of texts) {
    const tree = parse(text).tree;
    walk(tree, (n) => { types.add(n.type); });
    assertPreorder(tree, text);
    assertMarks(text);
  }
  for (const t of ['block_quote', 'line', 'line_block', 'definition_list_item', 'field', 'option_list_item', 'substitution_definition',
    'footnote', 'citation', 'directive', 'literal_block', 'table_row', 'table_cell', 'emphasis', 'strong', 'section']) {
    assert.ok(types.has(t), `no ${t} in the preorder test documents`);
  }
});

test('the invariant checker detects overlapping siblings and escaping children', () => {
  const text = '- a\n\n  b\n';
  const res = parse(text);
  assert.deepEqual(checkTree(res.tree, text), []);
  const item = (res.tree.children[0] as any).items[0];
  item.children[1].start = 0;
  assert.equal(checkTree(res.tree, text).length, 1);
  item.children[1].start = 6;
  item.children[1].end = 99;
  assert.ok(checkTree(res.tree, text).some((e) => e.includes('outside parent') || e.includes('bad range')));
});
