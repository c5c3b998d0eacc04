import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PosMemo, escape2null, parseInline, unescape } from '../../server/src/core/rst/inline';
import type { Inline, Reference, Role, Span } from '../../server/src/core/rst/ast';

/** Parse `src` as one text block whose lines are indented by `indent` spaces. */
function pi(src: string, indent = 0) {
  const segs: Span[] = [];
  let o = 0;
  for (const line of src.split('\n')) {
    segs.push({ start: o + Math.min(indent, line.length), end: o + line.length });
    o += line.length + 1;
  }
  return parseInline(src, segs);
}
function kinds(nodes: Inline[]): string[] {
  return nodes.map((n) => n.type);
}
function only<T extends Inline['type']>(nodes: Inline[], type: T): Extract<Inline, { type: T }> {
  const found = nodes.filter((n) => n.type === type);
  assert.equal(found.length, 1, `exactly one ${type} in ${JSON.stringify(kinds(nodes))}`);
  return found[0] as Extract<Inline, { type: T }>;
}
function slice(src: string, s: Span): string {
  return src.slice(s.start, s.end);
}

test('emphasis, strong, literal with exact ranges', () => {
  const src = 'a *em* b **st** c ``li\\t`` d';
  const { nodes, problems } = pi(src);
  assert.deepEqual(problems, []);
  assert.deepEqual(kinds(nodes), ['text', 'emphasis', 'text', 'strong', 'text', 'literal', 'text']);
  const em = only(nodes, 'emphasis');
  assert.equal(slice(src, em), '*em*');
  assert.equal(em.children[0].type, 'text');
  assert.equal(slice(src, em.children[0]), 'em');
  assert.equal(slice(src, only(nodes, 'strong')), '**st**');
  const li = only(nodes, 'literal');
  assert.equal(li.value, 'li\\t', 'literals keep backslashes');
  assert.equal(slice(src, li), '``li\\t``');
});

test('offsets across indented lines (multi-segment block)', () => {
  const src = '   first *emph\n   across* and `link\n   text <http://x.org/a>`_ end';
  const { nodes, problems } = pi(src, 3);
  assert.deepEqual(problems, []);
  const em = only(nodes, 'emphasis');
  assert.equal(slice(src, em), '*emph\n   across*');
  assert.equal((em.children[0] as { value: string }).value, 'emph\nacross');
  const ref = only(nodes, 'reference') as Reference;
  assert.equal(slice(src, ref), '`link\n   text <http://x.org/a>`_');
  assert.equal(ref.url, 'http://x.org/a');
  assert.equal(slice(src, ref.urlSpan!), 'http://x.org/a');
  assert.equal(ref.text, 'link\ntext');
  assert.equal(ref.refname, 'link text');
  assert.equal(slice(src, ref.textSpan), 'link\n   text');
  // siblings are contiguous, ordered, within the block
  for (let i = 1; i < nodes.length; i++) assert.equal(nodes[i].start, nodes[i - 1].end);
  assert.equal(nodes[0].start, 3);
  assert.equal(nodes[nodes.length - 1].end, src.length);
});

test('interpreted text: default role, prefix and suffix roles, unknown role', () => {
  const src = '`dflt` :file:`a/b` `x`:kbd: :nope:`y`';
  const { nodes, problems } = pi(src);
  const roles = nodes.filter((n): n is Role => n.type === 'role');
  assert.deepEqual(roles.map((r) => [r.role, r.text, slice(src, r)]), [
    [null, 'dflt', '`dflt`'],
    ['file', 'a/b', ':file:`a/b`'],
    ['kbd', 'x', '`x`:kbd:'],
  ]);
  assert.equal(slice(src, roles[1].roleSpan!), ':file:');
  assert.equal(slice(src, roles[2].roleSpan!), ':kbd:');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].kind, 'unknown-role');
  assert.equal(problems[0].severity, 'error');
  assert.deepEqual(problems[0].data, { name: 'nope' });
  assert.equal(slice(src, problems[0]), ':nope:`y`');
  assert.equal(only(nodes, 'problematic').value, ':nope:`y`');
});

test('Sphinx cross-reference roles split title <target> and strip ~ / !', () => {
  const src = ':doc:`Production <../../plans/archive/production>` :ref:`~lbl` :doc:`!x` :DOC:`plain`';
  const roles = pi(src).nodes.filter((n): n is Role => n.type === 'role');
  assert.equal(roles.length, 4);
  assert.equal(roles[0].role, 'doc');
  assert.equal(roles[0].title, 'Production');
  assert.equal(roles[0].target, '../../plans/archive/production');
  assert.equal(slice(src, roles[0].targetSpan), '../../plans/archive/production');
  assert.equal(roles[1].target, 'lbl');
  assert.equal(slice(src, roles[1].targetSpan), 'lbl');
  assert.equal(roles[2].target, 'x');
  assert.equal(roles[3].role, 'doc', 'role names are case-insensitive (stored lower-case)');
  assert.equal(roles[3].title, undefined);
  assert.equal(roles[3].target, 'plain');
});

test('role problems: multiple roles, role with reference suffix', () => {
  let r = pi('a :kbd:`x`:file: b');
  assert.deepEqual(r.problems.map((p) => p.kind), ['role-multiple']);
  r = pi('a `x`:kbd:_ b');
  assert.deepEqual(r.problems.map((p) => [p.kind, p.data]), [['role-reference-mismatch', { position: 'suffix' }]]);
  r = pi('a :kbd:`x`_ b');
  assert.deepEqual(r.problems.map((p) => [p.kind, p.data]), [['role-reference-mismatch', { position: 'prefix' }]]);
});

test('hyperlink references: named, word, anonymous, embedded URI and alias', () => {
  const src = 'w_ `two words`_ anon__ `anon phrase`__ `T <http://a.b/>`_ `A <http://c.d/>`__ `I <other name_>`_ `<http://e.f>`_';
  const refs = pi(src).nodes.filter((n): n is Reference => n.type === 'reference');
  assert.deepEqual(
    refs.map((r) => [r.kind, r.text, r.refname, r.url, r.embedded, r.embeddedRefname]),
    [
      ['named', 'w', 'w', undefined, false, undefined],
      ['named', 'two words', 'two words', undefined, false, undefined],
      ['anonymous', 'anon', undefined, undefined, false, undefined],
      ['anonymous', 'anon phrase', undefined, undefined, false, undefined],
      ['named', 'T', 't', 'http://a.b/', true, undefined],
      ['anonymous', 'A', undefined, 'http://c.d/', true, undefined],
      ['named', 'I', 'i', undefined, true, 'other name'],
      ['named', 'http://e.f', 'http://e.f', 'http://e.f', true, undefined],
    ],
  );
  assert.equal(slice(src, refs[0]), 'w_');
  assert.equal(slice(src, refs[0].textSpan), 'w');
  assert.equal(slice(src, refs[4].textSpan), 'T');
  assert.equal(slice(src, refs[4].urlSpan!), 'http://a.b/');
});

test('reference names are normalised (whitespace collapsed, lower-cased)', () => {
  const r = only(pi('see `Trello   Board\n  Link`_').nodes, 'reference') as Reference;
  assert.equal(r.refname, 'trello board link');
});

test('embedded e-mail gets mailto:, escaped whitespace in URIs', () => {
  const r = only(pi('`mail <a@b.no>`_').nodes, 'reference') as Reference;
  assert.equal(r.url, 'mailto:a@b.no');
  const r2 = only(pi('`x <http://a.b/c\n   d>`_').nodes, 'reference') as Reference;
  assert.equal(r2.url, 'http://a.b/cd', 'unescaped whitespace is removed from URIs');
});

test('standalone URIs and e-mail addresses; trailing punctuation excluded', () => {
  const src = 'See http://x.org/a/b. Or (https://y.no/p?q=1#f), mail ola@uio.no; ftp://f.org/x_ end';
  // as in docutils, `x_` after '/' is a reference name found before URIs are looked for
  const refs = pi(src).nodes.filter((n): n is Reference => n.type === 'reference');
  assert.deepEqual(refs.map((r) => [r.kind, r.url, slice(src, r)]), [
    ['standalone', 'http://x.org/a/b', 'http://x.org/a/b'],
    ['standalone', 'https://y.no/p?q=1#f', 'https://y.no/p?q=1#f'],
    ['email', 'mailto:ola@uio.no', 'ola@uio.no'],
    ['standalone', 'ftp://f.org/', 'ftp://f.org/'],
    ['named', undefined, 'x_'],
  ]);
});

test('docutils quirk: an unknown URI scheme first in a text run leaves the whole run unlinked', () => {
  const r = pi('kl.10:30 se http://x.org');
  assert.deepEqual(kinds(r.nodes), ['text']);
  // a known scheme later in a run that starts cleanly is linked
  assert.deepEqual(kinds(pi('se http://x.org nå').nodes), ['text', 'reference', 'text']);
});

test('substitution, footnote and citation references, inline targets', () => {
  const src = '|sub| |link|_ [1]_ [#]_ [#note]_ [*]_ [CIT2002]_ _`Inline Target`';
  const { nodes, problems } = pi(src);
  assert.deepEqual(problems, []);
  const subs = nodes.filter((n) => n.type === 'substitution_reference');
  assert.deepEqual(subs.map((s) => [s.type === 'substitution_reference' && s.name, s.type === 'substitution_reference' && s.linked]), [['sub', false], ['link', true]]);
  const fns = nodes.filter((n) => n.type === 'footnote_reference').map((n) => (n as { label: string }).label);
  assert.deepEqual(fns, ['1', '#', '#note', '*']);
  assert.equal((only(nodes, 'citation_reference') as { label: string }).label, 'CIT2002');
  const t = only(nodes, 'inline_target');
  assert.equal(t.name, 'inline target');
  assert.equal(t.text, 'Inline Target');
  assert.equal(slice(src, t), '_`Inline Target`');
});

test('recognition rules: start-string context, quoting, whitespace, escapes', () => {
  const none = (s: string) => assert.deepEqual(kinds(pi(s).nodes), ['text'], s);
  none('2*x*3'); // start-string preceded by an alphanumeric
  none('a "*" b'); // quoted by matching delimiters
  none('a (*) b');
  none('a « * » b');
  none('a * b * c'); // followed by whitespace
  none('\\*not emphasis*');
  none('snake_case_name');
  none('a|b|c');
  assert.deepEqual(kinds(pi('(*emph*)').nodes), ['text', 'emphasis', 'text']);
  assert.deepEqual(kinds(pi('x-*emph*-y').nodes), ['text', 'emphasis', 'text']);
  assert.equal((pi('\\*not\\* here').nodes[0] as { value: string }).value, '*not* here');
  // end-string must be followed by whitespace or punctuation
  const r = pi('*a*b');
  assert.deepEqual(r.problems.map((p) => p.kind), ['inline-emphasis-unclosed']);
  assert.deepEqual(kinds(r.nodes), ['problematic', 'text']);
});

test('unclosed start-strings: one problem each, on the start-string, as problematic nodes', () => {
  const cases: Array<[string, string, string]> = [
    ['a *b', 'inline-emphasis-unclosed', '*'],
    ['a **b', 'inline-strong-unclosed', '**'],
    ['a ``b', 'inline-literal-unclosed', '``'],
    ['a `b', 'inline-interpreted-unclosed', '`'],
    ['a _`b', 'inline-target-unclosed', '_`'],
    ['a |b', 'inline-substitution-unclosed', '|'],
    ['a :doc:`b', 'inline-interpreted-unclosed', '`'],
  ];
  for (const [src, kind, at] of cases) {
    const { nodes, problems } = pi(src);
    assert.equal(problems.length, 1, src);
    assert.equal(problems[0].kind, kind, src);
    assert.equal(problems[0].severity, 'warning');
    assert.equal(slice(src, problems[0]), at, src);
    assert.equal(only(nodes, 'problematic').value, at);
  }
});

test('docutils quirk: text right after an unmatched start-string counts as a text start', () => {
  const r = pi('x **`y`');
  assert.deepEqual(kinds(r.nodes), ['text', 'problematic', 'role']);
  assert.deepEqual(r.problems.map((p) => p.kind), ['inline-strong-unclosed']);
});

test('docutils quirk: an end-string right after the start-string ends the search ("x ****")', () => {
  const r = pi('x ****');
  // docutils 0.19: two warnings, two problematic "**" (the second start-string sits at a text start)
  assert.deepEqual(r.problems.map((p) => p.kind), ['inline-strong-unclosed', 'inline-strong-unclosed']);
  assert.deepEqual(kinds(r.nodes), ['text', 'problematic', 'problematic']);
});

test('empty input and empty segments', () => {
  assert.deepEqual(parseInline('', []), { nodes: [], problems: [] });
  const r = parseInline('abc', [{ start: 1, end: 1 }]);
  assert.deepEqual(r.problems, []);
});

/** Small deterministic PRNG. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

test('never throws on random input; ranges are inside the block, ordered and non-overlapping', () => {
  const alphabet = ['*', '**', '`', '``', '_', '__', '|', '[', ']', '#', ':', 'a', 'B', ' ', ' ', '\\', '<', '>', '(', ')',
    '"', "'", 'http://', 'x@y.no', '.', '-', '/', '~', '!', ':doc:', '1', '«', '»', '\n', '\t', '\u{1F600}', 'é', '\0', '\r'];
  const next = rng(42);
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const len = Math.floor(next() * 40);
    for (let k = 0; k < len; k++) s += alphabet[Math.floor(next() * alphabet.length)];
    const indent = Math.floor(next() * 3);
    const lines = s.split('\n').map((l) => ' '.repeat(indent) + l);
    const src = lines.join('\n');
    const r = pi(src, indent);
    let prev = -1;
    const check = (ns: Inline[], lo: number, hi: number) => {
      let last = lo;
      for (const n of ns) {
        assert.ok(n.start >= last && n.end >= n.start && n.end <= hi, `range of ${n.type} in ${JSON.stringify(src)}`);
        last = n.end;
        if (n.type === 'emphasis' || n.type === 'strong') check(n.children, n.start, n.end);
      }
    };
    check(r.nodes, 0, src.length);
    for (const p of r.problems) {
      assert.ok(p.start >= prev && p.end <= src.length);
      prev = p.start;
    }
  }
});

test('linear time: pathological 100 KB lines parse in well under 200 ms (CPU time)', () => {
  const K = 100_000;
  const cases: Array<[string, string]> = [
    ['unbalanced backquotes', '`'.repeat(K)],
    ['backquote-space', '` '.repeat(K / 2)],
    ['"*a " repeated', '*a '.repeat(K / 3)],
    ['"**a " repeated', '**a '.repeat(K / 4)],
    ['"``a " repeated', '``a '.repeat(K / 4)],
    ['":r:`a " repeated', ':r:`a '.repeat(K / 6)],
    ['"|a " repeated', '|a '.repeat(K / 3)],
    ['"a-" (reference-name chains)', 'a-'.repeat(K / 2) + 'x_ '],
    ['"(a-" (reference-name chains at every start)', '(a-'.repeat(K / 3) + 'b_'],
    ['":a-" (role-name chains)', ':a-'.repeat(K / 3) + 'b:`x` '],
    ['"-a" then @ (e-mail name chains)', '-a'.repeat(K / 2) + '@'],
    ['"`a <" (embedded links)', '`a <'.repeat(K / 4)],
    ['URI characters', 'http://a.b/'.repeat(K / 11)],
  ];
  pi('warm *up* `x`_ http://a.b'); // JIT warm-up on a tiny input
  const figures: string[] = [];
  for (const [name, s] of cases) {
    const c0 = process.cpuUsage();
    const r = parseInline(s, [{ start: 0, end: s.length }]);
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    figures.push(`${name}: ${ms.toFixed(1)} ms`);
    assert.ok(r.nodes.length > 0);
    assert.ok(ms < 200, `${name} took ${ms.toFixed(1)} ms CPU`);
  }
  console.log('inline perf (100 KB each, CPU ms):\n  ' + figures.join('\n  '));
});

test('escape2null and unescape agree with docutils on random text full of backslashes, NULs, spaces and line breaks', () => {
  // docutils: escape2null replaces each escaping backslash by NUL (the character after it stays);
  // unescape drops every NUL and a space or line break right after it
  const escapeModel = (t: string) => {
    let out = '';
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '\\') { out += '\0' + (i + 1 < t.length ? t[i + 1] : ''); i++; } else out += t[i];
    }
    return out;
  };
  const unescapeModel = (t: string) => {
    let out = '';
    for (let i = 0; i < t.length; i++) {
      if (t[i] === '\0') { if (t[i + 1] === ' ' || t[i + 1] === '\n') i++; } else out += t[i];
    }
    return out;
  };
  let x = 5;
  const r = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const alphabet = ['\\', '\\', 'a', ' ', '\n', '\0', '*', 'æ', '😀'];
  for (let i = 0; i < 5000; i++) {
    let t = '';
    for (let n = Math.floor(r() * 12); n > 0; n--) t += alphabet[Math.floor(r() * alphabet.length)];
    assert.equal(escape2null(t), escapeModel(t), JSON.stringify(t));
    assert.equal(unescape(t), unescapeModel(t), JSON.stringify(t));
  }
});

test('PosMemo forgets every earlier entry on reset, also when its stamp wraps around', () => {
  const m = new PosMemo().reset(8); // stamp 1
  m.set(5, 9);
  assert.equal(m.get(5), 9);
  assert.equal(m.get(4), undefined);
  m.reset(8);
  assert.equal(m.get(5), undefined, 'an entry of the previous block');
  // after 2^31 blocks the stamp counter wraps and starts again at 1, the stamp of the entry above, which
  // must not come back (the counter is set directly: a test cannot make 2^31 resets)
  const counter = m as unknown as { cur: number };
  counter.cur = 0x7ffffffe;
  m.reset(8);
  assert.equal(counter.cur, 1);
  for (let key = 0; key < 8; key++) assert.equal(m.get(key), undefined, `key ${key} after the wrap`);
  m.set(5, 11);
  assert.equal(m.get(5), 11);
  // growing past its capacity keeps it correct
  m.reset(1000);
  assert.equal(m.get(5), undefined);
  m.set(999, 1);
  assert.equal(m.get(999), 1);
});
