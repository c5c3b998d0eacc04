// The parser's shortcuts give exactly the tree and problems of the general path: each is switched off
// and the same documents parsed again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeSorted, parse, shortcuts, sortNearlySorted } from '../../server/src/core/rst/parser';
import type { Problem } from '../../server/src/core/rst/ast';
import { parseInline } from '../../server/src/core/rst/inline';

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

const CELLS = [
  'a', 'A b', 'x *y*', 'x *y', '1. one', '12. twelve', '123456789012345. long', 'a) b', 'A. b', 'i. roman', 'iv) four',
  'ivxlcdm. x', 'foo::', 'foo ::', 'a::b', '1', '2x', 'x_', '`a <http://x>`_', 'see http://example.org', 'mail a@b.no',
  'Trello', 'ok\ttab', 'a  b', 'x`', ':role:`x`', '- item', '* star', '#. auto', '(1) p', 'æøå', 'Ærlig', '.. note', '| line',
  '', ' ', 'z\\ ', 'a |sub|', '[1]_', 'w  ', '0', '9.', 'b.', 'Z)',
];

function simpleTable(r: () => number): string {
  const rows = 1 + Math.floor(r() * 4);
  const pick = () => CELLS[Math.floor(r() * CELLS.length)];
  const lines = ['===================  ===================='];
  for (let i = 0; i < rows; i++) {
    const a = pick().padEnd(19, ' ');
    lines.push(`${a}  ${pick()}`);
    if (r() < 0.2) lines.push(`${' '.repeat(19)}  ${pick()}`); // a second line in the last column
  }
  lines.push('===================  ====================');
  return lines.join('\n') + '\n';
}

function gridTable(r: () => number): string {
  const pick = () => CELLS[Math.floor(r() * CELLS.length)].replace(/\t/g, ' ').slice(0, 18);
  const border = '+--------------------+--------------------+';
  const row = () => `| ${pick().padEnd(19)}| ${pick().padEnd(19)}|`;
  const lines = [border, row()];
  if (r() < 0.3) lines.push(row());
  lines.push(border, row(), border);
  return lines.join('\n') + '\n';
}

test('plain table cells: the shortcut gives the same tree and problems as a child parser', () => {
  const r = rng(11);
  let docs = 0;
  for (let i = 0; i < 400; i++) {
    const doc = (r() < 0.5 ? simpleTable(r) : gridTable(r)) + (r() < 0.3 ? '\n' + simpleTable(r) : '');
    const fast = parse(doc);
    shortcuts.plainCells = false;
    let full;
    try { full = parse(doc); } finally { shortcuts.plainCells = true; }
    assert.deepEqual(fast, full, doc);
    if (fast.tree.children.some((b) => b.type === 'table')) docs++;
  }
  assert.ok(docs > 300, `only ${docs} of 400 documents parsed as tables`);
});

test('definition list terms without classifiers: the shortcut gives what splitting them gives', () => {
  const r = rng(7);
  const pieces = ['term', 'a', ' : ', ' : ', ' : ', ' :', ': ', ':', '  :  ', '\\ : ', '\\:', '*em*', '``lit``', 'x_', '`r <http://x>`_', ':doc:`d`', '\\', ' ', 'æ'];
  let classified = 0, plain = 0;
  for (let i = 0; i < 1000; i++) {
    const items: string[] = [];
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) {
      let term = '';
      for (let n = 1 + Math.floor(r() * 5); n > 0; n--) term += pieces[Math.floor(r() * pieces.length)];
      items.push(term.trim() || 'x', '   definition');
    }
    const doc = items.join('\n') + '\n';
    const fast = parse(doc);
    shortcuts.plainTerms = false;
    let full;
    try { full = parse(doc); } finally { shortcuts.plainTerms = true; }
    assert.deepEqual(fast, full, doc);
    for (const b of fast.tree.children) {
      if (b.type !== 'definition_list') continue;
      for (const it of b.items) if (it.classifiers.length) classified++; else plain++;
    }
  }
  assert.ok(classified > 200 && plain > 200, `classified ${classified}, plain ${plain}`);
});

test('embedded URIs without whitespace or escapes: the shortcut gives what removing them gives', () => {
  const r = rng(9);
  const pieces = ['http://x.no/a', 'https://e.org', '/path', 'page.html', 'a@b.no', 'name_', ' ', '  ', '\n   ', '\\ ', '\\', '\\_', '\t', '\x1d', '_', '#frag', '?q=1', 'æ', '\u00a0'];
  let plain = 0;
  for (let i = 0; i < 2000; i++) {
    let url = '';
    for (let n = 1 + Math.floor(r() * 4); n > 0; n--) url += pieces[Math.floor(r() * pieces.length)];
    const src = `see \`text <${url}>\`${r() < 0.3 ? '__' : '_'} now`;
    const segs = src.split('\n').map((line, l, all) => {
      const start = all.slice(0, l).reduce((n, x) => n + x.length + 1, 0);
      return { start, end: start + line.length };
    });
    const fast = parseInline(src, segs);
    shortcuts.plainUrls = false;
    let full;
    try { full = parseInline(src, segs); } finally { shortcuts.plainUrls = true; }
    assert.deepEqual(fast, full, JSON.stringify(src));
    if (!/[\s\x1c-\x1f\\]/.test(url) && fast.nodes.some((n) => n.type === 'reference' && n.url === url)) plain++;
  }
  assert.ok(plain > 200, `only ${plain} plain URLs`);
});

test('plain inline text: the shortcut gives what the inline parser gives', () => {
  const r = rng(5);
  const alphabet = ['a', 'b', 'Z', '1', ' ', ' ', ':', ':', ': ', '*', '_', '`', '|', '[', ']', '@', '\\', '.', '-', '/', 'http', 'https:', 'mailto:', 'x@y.no', 'æ', '\t', '::'];
  let plainSeen = 0;
  for (let i = 0; i < 3000; i++) {
    const lines: string[] = [];
    const nl = 1 + Math.floor(r() * 3);
    // indented lines are segments apart; unindented ones follow each other (one slice of the source)
    const ind = r() < 0.5 ? 2 : 0;
    for (let l = 0; l < nl; l++) {
      let t = '';
      const n = Math.floor(r() * 12);
      for (let k = 0; k < n; k++) t += alphabet[Math.floor(r() * alphabet.length)];
      lines.push(' '.repeat(ind) + t.trim());
    }
    const src = lines.join('\n');
    const segs = lines.map((_, l) => {
      const start = lines.slice(0, l).reduce((n, x) => n + x.length + 1, 0) + ind;
      return { start, end: start + lines[l].length - ind };
    }).filter((s) => s.end >= s.start);
    const fast = parseInline(src, segs);
    shortcuts.plainInline = false;
    let full;
    try { full = parseInline(src, segs); } finally { shortcuts.plainInline = true; }
    assert.deepEqual(fast, full, JSON.stringify(src));
    if (/:/.test(src) && fast.nodes.length === 1 && fast.nodes[0].type === 'text') plainSeen++;
  }
  assert.ok(plainSeen > 100, `only ${plainSeen} plain texts with a colon`);
});

test('problems: the insertion sort orders like Array.prototype.sort (start, then end; stable)', () => {
  const r = rng(3);
  for (let i = 0; i < 300; i++) {
    const n = Math.floor(r() * 200);
    const far = r() < 0.3; // some arrays far from sorted, to take the fallback
    const ps: Problem[] = [];
    for (let k = 0; k < n; k++) {
      const start = far ? Math.floor(r() * 50) : k + Math.floor(r() * 6) - (r() < 0.1 ? 15 : 0);
      ps.push({ kind: `k${k}`, severity: 'warning', start, end: start + Math.floor(r() * 3) });
    }
    const mine = ps.slice();
    sortNearlySorted(mine);
    const want = ps.slice().sort(byRange);
    assert.deepEqual(mine.map((p) => p.kind), want.map((p) => p.kind));
  }
});

test('problems: merging two sorted lists orders like a stable sort of the two one after the other', () => {
  const r = rng(4);
  for (let i = 0; i < 300; i++) {
    const make = (tag: string) => {
      const ps: Problem[] = [];
      const n = Math.floor(r() * (r() < 0.2 ? 3 : 100));
      for (let k = 0; k < n; k++) {
        const start = Math.floor(r() * 60);
        ps.push({ kind: `${tag}${k}`, severity: 'warning', start, end: start + Math.floor(r() * 3) });
      }
      sortNearlySorted(ps);
      return ps;
    };
    const a = make('a'), b = make('b');
    const want = a.concat(b).sort(byRange);
    assert.deepEqual(mergeSorted(a, b).map((p) => p.kind), want.map((p) => p.kind));
  }
});

function byRange(a: Problem, b: Problem): number {
  return a.start - b.start || a.end - b.end;
}
