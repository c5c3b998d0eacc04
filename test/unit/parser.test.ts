// Block parser: node types, nesting and exact offsets for each construct; problems with exact ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { badOptionValue, parse, makeId, nearestName } from '../../server/src/core/rst/parser';
import type {
  Block, BlockQuote, BulletList, Citation, Comment, DefinitionList, Directive, DoctestBlock, EnumeratedList,
  FieldList, Footnote, Line, LineBlock, LiteralBlock, Node, OptionList, Paragraph, Problem, Section,
  SubstitutionDefinition, Table, Target, Transition,
} from '../../server/src/core/rst/ast';
import { PROBLEM_KINDS } from '../../server/src/core/rst/problems';
import { checkTree } from './parserCheck';

function p(text: string) {
  const r = parse(text);
  const errs = checkTree(r.tree, text);
  assert.deepEqual(errs, [], 'tree invariants');
  for (const pr of r.problems) assert.notEqual(pr.kind, 'internal-error', JSON.stringify(pr));
  const s = (n: { start: number; end: number }) => text.slice(n.start, n.end);
  return { ...r, s, text };
}
const kinds = (ps: Problem[], sev?: string) => ps.filter((x) => !sev || x.severity === sev).map((x) => x.kind);
const only = <T extends Block>(blocks: Block[], type: T['type']): T => {
  const b = blocks.filter((x) => x.type === type);
  assert.equal(b.length, 1, `one ${type} in ${blocks.map((x) => x.type).join(',')}`);
  return b[0] as T;
};

test('sections: underline-only and overline styles are different levels, fixed by first use', () => {
  const text = '=====\nUke 5\n=====\n\nav X\n\nStatus\n======\n\nText.\n\nSub\n---\n\nMore.\n\nAnnet\n=====\n\nEnd.\n';
  const { tree, s, problems } = p(text);
  assert.deepEqual(problems, []);
  const top = tree.children[0] as Section;
  assert.equal(top.type, 'section');
  assert.equal(top.level, 1);
  assert.equal(top.titleText, 'Uke 5');
  assert.equal(s(top.titleSpan), 'Uke 5');
  assert.equal(top.adornment.overline, true);
  assert.equal(s(top.adornment.overlineSpan!), '=====');
  assert.equal(s(top.adornment.underlineSpan), '=====');
  assert.equal(top.adornment.char, '=');
  assert.equal(s(top), text.trimEnd());
  assert.equal(top.id, 'uke-5');
  const secs = top.children.filter((c) => c.type === 'section') as Section[];
  assert.deepEqual(secs.map((x) => [x.level, x.titleText]), [[2, 'Status'], [2, 'Annet']]);
  assert.equal(s(secs[0]), 'Status\n======\n\nText.\n\nSub\n---\n\nMore.');
  const sub = secs[0].children[1] as Section;
  assert.equal(sub.level, 3);
  assert.equal(s(sub), 'Sub\n---\n\nMore.');
  assert.equal(sub.adornment.overline, false);
  assert.equal(sub.adornment.overlineSpan, undefined);
  assert.equal(s(sub.adornment.underlineSpan), '---');
});

test('sections: a style first used deeper keeps its level; a new style out of order is inconsistent', () => {
  const text = 'A\n===\n\nB\n---\n\nC\n~~~\n\nD\n===\n\nE\n~~~\n\nx\n';
  const { tree, problems } = p(text);
  const levels: Array<[number, string]> = [];
  const visit = (bs: Block[]) => { for (const b of bs) if (b.type === 'section') { levels.push([b.level, b.titleText]); visit(b.children); } };
  visit(tree.children);
  assert.deepEqual(levels, [[1, 'A'], [2, 'B'], [3, 'C'], [1, 'D']]);
  // '~' is level 3: directly under a level-1 section it is inconsistent
  assert.deepEqual(kinds(problems), ['title-level-inconsistent']);
  assert.equal(text.slice(problems[0].start, problems[0].end), 'E\n~~~');
});

test('sections: underline too short (>= 4) warns, shorter than 4 is text', () => {
  const text = 'Planlagte aktiviteter\n=====\n\nAb\n==\n\nLong title\n==\n';
  const { tree, problems, s } = p(text);
  const sec = tree.children[0] as Section;
  assert.equal(sec.type, 'section');
  assert.equal(sec.titleText, 'Planlagte aktiviteter');
  assert.deepEqual(kinds(problems), ['title-underline-too-short', 'possible-title-underline']);
  assert.equal(s(problems[0]), '=====');
  assert.equal(problems[0].severity, 'warning');
  assert.equal(problems[1].severity, 'info');
  // "Ab\n==" is a sibling title (same style, equal length); "Long title\n==" is a paragraph in it
  const ab = tree.children[1] as Section;
  assert.equal(ab.type, 'section');
  assert.equal(ab.titleText, 'Ab');
  const para = ab.children[0] as Paragraph;
  assert.equal(para.type, 'paragraph');
  assert.equal(s(para), 'Long title\n==');
});

test('info: short underline treated as text; "::" term line read as a definition list', () => {
  let r = p('Long title\n==\n');
  assert.deepEqual(r.problems.map((x) => [x.kind, x.severity, r.s(x)]), [['possible-title-underline', 'info', '==']]);
  r = p('finnes her::\n  https://example.org\n');
  assert.equal(r.tree.children[0].type, 'definition_list');
  assert.deepEqual(r.problems.map((x) => [x.kind, x.severity, r.s(x)]), [['definition-list-literal', 'info', '::']]);
});

test('sections: overline problems', () => {
  let r = p('======\n Title\n=====\n\nx\n');
  assert.deepEqual(kinds(r.problems), ['overline-underline-mismatch']);
  assert.equal(r.s(r.problems[0]), '======\n Title\n=====');
  r = p('=====\nLong title\n=====\n\nx\n');
  assert.deepEqual(kinds(r.problems), ['title-overline-too-short']);
  assert.equal(r.s(r.problems[0]), '=====');
  assert.equal((r.tree.children[0] as Section).titleText, 'Long title');
  r = p('=====\nTitle\n');
  assert.deepEqual(kinds(r.problems), ['incomplete-section-title']);
  r = p('=====\nTitle\nnot an underline\n');
  assert.deepEqual(kinds(r.problems), ['missing-underline']);
});

test('sections: titles inside nested bodies are errors', () => {
  const { problems, s, tree } = p('- Title\n  =====\n\n- x\n');
  assert.deepEqual(kinds(problems), ['unexpected-section-title']);
  assert.equal(s(problems[0]), 'Title\n  =====');
  assert.equal(tree.children[0].type, 'bullet_list');
  const r2 = p('> quote\n\n  ----------\n');
  assert.deepEqual(kinds(r2.problems), ['unexpected-section-title-or-transition']);
  assert.equal(r2.s(r2.problems[0]), '----------');
});

test('section ids follow docutils make_id, de-duplicated like docutils', () => {
  assert.equal(makeId('Fullført'), 'fullfort');
  assert.equal(makeId('Planlagt fremdrift'), 'planlagt-fremdrift');
  assert.equal(makeId('Æ ø å test'), 'ae-o-a-test');
  assert.equal(makeId('0.x.y series release goals'), 'x-y-series-release-goals');
  assert.equal(makeId('Straße'), 'strasze');
  const { tree } = p('Annet\n=====\n\nx\n\nAnnet\n=====\n\n2020\n====\n\ny\n');
  assert.deepEqual((tree.children as Section[]).map((x) => x.id), ['annet', 'annet-1', 'section-1']);
});

test('transitions', () => {
  const { tree, s } = p('Para.\n\n----------\n\nPara 2.\n');
  const t = tree.children[1] as Transition;
  assert.equal(t.type, 'transition');
  assert.equal(s(t), '----------');
  // short punctuation line is text
  const r = p('---\n\nx\n');
  assert.equal(r.tree.children[0].type, 'paragraph');
});

test('transition placement errors (docutils Transitions transform)', () => {
  const text = '-----\n\nx\n\n-----\n\n------\n\nT\n=\n\n-----\n\ny\n\n-----\n';
  const { problems, s } = p(text);
  assert.deepEqual(problems.map((x) => [x.kind, s(x), text.slice(0, x.start).split('\n').length]), [
    ['transition-at-start', '-----', 1], ['transitions-adjacent', '------', 7], ['transition-at-start', '-----', 12], ['transition-at-end', '-----', 16],
  ]);
});

test('paragraphs, CRLF and CR line endings, astral characters', () => {
  for (const nl of ['\n', '\r\n', '\r']) {
    const text = ['First 😀 line', 'second line', '', 'Next'].join(nl) + nl;
    const { tree, s } = p(text);
    assert.deepEqual(tree.children.map((b) => b.type), ['paragraph', 'paragraph']);
    assert.equal(s(tree.children[0]), `First 😀 line${nl}second line`);
    assert.equal(s(tree.children[1]), 'Next');
    assert.equal(tree.end, text.length);
  }
});

test('a byte-order mark does not hide the first title', () => {
  const text = '\ufeff=====\nUke 5\n=====\n';
  const { tree, s } = p(text);
  const sec = tree.children[0] as Section;
  assert.equal(sec.type, 'section');
  assert.equal(s(sec), '=====\nUke 5\n=====');
  assert.equal(sec.start, 1);
});

test('paragraph followed by indentation: unexpected indentation error, then a block quote', () => {
  const text = 'Line one\nline two\n    indented\n';
  const { tree, problems, s } = p(text);
  assert.deepEqual(tree.children.map((b) => b.type), ['paragraph', 'block_quote']);
  assert.deepEqual(kinds(problems), ['unexpected-indentation']);
  assert.equal(s(problems[0]), 'indented');
  assert.equal(problems[0].severity, 'error');
});

test('bullet lists: markers, nesting, exact item ranges', () => {
  const text = '- one\n  continued\n\n  - nested\n- two\n\n* other list\n\n• bullet\n';
  const { tree, s, problems } = p(text);
  assert.deepEqual(tree.children.map((b) => b.type), ['bullet_list', 'bullet_list', 'bullet_list']);
  assert.deepEqual(problems, []);
  const l = tree.children[0] as BulletList;
  assert.equal(l.bullet, '-');
  assert.equal(l.items.length, 2);
  assert.equal(s(l.items[0]), '- one\n  continued\n\n  - nested');
  assert.equal(s(l.items[0].markerSpan), '-');
  assert.equal(s(l.items[0].children[0]), 'one\n  continued');
  const nested = l.items[0].children[1] as BulletList;
  assert.equal(nested.type, 'bullet_list');
  assert.equal(s(nested), '- nested');
  assert.equal(s(l.items[1]), '- two');
  assert.equal((tree.children[1] as BulletList).bullet, '*');
  assert.equal((tree.children[2] as BulletList).bullet, '•');
});

test('bullet list ending without a blank line warns (list-unindent)', () => {
  const text = '- a\n- b\ntext\n';
  const { tree, problems, s } = p(text);
  assert.deepEqual(tree.children.map((b) => b.type), ['bullet_list', 'paragraph']);
  assert.deepEqual(kinds(problems), ['list-unindent']);
  assert.equal(s(problems[0]), 'text');
  assert.equal(problems[0].severity, 'warning');
});

test('list item continuation must be indented to the text', () => {
  const { tree, problems } = p('- a\n b\n');
  assert.deepEqual(tree.children.map((b) => b.type), ['bullet_list', 'block_quote']);
  assert.deepEqual(kinds(problems), ['list-unindent', 'block-quote-unindent'].slice(0, 1));
});

test('enumerated lists: formats, sequences, start value, auto', () => {
  let r = p('1. one\n2. two\n\n(a) x\n(b) y\n\nii) a\niii) b\n\n#. auto\n#. auto2\n\nA. Alpha\nB. Beta\n');
  const lists = r.tree.children as EnumeratedList[];
  assert.deepEqual(lists.map((l) => [l.enumtype, l.prefix, l.suffix, l.startNumber, l.items.length]), [
    ['arabic', '', '.', 1, 2], ['loweralpha', '(', ')', 1, 2], ['lowerroman', '', ')', 2, 2], ['arabic', '', '.', 1, 2], ['upperalpha', '', '.', 1, 2],
  ]);
  assert.equal(r.s(lists[1].items[1].markerSpan), '(b)');
  assert.deepEqual(kinds(r.problems), ['enumerated-list-start']);
  assert.equal(r.problems[0].severity, 'info');
  assert.equal(r.s(r.problems[0]), 'ii)');
  assert.deepEqual(r.problems[0].data, { text: 'ii', ordinal: 2 });
  // a number not followed by a valid next line is a paragraph
  r = p('2008. was a year\nand so on\n');
  assert.deepEqual(r.tree.children.map((b) => b.type), ['paragraph']);
  // sequence break starts a new list
  r = p('1. a\n3. b\n');
  assert.deepEqual(r.tree.children.map((b) => b.type), ['paragraph']);
  r = p('1. a\n\n3. b\n');
  assert.deepEqual(r.tree.children.map((b) => b.type), ['enumerated_list', 'enumerated_list']);
});

test('enumerated list ending without a blank line warns', () => {
  // like docutils: "2. b" is not an item (the next line is not blank, indented or "3."), so the list ends before it
  const { problems, s, tree } = p('1. a\n2. b\ntext\n');
  assert.deepEqual(kinds(problems, 'warning'), ['enumerated-list-unindent']);
  assert.equal(s(problems.find((x) => x.kind === 'enumerated-list-unindent')!), '2. b');
  assert.deepEqual(tree.children.map((b) => b.type), ['enumerated_list', 'paragraph']);
  const r2 = p('1. a\n2. b\n\ntext\n');
  assert.deepEqual(r2.problems, []);
  assert.equal((r2.tree.children[0] as EnumeratedList).items.length, 2);
});

test('definition lists with classifiers', () => {
  const text = 'term 1\n    Definition 1.\n\nterm 2 : classifier\n    Definition 2,\n    paragraph 2.\n';
  const { tree, s, problems } = p(text);
  assert.deepEqual(problems, []);
  const dl = only<DefinitionList>(tree.children, 'definition_list');
  assert.equal(dl.items.length, 2);
  assert.equal(s(dl.items[0].termSpan), 'term 1');
  assert.equal(s(dl.items[0]), 'term 1\n    Definition 1.');
  assert.equal(s(dl.items[0].definition[0]), 'Definition 1.');
  assert.equal(dl.items[1].classifiers.length, 1);
  assert.equal(s(dl.items[1].term[0]), 'term 2');
  assert.equal(s(dl.items[1].classifiers[0][0]), 'classifier');
  assert.equal(s(dl.items[1].definition[0]), 'Definition 2,\n    paragraph 2.');
});

test('field lists', () => {
  const text = ':Author: Me\n:Date: 2017\n   and more\n:Empty:\n';
  const { tree, s } = p(text);
  const fl = only<FieldList>(tree.children, 'field_list');
  assert.deepEqual(fl.fields.map((f) => f.nameText), ['Author', 'Date', 'Empty']);
  assert.equal(s(fl.fields[0].nameSpan), 'Author');
  assert.equal(s(fl.fields[1]), ':Date: 2017\n   and more');
  assert.equal(s(fl.fields[1].body[0]), '2017\n   and more');
  assert.deepEqual(fl.fields[2].body, []);
});

test('option lists', () => {
  const { tree, s } = p('-a         all\n--file=F   a file\n-x, --ex   both\n');
  const ol = only<OptionList>(tree.children, 'option_list');
  assert.deepEqual(ol.items.map((i) => i.options), ['-a', '--file=F', '-x, --ex']);
  assert.equal(s(ol.items[1].optionsSpan), '--file=F');
  assert.equal(s(ol.items[1].description[0]), 'a file');
});

test('literal blocks: expanded and minimised forms, quoted, and the :: paragraph rules', () => {
  let r = p('Paragraph::\n\n    code\n      more\n\nAfter.\n');
  assert.deepEqual(r.tree.children.map((b) => b.type), ['paragraph', 'literal_block', 'paragraph']);
  const para = r.tree.children[0] as Paragraph;
  assert.equal(r.s(para), 'Paragraph::');
  // "text::" → "text:" : the inline content ends before the second colon
  assert.equal(para.children.length > 0 && r.text.slice(para.children[0].start, para.children[para.children.length - 1].end), 'Paragraph:');
  const lb = r.tree.children[1] as LiteralBlock;
  assert.equal(lb.value, 'code\n  more');
  assert.equal(r.s(lb), 'code\n      more');
  // "text ::" → "text"
  r = p('Paragraph ::\n\n  code\n');
  const p2 = r.tree.children[0] as Paragraph;
  assert.equal(r.text.slice(p2.children[0].start, p2.children[p2.children.length - 1].end), 'Paragraph');
  // "::" alone: no paragraph
  r = p('::\n\n  code\n');
  assert.deepEqual(r.tree.children.map((b) => b.type), ['literal_block']);
  // quoted literal block
  r = p('Quoted::\n\n> line 1\n> line 2\n\nAfter.\n');
  assert.deepEqual(r.tree.children.map((b) => b.type), ['paragraph', 'literal_block', 'paragraph']);
  assert.equal((r.tree.children[1] as LiteralBlock).value, '> line 1\n> line 2');
});

test('literal block expected; none found (range: the following text line, or the :: at the end)', () => {
  let r = p('finnes her::\n\nhttps://example.org\n');
  assert.deepEqual(kinds(r.problems), ['literal-block-expected']);
  assert.equal(r.s(r.problems[0]), 'https://example.org');
  assert.equal(r.problems[0].severity, 'warning');
  r = p('at the end::\n');
  assert.deepEqual(kinds(r.problems), ['literal-block-expected']);
  assert.equal(r.s(r.problems[0]), '::');
  // "::" inside a paragraph (not at its end) is just text
  r = p('finnes her::\nhttps://example.org\n');
  assert.deepEqual(r.problems, []);
});

test('literal block ending without a blank line warns', () => {
  const { problems, s } = p('Code::\n\n    x = 1\ntext\n');
  assert.deepEqual(kinds(problems), ['literal-block-unindent']);
  assert.equal(s(problems[0]), 'text');
});

test('doctest blocks', () => {
  const { tree, s } = p('>>> print(1)\n1\n\nx\n');
  const d = tree.children[0] as DoctestBlock;
  assert.equal(d.type, 'doctest_block');
  assert.equal(d.value, '>>> print(1)\n1');
  assert.equal(s(d), '>>> print(1)\n1');
});

test('block quotes with attribution', () => {
  const text = 'Para.\n\n    Quoted text\n    more.\n\n    -- Someone\n      Else\n\nAfter.\n';
  const { tree, s, problems } = p(text);
  assert.deepEqual(problems, []);
  const bq = tree.children[1] as BlockQuote;
  assert.equal(bq.type, 'block_quote');
  assert.equal(s(bq.children[0]), 'Quoted text\n    more.');
  assert.equal(s(bq.attributionSpan!), 'Someone\n      Else');
  assert.equal(s(bq), 'Quoted text\n    more.\n\n    -- Someone\n      Else');
});

test('block quote ending without a blank line warns', () => {
  const { problems, s } = p('Para.\n\n  quote\ntext\n');
  assert.deepEqual(kinds(problems), ['block-quote-unindent']);
  assert.equal(s(problems[0]), 'text');
});

test('line blocks, nested', () => {
  const { tree, s } = p('| line one\n|    indented\n| back\n   continued\n\nx\n');
  const lb = tree.children[0] as LineBlock;
  assert.equal(lb.type, 'line_block');
  assert.deepEqual(lb.lines.map((l) => l.type), ['line', 'line_block', 'line']);
  const [one, nested, back] = lb.lines as [Line, LineBlock, Line];
  assert.equal(s(one.children[0]), 'line one');
  assert.equal(s(nested), '|    indented');
  assert.equal((nested.lines[0] as Line).indent, 3);
  assert.equal(s(back), '| back\n   continued');
});

test('line blocks: leading lines indented more than a later one form a nested block (docutils)', () => {
  const { tree, s } = p('|   deep\n|  less\n| least\n');
  const lb = tree.children[0] as LineBlock;
  assert.deepEqual(lb.lines.map((l) => l.type), ['line_block', 'line']);
  const inner = lb.lines[0] as LineBlock;
  assert.deepEqual(inner.lines.map((l) => l.type), ['line_block', 'line']);
  assert.equal(s(inner.lines[0]), '|   deep');
  assert.equal(s(inner.lines[1]), '|  less');
  assert.equal(s(lb.lines[1]), '| least');
});

test('comments', () => {
  const { tree, s } = p('.. a comment\n   continued\n\n..\n\n   not a comment\n');
  const c = tree.children[0] as Comment;
  assert.equal(c.type, 'comment');
  assert.equal(c.value, 'a comment\ncontinued');
  assert.equal(s(c), '.. a comment\n   continued');
  assert.equal((tree.children[1] as Comment).value, '');
  assert.equal(tree.children[2].type, 'block_quote');
});

test('explicit markup ending without a blank line warns', () => {
  const { problems, s } = p('.. note:: x\ntext\n');
  assert.deepEqual(kinds(problems), ['explicit-markup-unindent']);
  assert.equal(s(problems[0]), 'text');
  // consecutive explicit constructs need no blank line
  assert.deepEqual(p('.. _a: http://a\n.. _b: http://b\n').problems, []);
});

test('directives: name, argument, options, content, parsed children', () => {
  const text = '.. figure:: img/a.png\n   :width: 50%\n   :target: http://x\n\n   Caption *here*.\n\n.. note:: Careful\n   now.\n\n.. contents::\n';
  const { tree, s, problems } = p(text);
  assert.deepEqual(problems, []);
  const [fig, note, contents] = tree.children as Directive[];
  assert.equal(fig.name, 'figure');
  assert.equal(s(fig.nameSpan), 'figure');
  assert.equal(fig.argument, 'img/a.png');
  assert.equal(s(fig.argumentSpan!), 'img/a.png');
  assert.deepEqual(fig.options.map((o) => [o.name, o.value, s(o.nameSpan), s(o.valueSpan)]), [['width', '50%', 'width', '50%'], ['target', 'http://x', 'target', 'http://x']]);
  assert.equal(fig.content, 'Caption *here*.');
  assert.equal(s(fig.contentSpan!), 'Caption *here*.');
  assert.equal(fig.children![0].type, 'paragraph');
  assert.equal(s(fig), '.. figure:: img/a.png\n   :width: 50%\n   :target: http://x\n\n   Caption *here*.');
  assert.equal(note.name, 'note');
  assert.equal(note.argument, '');
  assert.equal(note.content, 'Careful\nnow.');
  assert.equal(s(note.children![0]), 'Careful\n   now.');
  assert.equal(contents.name, 'contents');
  assert.equal(s(contents), '.. contents::');
  assert.equal(contents.children, undefined);
});

test('code directives set the language and hold a literal block', () => {
  const text = '.. code-block:: bash\n   :linenos:\n\n   echo hi\n     indented\n\n.. code::\n\n   plain\n';
  const { tree, s } = p(text);
  const [a, b] = tree.children as Directive[];
  assert.equal(a.language, 'bash');
  const lb = a.children![0] as LiteralBlock;
  assert.equal(lb.type, 'literal_block');
  assert.equal(lb.language, 'bash');
  assert.equal(lb.value, 'echo hi\n  indented');
  assert.equal(s(lb), 'echo hi\n     indented');
  assert.equal(b.language, undefined);
  assert.equal((b.children![0] as LiteralBlock).value, 'plain');
});

test('parsed-literal content is a literal block with inline markup', () => {
  const text = '.. parsed-literal::\n\n   snapshot.sh [-d|u] `-t` *x*\n\n     indented **b**\n';
  const { tree, s } = p(text);
  const d = tree.children[0] as Directive;
  const lb = d.children![0] as LiteralBlock;
  assert.equal(lb.type, 'literal_block');
  assert.equal(lb.value, 'snapshot.sh [-d|u] `-t` *x*\n\n  indented **b**');
  assert.equal(s(lb), 'snapshot.sh [-d|u] `-t` *x*\n\n     indented **b**');
  const types = lb.children!.map((n) => n.type);
  assert.ok(types.includes('role') && types.includes('emphasis') && types.includes('strong'), types.join(','));
});

test('toctree and other Sphinx directives are known; unknown directives are opaque errors', () => {
  const text = '.. toctree::\n   :maxdepth: 1\n\n   uke_01\n   uke_02\n\n.. versionadded:: 1.0\n\n.. frobnicate:: arg\n   body\n';
  const { tree, s, problems } = p(text);
  const [toc, , unk] = tree.children as Directive[];
  assert.equal(toc.content, 'uke_01\nuke_02');
  assert.deepEqual(toc.options.map((o) => o.name), ['maxdepth']);
  assert.deepEqual(kinds(problems), ['unknown-directive']);
  assert.equal(s(problems[0]), 'frobnicate');
  assert.deepEqual(problems[0].data, { name: 'frobnicate' });
  assert.equal(unk.type, 'directive');
  assert.equal(unk.argument, 'arg\nbody'.split('\n').join(' '));
});

test('directive argument counts are checked like docutils', () => {
  let r = p('.. code::\n   ethtool NICname\n   lldpctl NICname\n');
  assert.deepEqual(kinds(r.problems), ['directive-too-many-arguments']);
  assert.equal(r.s(r.problems[0]), 'code::\n   ethtool NICname\n   lldpctl NICname');
  assert.deepEqual(r.problems[0].data, { name: 'code', max: 1, count: 4 });
  r = p('.. image::\n\n.. figure:: a b.png\n');
  assert.deepEqual(kinds(r.problems), ['directive-missing-argument']);
  assert.equal(r.s(r.problems[0]), 'image');
  assert.deepEqual(p('.. code:: bash\n\n   x\n').problems, []);
});

test('directive content: missing where required, present where none is permitted (docutils messages and ranges)', () => {
  // [text, expected kinds, the text of the first problem's range]
  const cases: Array<[string, string[], string?]> = [
    ['.. note::\n', ['directive-content-missing'], 'note'],
    ['.. warning::\n\nNot indented: not the body.\n', ['directive-content-missing'], 'warning'],
    ['.. seealso::\n', ['directive-content-missing'], 'seealso'],
    ['.. topic:: Title only\n', ['directive-content-missing'], 'topic'],
    ['.. code::\n', ['directive-content-missing'], 'code'],
    ['.. line-block::\n', ['directive-content-missing'], 'line-block'],
    ['.. raw:: html\n', ['directive-content-missing'], 'raw'],
    ['.. table:: Caption\n', ['directive-content-missing'], 'table'],
    ['.. csv-table::\n', ['csv-table-content-missing'], 'csv-table'],
    ['.. list-table::\n', ['list-table-empty'], 'list-table'],
    ['.. image:: a.png\n\n   A caption here is not allowed.\n', ['directive-no-content'], 'A caption here is not allowed.'],
    ['.. contents::\n\n   body\n   more\n', ['directive-no-content'], 'body\n   more'],
    ['.. literalinclude:: x.py\n\n   body\n', ['directive-no-content'], 'body'],
    // arguments are checked first: one error only, as docutils reports
    ['.. admonition::\n', ['directive-missing-argument'], 'admonition'],
    ['.. rubric::\n\n   body\n', ['directive-missing-argument'], 'rubric'],
    // valid: content on the directive line, after a blank line, or from a :file: / :url: option; code-block and math may be empty
    ['.. note:: Inline body.\n', []],
    ['.. note::\n\n   Body.\n', []],
    ['.. raw:: html\n   :file: x.html\n', []],
    ['.. csv-table::\n   :url: https://example.org/x.csv\n', []],
    ['.. code-block::\n', []],
    ['.. math::\n', []],
    ['.. image:: a.png\n   :alt: A\n', []],
    ['.. toctree::\n', []],
  ];
  for (const [text, expected, range] of cases) {
    const r = p(text);
    assert.deepEqual(kinds(r.problems), expected, text);
    if (range !== undefined) assert.equal(r.s(r.problems[0]), range, text);
    const d = r.tree.children[0] as Directive;
    assert.equal(d.invalid, expected.length ? (expected[0].startsWith('directive-missing') ? 'arguments' : 'content') : undefined, text);
  }
  // the severities are docutils': table and csv-table warn, the others are errors
  assert.equal(p('.. table::\n').problems[0].severity, 'warning');
  assert.equal(p('.. csv-table::\n').problems[0].severity, 'warning');
  assert.equal(p('.. list-table::\n').problems[0].severity, 'error');
  assert.deepEqual(p('.. note::\n').problems[0].data, { name: 'note' });
  assert.equal((p('.. frobnicate::\n').tree.children[0] as Directive).invalid, 'unknown');
});

test('directive options: a misspelt one is an error with the option meant; a repeated one too; others are left alone', () => {
  let r = p('.. image:: a.png\n   :widht: 50%\n');
  assert.deepEqual(kinds(r.problems), ['directive-unknown-option']);
  assert.equal(r.s(r.problems[0]), 'widht');
  assert.deepEqual(r.problems[0].data, { name: 'image', option: 'widht', suggestion: 'width' });
  assert.equal((r.tree.children[0] as Directive).invalid, 'options');
  r = p('.. toctree::\n   :maxdepht: 2\n\n   uke_01\n');
  assert.deepEqual(r.problems[0].data, { name: 'toctree', option: 'maxdepht', suggestion: 'maxdepth' });
  r = p('.. figure:: a.png\n   :alt: A\n   :ALT: B\n\n   Caption.\n');
  assert.deepEqual(kinds(r.problems), ['directive-duplicate-option']);
  assert.equal(r.s(r.problems[0]), 'ALT');
  // options are read before the arguments: one error
  assert.deepEqual(kinds(p('.. image::\n   :heigth: 5\n').problems), ['directive-unknown-option']);
  // an option block with a line that is no option (the blank line before the content is missing)
  r = p('.. note::\n   :class: tip\n   Body without a blank line.\n');
  assert.deepEqual(kinds(r.problems), ['directive-invalid-option-block']);
  assert.equal(r.s(r.problems[0]), 'Body without a blank line.');
  // valid: known options in any case; an unknown option far from all known ones (a newer docutils or Sphinx may
  // have it); directives we have no table for; directives that parse no options keep field lines as content
  for (const text of ['.. image:: a.png\n   :Width: 50%\n   :alt: A\n', '.. image:: a.png\n   :loading: lazy\n',
    '.. code-block:: python\n   :linenos:\n   :emphasize-lines: 2\n\n   x = 1\n', '.. frobnicate::\n   :widht: 5\n',
    '.. py:function:: f()\n   :noindex:\n', '.. epigraph::\n   :name: not an option\n']) {
    assert.deepEqual(kinds(p(text).problems).filter((k) => k !== 'unknown-directive'), [], text);
  }
  assert.equal((p('.. epigraph::\n   :name: not an option\n').tree.children[0] as Directive).content, ':name: not an option');
});

test('option values as docutils converts them: flags, numbers, lengths, choices, required values', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['flag', '', undefined], ['flag', 'true', 'directive-option-no-value'],
    ['required', 'Caption', undefined], ['required', '', 'directive-option-value-missing'],
    ['int', '2', undefined], ['int', '-1', undefined], ['int', '1_000', undefined], ['int', 'two', 'directive-option-not-integer'], ['int', '', 'directive-option-value-missing'],
    ['nonnegative', '0', undefined], ['positive', '3', undefined], ['positive', '2.5', 'directive-option-not-integer'],
    ['percentage', '50', undefined], ['percentage', '50 %', undefined], ['percentage', '50%', undefined], ['percentage', 'half', 'directive-option-not-integer'],
    ['length', '100', undefined], ['length', '100px', undefined], ['length', '2.5 em', undefined], ['length', '.5in', undefined],
    ['length', '50%', 'directive-option-not-length'], ['length', '10 furlongs', 'directive-option-not-length'], ['length', '1.5.2', 'directive-option-not-length'],
    ['length%', '50%', undefined], ['length%', '600px', undefined], ['length%', '10rem', undefined], ['length%', 'wide', 'directive-option-not-length'],
    ['figwidth', 'image', undefined], ['figwidth', 'Image', undefined], ['figwidth', '80%', undefined], ['figwidth', 'full', 'directive-option-not-length'],
    ['choice:left|center|right', 'Center', undefined], ['choice:left|center|right', 'centre', 'directive-option-choice'], ['choice:left|center|right', '', 'directive-option-value-missing'],
    [undefined as unknown as string, 'anything', undefined], ['', 'anything', undefined],
  ];
  for (const [kind, value, expected] of cases) assert.equal(badOptionValue(kind, value)?.kind, expected, `${kind} ${JSON.stringify(value)}`);
  assert.deepEqual(badOptionValue('choice:left|center|right', 'centre')?.data, { choices: 'left, center, right', suggestion: 'center' });
  assert.deepEqual(badOptionValue('choice:top|entry|none', 'bottom')?.data, { choices: 'top, entry, none' });
  // through the parser: the range is the value (the name when there is none); the first bad option is the error
  let r = p('.. image:: a.png\n   :align: centre\n   :width: wide\n');
  assert.deepEqual(kinds(r.problems), ['directive-option-choice']);
  assert.equal(r.s(r.problems[0]), 'centre');
  assert.deepEqual(r.problems[0].data, { name: 'image', option: 'align', value: 'centre', choices: 'top, middle, bottom, left, center, right', suggestion: 'center' });
  r = p('.. code-block:: python\n   :caption:\n\n   x = 1\n');
  assert.deepEqual(kinds(r.problems), ['directive-option-value-missing']);
  assert.equal(r.s(r.problems[0]), 'caption');
  assert.deepEqual(kinds(p('.. toctree::\n   :maxdepth: 2\n   :glob:\n\n   *\n').problems), []);
});

test('nearestName: at most two edits away (one for short names), swaps count one', () => {
  assert.equal(nearestName('widht', ['align', 'alt', 'width', 'height']), 'width');
  assert.equal(nearestName('hieght', ['width', 'height']), 'height');
  assert.equal(nearestName('clas', ['class', 'name']), 'class');
  assert.equal(nearestName('lazy', ['alt', 'align']), undefined);
  assert.equal(nearestName('loading', ['align', 'alt', 'height', 'name', 'scale', 'target', 'width']), undefined);
  assert.equal(nearestName('nme', ['name']), 'name');
  assert.equal(nearestName('xy', ['alt']), undefined);
});

test('the line-block directive: each content line a line of inline text, nested by indentation', () => {
  const { tree, s, problems } = p('.. line-block::\n\n   First *em*\n      indented\n\n   back\n');
  assert.deepEqual(problems, []);
  const d = tree.children[0] as Directive;
  const lb = d.children![0] as LineBlock;
  assert.equal(lb.type, 'line_block');
  // First, [indented], (blank line: indent of the line before, so nested too), back
  assert.deepEqual(lb.lines.map((l) => l.type), ['line', 'line_block', 'line']);
  const first = lb.lines[0] as Line;
  assert.equal(s(first), 'First *em*');
  assert.deepEqual(first.children.map((c) => c.type), ['text', 'emphasis']);
  const inner = lb.lines[1] as LineBlock;
  assert.deepEqual(inner.lines.map((l) => (l as Line).indent), [3, 3]);
  assert.equal(s(inner.lines[0]), 'indented');
  assert.equal(s(lb.lines[2]), 'back');
});

test('hyperlink targets: named, multi-line URL, indirect, anonymous, backquoted', () => {
  const text = '.. _Trello: https://trello.com/\n   norcams\n.. _ind: Trello_\n.. __: https://anon.example\n__ https://anon2.example\n.. _`a: b`: http://ab\n';
  const { tree, s } = p(text);
  const t = tree.children as Target[];
  assert.deepEqual(t.map((x) => [x.name, x.anonymous, x.url, x.refname]), [
    ['trello', false, 'https://trello.com/norcams', undefined],
    ['ind', false, undefined, 'trello'],
    ['', true, 'https://anon.example', undefined],
    ['', true, 'https://anon2.example', undefined],
    ['a: b', false, 'http://ab', undefined],
  ]);
  assert.equal(s(t[0].nameSpan), 'Trello');
  assert.equal(s(t[0].urlSpan!), 'https://trello.com/\n   norcams');
  assert.equal(s(t[0]), '.. _Trello: https://trello.com/\n   norcams');
  assert.equal(s(t[3]), '__ https://anon2.example');
  assert.equal(s(t[4].nameSpan), 'a: b');
});

test('substitution definitions', () => {
  const { tree, s } = p('.. |logo| image:: logo.png\n   :alt: Logo\n');
  const sd = tree.children[0] as SubstitutionDefinition;
  assert.equal(sd.type, 'substitution_definition');
  assert.equal(sd.name, 'logo');
  assert.equal(s(sd.nameSpan), 'logo');
  assert.equal(sd.directive.name, 'image');
  assert.equal(sd.directive.argument, 'logo.png');
  assert.equal(s(sd.directive), 'image:: logo.png\n   :alt: Logo');
  assert.equal(s(sd), '.. |logo| image:: logo.png\n   :alt: Logo');
});

test('footnotes and citations', () => {
  const { tree, s } = p('.. [1] One\n.. [#] Auto\n.. [#note] Labelled\n   more\n.. [*] Symbol\n.. [CIT2002] A citation\n');
  const fns = tree.children.slice(0, 4) as Footnote[];
  assert.deepEqual(fns.map((f) => [f.type, f.label, s(f.labelSpan)]), [['footnote', '1', '1'], ['footnote', '#', '#'], ['footnote', '#note', '#note'], ['footnote', '*', '*']]);
  assert.equal(s(fns[2]), '.. [#note] Labelled\n   more');
  assert.equal(s(fns[2].children[0]), 'Labelled\n   more');
  const c = tree.children[4] as Citation;
  assert.equal(c.type, 'citation');
  assert.equal(c.label, 'CIT2002');
});

test('grid tables: rows, header, spans, cell content parsed as blocks with per-line segments', () => {
  const text = '+-----+-------+\n| H1  | H2    |\n+=====+=======+\n| a   | - b   |\n| aa  | - c   |\n+-----+-------+\n| span both   |\n+-------------+\n';
  const { tree, s, problems } = p(text);
  assert.deepEqual(problems, []);
  const t = tree.children[0] as Table;
  assert.equal(t.kind, 'grid');
  assert.equal(s(t), text.trimEnd());
  assert.deepEqual(t.colWidths, [5, 7]);
  assert.equal(t.header.length, 1);
  assert.equal(t.body.length, 2);
  assert.deepEqual(t.header[0].cells.map((c) => s(c.children[0])), ['H1', 'H2']);
  const [a, b] = t.body[0].cells;
  const para = a.children[0] as Paragraph;
  assert.equal(para.type, 'paragraph');
  assert.equal(s(para.children[0]).startsWith('a'), true);
  // inline content of a multi-line cell covers exactly the cell's text on each line
  const texts = para.children.filter((n) => n.type === 'text').map((n) => (n as { value: string }).value).join('');
  assert.equal(texts.replace(/\s+/g, ' '), 'a aa');
  const bl = b.children[0] as BulletList;
  assert.equal(bl.type, 'bullet_list');
  assert.deepEqual(bl.items.map((i) => s(i)), ['- b', '- c']);
  assert.equal(t.body[1].cells[0].morecols, 1);
  assert.equal(s(t.body[1].cells[0].children[0]), 'span both');
});

test('simple tables', () => {
  const text = '=====  =====\nA      B\n=====  =====\n1      x\n2      y\n       more\n=====  =====\n';
  const { tree, s, problems } = p(text);
  assert.deepEqual(problems, []);
  const t = tree.children[0] as Table;
  assert.equal(t.kind, 'simple');
  assert.equal(s(t), text.trimEnd());
  assert.deepEqual(t.colWidths, [5, 5]);
  assert.deepEqual(t.header.map((r) => r.cells.map((c) => s(c.children[0]))), [['A', 'B']]);
  assert.equal(t.body.length, 2);
  assert.equal(s(t.body[1].cells[1].children[0]), 'y\n       more');
});

test('malformed tables', () => {
  let r = p('+-----+\n| a   |\n+----+\n\nx\n');
  assert.deepEqual(kinds(r.problems), ['malformed-table']);
  assert.equal(r.s(r.problems[0]), '+-----+\n| a   |\n+----+');
  r = p('=====  =====\nA      B\n');
  assert.deepEqual(kinds(r.problems), ['malformed-table']);
});

test('tabs expand to 8-column stops for indentation', () => {
  const text = 'Term\n\tDefinition with tab.\n\n- item\n\n\tquote\n';
  const { tree, s } = p(text);
  const dl = tree.children[0] as DefinitionList;
  assert.equal(dl.type, 'definition_list');
  assert.equal(s(dl.items[0].definition[0]), 'Definition with tab.');
  const item = (tree.children[1] as BulletList).items[0];
  assert.deepEqual(item.children.map((b) => b.type), ['paragraph', 'block_quote']);
  assert.equal(s(item.children[1]), 'quote');
});

test('every problem kind the parser emits is registered with severity and both languages', () => {
  const emitted = ['title-underline-too-short', 'title-overline-too-short', 'unexpected-indentation', 'literal-block-expected',
    'unexpected-section-title', 'unexpected-section-title-or-transition', 'invalid-section-title', 'incomplete-section-title',
    'missing-underline', 'overline-underline-mismatch', 'title-level-inconsistent', 'inconsistent-literal-quoting', 'list-unindent',
    'enumerated-list-unindent', 'definition-list-unindent', 'field-list-unindent', 'option-list-unindent', 'block-quote-unindent',
    'literal-block-unindent', 'line-block-unindent', 'explicit-markup-unindent', 'enumerated-list-start', 'malformed-hyperlink-target',
    'malformed-substitution-definition', 'substitution-missing-contents', 'substitution-invalid', 'unknown-directive', 'malformed-table',
    'table-blank-line-required', 'directive-missing-argument', 'directive-too-many-arguments', 'directive-no-content', 'directive-content-missing',
    'csv-table-content-missing', 'list-table-empty', 'directive-unknown-option', 'directive-duplicate-option', 'directive-invalid-option-block',
    'transition-at-start', 'transitions-adjacent',
    'transition-at-end', 'possible-title-underline', 'definition-list-literal', 'internal-error'];
  for (const k of emitted) {
    const e = PROBLEM_KINDS[k];
    assert.ok(e, k);
    assert.ok(e.en && e.nb, k);
    assert.ok(['error', 'warning', 'info'].includes(e.severity), k);
  }
  // severities the parser uses agree with the registry
  const r = p('- a\ntext\n\nT\n=====\n\n.. xx::\n\n.. note::\n\n.. image:: a.png\n\n   x\n\n.. list-table::\n\n.. csv-table::\n');
  for (const pr of r.problems) if (PROBLEM_KINDS[pr.kind]) assert.equal(pr.severity, PROBLEM_KINDS[pr.kind].severity, pr.kind);
});

test('parse never throws on odd input types and empty text', () => {
  assert.deepEqual(parse('').tree, { type: 'document', start: 0, end: 0, children: [] });
  const r = parse('\n\n   \n');
  assert.deepEqual(r.tree.children, []);
  const nodes: Node[] = [];
  void nodes;
});

test('safety net: an internal bug yields the tree so far plus an internal-error problem', async () => {
  const { BlockParser } = await import('../../server/src/core/rst/parser');
  const inline = await import('../../server/src/core/rst/inline');
  const proto = BlockParser.prototype as any;
  const origField = proto.fieldList;
  proto.fieldList = () => { throw new Error('boom'); };
  try {
    const r = parse('First paragraph.\n\n:field: x\n\nNot reached.\n');
    assert.deepEqual(r.tree.children.map((b) => b.type), ['paragraph']);
    assert.deepEqual(r.problems.map((x) => [x.kind, x.severity, x.data?.message]), [['internal-error', 'error', 'boom']]);
  } finally {
    proto.fieldList = origField;
  }
  const mod = inline as any;
  const origInline = mod.parseInline;
  mod.parseInline = () => { throw new Error('inline boom'); };
  try {
    const text = 'Some *text*.\n';
    const r = parse(text);
    const para = r.tree.children[0] as Paragraph;
    assert.equal(para.type, 'paragraph');
    assert.deepEqual(para.children.map((n) => n.type), ['text']);
    assert.equal(text.slice(para.children[0].start, para.children[0].end), 'Some *text*.');
    assert.deepEqual(r.problems.map((x) => x.kind), ['internal-error']);
  } finally {
    mod.parseInline = origInline;
  }
  assert.deepEqual(parse(':field: x\n').problems, []);
});

test('directives named like Object.prototype members are unknown directives, not a parser failure', () => {
  // `.. constructor::` once found Object.prototype.constructor in the argument table and aborted the parse
  const text = '.. constructor:: x\n\n.. toString:: y\n\n.. hasOwnProperty::\n\nAfter.\n';
  const r = parse(text);
  assert.deepEqual(r.problems.map((p) => p.kind), ['unknown-directive', 'unknown-directive', 'unknown-directive']);
  assert.equal(r.tree.children.length, 4);
  assert.equal(r.tree.children[3].type, 'paragraph');
});
