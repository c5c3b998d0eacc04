// Differential test against docutils (when python3-docutils is installed): random documents built from
// rST fragments must give the same block structure and the same warnings/errors as docutils' rST parser.
// (Directives are covered by parser.test.ts; docutils turns them into different node types.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parse } from '../../server/src/core/rst/parser';
import type { Block, Line, LineBlock } from '../../server/src/core/rst/ast';
import { DIRECTIVE_SPECS, OPTION_VALUE_KINDS } from '../../server/src/core/rst/directiveSpecs';

const PY = String.raw`import sys, json, os
import docutils.nodes as N
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
parser = Parser()
settings = get_default_settings(Parser)
settings.report_level = 5; settings.halt_level = 5; settings.warning_stream = open(os.devnull, 'w')
BLOCK = {'section','paragraph','bullet_list','list_item','enumerated_list','definition_list','definition_list_item','field_list','field','option_list','option_list_item','literal_block','doctest_block','block_quote','line_block','line','comment','transition','target','substitution_definition','footnote','citation','table','row','entry','attribution'}
MSG = {
 'Title underline too short.':'title-underline-too-short','Title overline too short.':'title-overline-too-short','Unexpected indentation.':'unexpected-indentation','Literal block expected; none found.':'literal-block-expected',
 'Unexpected section title.':'unexpected-section-title','Unexpected section title or transition.':'unexpected-section-title-or-transition','Invalid section title or transition marker.':'invalid-section-title',
 'Incomplete section title.':'incomplete-section-title','Missing matching underline for section title overline.':'missing-underline','Title overline & underline mismatch.':'overline-underline-mismatch',
 'Title level inconsistent:':'title-level-inconsistent','Inconsistent literal block quoting.':'inconsistent-literal-quoting',
 'Bullet list ends without a blank line; unexpected unindent.':'list-unindent','Enumerated list ends without a blank line; unexpected unindent.':'enumerated-list-unindent',
 'Definition list ends without a blank line; unexpected unindent.':'definition-list-unindent','Field list ends without a blank line; unexpected unindent.':'field-list-unindent',
 'Option list ends without a blank line; unexpected unindent.':'option-list-unindent','Block quote ends without a blank line; unexpected unindent.':'block-quote-unindent',
 'Literal block ends without a blank line; unexpected unindent.':'literal-block-unindent','Line block ends without a blank line; unexpected unindent.':'line-block-unindent',
 'Explicit markup ends without a blank line; unexpected unindent.':'explicit-markup-unindent','Blank line required after table.':'table-blank-line-required',
 'malformed hyperlink target.':'malformed-hyperlink-target', 'Line block ends without a blank line.':'line-block-unindent',
}
out = []
for text in json.load(sys.stdin):
    doc = new_document('<x>', settings)
    try:
        parser.parse(text, doc)
    except Exception as e:
        out.append({'err': str(e)}); continue
    sig = []
    msgs = []
    def walk(n, d):
        for c in n.children:
            if isinstance(c, N.system_message):
                t = c.children[0].astext() if c.children else ''
                first = t.split('\n')[0]
                k = MSG.get(first)
                if k is None and first.startswith('Malformed table'): k = 'malformed-table'
                if k is None and first.startswith('Unknown directive type'): k = 'unknown-directive'
                if k is None and first.startswith('Content block expected for the "'): k = 'directive-content-missing'
                if k is None and first.startswith('The "csv-table" directive requires content'): k = 'csv-table-content-missing'
                if k is None and first.endswith('directive is empty; content required.'): k = 'list-table-empty'
                if k is None and first.startswith('Error in "'):
                    second = (t.split('\n') + [''])[1]
                    if second == 'no content permitted.': k = 'directive-no-content'
                    elif 'argument(s) required' in second: k = 'directive-missing-argument'
                    elif 'argument(s) allowed' in second: k = 'directive-too-many-arguments'
                    elif second.startswith('unknown option:'): k = 'directive-unknown-option'
                    elif 'duplicate option' in second: k = 'directive-duplicate-option'
                    elif second == 'invalid option block.': k = 'directive-invalid-option-block'
                    elif second.startswith('invalid option value:'):
                        third = (t.split('\n') + ['', ''])[2]
                        if 'no argument is allowed' in third: k = 'directive-option-no-value'
                        elif 'invalid literal for int()' in third: k = 'directive-option-not-integer'
                        elif 'not a positive measure' in third: k = 'directive-option-not-length'
                        elif 'unknown; choose from' in third: k = 'directive-option-choice'
                        elif 'required but none supplied' in third or 'must supply an argument' in third or 'argument must be' in third or 'expected string' in third: k = 'directive-option-value-missing'
                        else: k = 'directive-option-value: ' + third
                if k and c['level'] >= 2: msgs.append(k)
                continue
            if isinstance(c, N.Element):
                if c.tagname in BLOCK:
                    sig.append('  ' * d + c.tagname)
                    walk(c, d + 1)
                else:
                    walk(c, d)
    walk(doc, 0)
    out.append({'sig': sig, 'msgs': sorted(msgs)})
json.dump(out, sys.stdout)
`;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}
const F = ['Title', '=====', '-----', '~~~~~~~~~~', '=', '==', '::', 'text::', 'text ::', '- item', '* item', '+ x',
  '1. one', '2. two', '#. auto', '(a) alpha', 'ii) roman', 'I. Roman', 'A) x', ':field: value', ':f:', '-a  opt', '--long=X  opt',
  '>>> 1 + 1', '2', '.. _name: http://x', '.. __: http://y', '__ http://z', '.. _a: b_',
  '.. [1] fn', '.. [#] fn', '.. [*] fn', '.. [CIT] c', '.. comment', '..',
  '+-----+-----+', '| a   | b   |', '+=====+=====+', '+-----------+', '=====  =====', 'A      B',
  '-----  -----', '-- attribution', 'term : classifier', 'plain text here', 'more text', '> quoted', '----', '+', 'x', 'y z', '', '', '', '',
  // Python's other line boundaries (docutils splits lines with str.splitlines()) and trailing Unicode spaces (rstrip)
  'a\u2028b', 'x\x85y', '\x1cfs', 'g\x1ds', 'r\x1es', 'p\u2029', 'Status\u00a0', 'text::\u00a0', '\u00a0', 'x\u2003', 'tab\there', 'form\ffeed',
  // leading Unicode spaces: indentation after a space (lstrip()), not at a line's start ('indent' matches ' ' only)
  '\u00a0nbsp', '\u3000x', '   \u3000x', ' \u00a0 mixed', '|\u00a0a   | b   |', '| \u00a0 a | b   |',
  // wide characters take two columns in tables (docutils pads them), combining ones none in the margins
  '| \u2705  | b   |', '| \u4e00\u4e00| b   |', '| \ud83d\ude00  | b   |', '\u2705     B', '\u4e00\u4e00   B', 'e\u0301     B',
  // line blocks whose first lines are indented more than a later one (nested before it)
  '|   deep', '|  less'];
const KINDS = new Set(['title-underline-too-short', 'title-overline-too-short', 'unexpected-indentation', 'literal-block-expected',
  'unexpected-section-title', 'unexpected-section-title-or-transition', 'invalid-section-title', 'incomplete-section-title',
  'missing-underline', 'overline-underline-mismatch', 'title-level-inconsistent', 'inconsistent-literal-quoting', 'list-unindent',
  'enumerated-list-unindent', 'definition-list-unindent', 'field-list-unindent', 'option-list-unindent', 'block-quote-unindent',
  'literal-block-unindent', 'line-block-unindent', 'explicit-markup-unindent', 'table-blank-line-required',
  'malformed-hyperlink-target', 'malformed-table', 'unknown-directive', 'directive-content-missing', 'csv-table-content-missing',
  'list-table-empty', 'directive-no-content', 'directive-missing-argument', 'directive-too-many-arguments', 'directive-unknown-option',
  'directive-duplicate-option', 'directive-invalid-option-block', 'directive-option-no-value', 'directive-option-value-missing',
  'directive-option-not-integer', 'directive-option-not-length', 'directive-option-choice']);

function sig(blocks: Block[], d: number, out: string[]): string[] {
  const pad = '  '.repeat(d);
  for (const b of blocks) {
    switch (b.type) {
      case 'section': out.push(pad + 'section'); sig(b.children, d + 1, out); break;
      case 'bullet_list': case 'enumerated_list': out.push(pad + b.type); for (const it of b.items) { out.push(pad + '  list_item'); sig(it.children, d + 2, out); } break;
      case 'definition_list': out.push(pad + b.type); for (const it of b.items) { out.push(pad + '  definition_list_item'); sig(it.definition, d + 2, out); } break;
      case 'field_list': out.push(pad + b.type); for (const it of b.fields) { out.push(pad + '  field'); sig(it.body, d + 2, out); } break;
      case 'option_list': out.push(pad + b.type); for (const it of b.items) { out.push(pad + '  option_list_item'); sig(it.description, d + 2, out); } break;
      case 'block_quote': out.push(pad + b.type); sig(b.children, d + 1, out); if (b.attribution) out.push(pad + '  attribution'); break;
      case 'line_block': {
        out.push(pad + b.type);
        const lines = (ls: Array<Line | LineBlock>, dd: number) => { for (const l of ls) { out.push('  '.repeat(dd) + l.type); if (l.type === 'line_block') lines(l.lines, dd + 1); } };
        lines(b.lines, d + 1);
        break;
      }
      case 'footnote': case 'citation': out.push(pad + b.type); sig(b.children, d + 1, out); break;
      case 'table': out.push(pad + 'table'); for (const row of [...b.header, ...b.body]) { out.push(pad + '  row'); for (const c of row.cells) { out.push(pad + '    entry'); sig(c.children, d + 3, out); } } break;
      case 'directive': break;
      default: out.push(pad + b.type);
    }
  }
  return out;
}

const hasDocutils = spawnSync('python3', ['-c', 'import docutils'], { encoding: 'utf8' }).status === 0;

function compareWithDocutils(docs: string[], messagesOnly = false): { compared: number; diffs: string[]; seen: Set<string> } {
  const py = spawnSync('python3', ['-c', PY], { input: JSON.stringify(docs), encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(py.status, 0, py.stderr);
  const du = JSON.parse(py.stdout) as Array<{ sig?: string[]; msgs?: string[]; err?: string }>;
  const diffs: string[] = [];
  const seen = new Set<string>();
  let compared = 0;
  for (let i = 0; i < docs.length; i++) {
    if (du[i].err) continue;
    compared++;
    for (const k of du[i].msgs!) seen.add(k);
    const res = parse(docs[i]);
    const mine = sig(res.tree.children, 0, []).join('\n');
    const msgs = res.problems.filter((p) => KINDS.has(p.kind) && p.severity !== 'info').map((p) => p.kind).sort();
    if ((!messagesOnly && mine !== du[i].sig!.join('\n')) || JSON.stringify(msgs) !== JSON.stringify(du[i].msgs)) {
      diffs.push(`${JSON.stringify(docs[i])}\nmine:\n${mine}\n${JSON.stringify(msgs)}\ndocutils:\n${du[i].sig!.join('\n')}\n${JSON.stringify(du[i].msgs)}`);
    }
  }
  return { compared, diffs, seen };
}

test('block structure and warnings agree with docutils on 1500 random documents', { skip: !hasDocutils && 'docutils not installed' }, () => {
  const r = rng(424242);
  const docs: string[] = [];
  for (let i = 0; i < 1500; i++) {
    const n = 1 + Math.floor(r() * 10);
    const lines: string[] = [];
    for (let j = 0; j < n; j++) lines.push((r() < 0.3 ? ' '.repeat(Math.floor(r() * 6)) : '') + F[Math.floor(r() * F.length)]);
    docs.push(lines.join('\n') + '\n');
  }
  const { compared, diffs } = compareWithDocutils(docs);
  assert.ok(compared > 1400, `${compared} compared`);
  assert.deepEqual(diffs.slice(0, 3), []);
});

test('directive errors (option names and values, content missing or not permitted, argument counts) agree with docutils on 600 random documents', { skip: !hasDocutils && 'docutils not installed' }, () => {
  // docutils' own directives with the arguments and content they take or lack; Sphinx-only ones (and `math`,
  // whose empty body Sphinx accepts) cannot be compared with plain docutils and are covered in parser.test.ts.
  // Only the messages are compared: docutils turns directives into other node types.
  const NAMES = ['note', 'warning', 'tip', 'admonition', 'topic', 'sidebar', 'compound', 'container', 'epigraph', 'highlights',
    'pull-quote', 'line-block', 'parsed-literal', 'code', 'image', 'figure', 'rubric', 'contents', 'title', 'header', 'footer',
    'table', 'csv-table', 'list-table', 'raw'];
  // values docutils accepts (we do not check values; the test must not hinge on them)
  const OPTION_VALUES: Record<string, string> = {
    class: 'c', name: 'n', figclass: 'c', align: 'center', width: '10px', height: '10px', figwidth: '10px', scale: '50',
    depth: '1', maxdepth: '1', 'header-rows': '0', 'stub-columns': '0', start: '1', 'lineno-start': '1', dedent: '1', columns: '1',
    linenothreshold: '1', widths: 'auto', backlinks: 'top', 'number-lines': '1', 'tab-width': '4', 'emphasize-lines': '1', lines: '1',
    'start-line': '0', 'end-line': '1',
  };
  const r = rng(2027);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const docs: string[] = [];
  for (let i = 0; i < 600; i++) {
    const parts: string[] = [];
    const n = 1 + Math.floor(r() * 3);
    for (let j = 0; j < n; j++) {
      const name = pick(NAMES);
      const arg = pick(['', '', ' a.png', ' Title text', ' html', ' two words here']);
      const lines = [`.. ${name}::${arg}`];
      // options from the class's own (DIRECTIVE_SPECS): a valid one, one given twice, or one misspelt by a
      // letter (an unknown option far from all known ones is left alone on purpose, see checkOptions);
      // for a directive that parses no options, a field line (its argument or content for docutils)
      // (not after first-line text of a directive without arguments: docutils then takes the options out of the
      // text, which stays content; our parser keeps the whole header as content, a known gap)
      const [req, opt0] = DIRECTIVE_SPECS.get(name)!;
      // (and not for `code`, whose options the table takes from Sphinx's class: plain docutils lacks :force:;
      // nor options that read files or whose values we do not model, nor :subtitle:, which Sidebar.run checks)
      const known = (req + opt0 === 0 && arg) || name === 'code' ? undefined : DIRECTIVE_SPECS.get(name)![4]?.filter((x) => !['file', 'url', 'encoding', 'parser', 'delim', 'quote', 'escape', 'pyobject', 'diff', 'subtitle'].includes(x));
      const o = r();
      if (!known) { if (o < 0.3 && DIRECTIVE_SPECS.get(name)![4] === null) lines.push('   :name: n'); }
      else if (known.length && o < 0.5) {
        const opt = pick([...known]);
        const flag = ['glob', 'hidden', 'local', 'linenos', 'force', 'nowrap', 'ltrim', 'rtrim', 'trim', 'literal', 'code', 'keepspace', 'header', 'titlesonly', 'reversed', 'numbered', 'includehidden', 'lineno-match', 'diff'].includes(opt);
        // a value docutils refuses, one time in four: a word for a number or a length, a misspelt choice, a value
        // for a flag, none where one is required (not a negative number: not checked)
        const kind = OPTION_VALUE_KINDS.get(`${name}:${opt}`) ?? '';
        const wrong = kind && r() < 0.25;
        const value = !wrong ? OPTION_VALUES[opt] ?? 'x'
          : kind === 'flag' ? 'yes' : kind.startsWith('choice:') ? pick(['centre', 'middel', 'rigth', 'x']) : kind === 'required' ? '' : pick(['two', '10 furlongs', '1.5.2']);
        const line = `   :${opt}:${(flag && !wrong) || value === '' ? '' : ' ' + value}`;
        if (o < 0.25) lines.push(line);
        else if (o < 0.35) lines.push(line, line);
        else if (opt.length >= 5) { const at = 1 + Math.floor(r() * (opt.length - 2)); lines.push(`   :${opt.slice(0, at) + opt.slice(at + 1)}: 1`); }
      }
      const body = r();
      // a content line after a blank line, right below, or none; then sometimes text at the left margin
      if (body < 0.35) lines.push('', '   Body *text*.');
      else if (body < 0.55) lines.push('   Body right below.');
      if (r() < 0.3) lines.push('', 'A paragraph.');
      parts.push(lines.join('\n'));
    }
    docs.push(parts.join('\n\n') + '\n');
  }
  const { compared, diffs, seen } = compareWithDocutils(docs, true);
  assert.ok(compared > 550, `${compared} compared`);
  // the documents do exercise every kind of directive error compared here
  for (const k of ['directive-content-missing', 'csv-table-content-missing', 'list-table-empty', 'directive-no-content', 'directive-missing-argument',
    'directive-too-many-arguments', 'directive-unknown-option', 'directive-duplicate-option', 'directive-invalid-option-block', 'directive-option-no-value',
    'directive-option-value-missing', 'directive-option-not-integer', 'directive-option-not-length', 'directive-option-choice']) {
    assert.ok(seen.has(k), `no document made docutils report ${k}`);
  }
  assert.deepEqual(diffs.slice(0, 3), []);
});

test('whitespace other than space and tab at the start of lines and table cells is indentation where docutils counts it', { skip: !hasDocutils && 'docutils not installed' }, () => {
  const docs = [
    'A) x\n\u00a0nbsp\n', // after a list marker: `next_line[:1].strip()`
    '\u00a0text\n  more\n', // a line starting with a no-break space is not indented
    'quote::\n\n   \u3000x\n   y\n', // after a space, lstrip() counts it
    '+ x\n  \u00a0nbsp\n', // in the item's window the line starts with it: not indented
    '    text::\n   \u3000x\n', // same indentation as the line before
    '+-----+-----+\n|\u00a0a   | b   |\n| \u00a0 a | b   |\n+-----+-----+\n', // a cell's common indentation: lstrip()
    '+-----+-----+\n|\u00a0a   | b   |\n|\u00a0 b  | b   |\n+-----+-----+\n',
    '=====  =====\n\u00a0a    b\n\u00a0 c\n=====  =====\n',
    '|   deep\n|  less\n| least\n', // line blocks: leading lines indented more nest
    // after a tab (8 columns) the no-break space is column 8: where a window at column 8 starts
    'quote::\n\n\t\u00a0x\n\ty\n', 'para\n\n\t\u00a0x\n\t y\n', '- a\n\n  \t\u3000b\n  \tc\n',
  ];
  const { compared, diffs } = compareWithDocutils(docs);
  assert.equal(compared, docs.length);
  assert.deepEqual(diffs, []);
});

test('tables with wide, astral and combining characters are measured as docutils measures them', { skip: !hasDocutils && 'docutils not installed' }, () => {
  const docs = [
    // a status table aligned as an editor shows it: an emoji takes two columns
    '======  ========\nFerdig  Omr\u00e5de\n======  ========\n\u2705      Lagring\n\u274c      Nettverk\n======  ========\n',
    '+------+-----+\n| \u2705   | b   |\n+------+-----+\n| x    | \u4e00y |\n+------+-----+\n',
    '+-----+-----+\n| \u2705 ok | b   |\n+-----+-----+\n', // one column short: malformed for both
    '=====  =====\n\u4e00a   b\nc\u4e00   d\u4e00x\n=====  =====\n', // text in the margin
    '====  ====\n\ud83d\ude00x  y\n====  ====\n', // an astral character is one position (and this one two columns)
    '+-----+-----+\n| e\u0301   | b   |\n+-----+-----+\n', // combining: a position in the grid (malformed)
    '+-----+-----+\n| e\u0301  | b   |\n| c   | d   |\n+-----+-----+\n',
    '=====  =====\ne\u0301     b\nx      y\n=====  =====\n', // but not in a simple table's margins
  ];
  const { compared, diffs } = compareWithDocutils(docs);
  assert.equal(compared, docs.length);
  assert.deepEqual(diffs, []);
});

test('nested structures (lists, definitions, quotes, literal blocks in each other) agree with docutils', { skip: !hasDocutils && 'docutils not installed' }, () => {
  const r = rng(99);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const block = (ind: number, depth: number): string[] => {
    const x = r();
    const pad = ' '.repeat(ind);
    if (depth > 3 || x < 0.25) {
      return [pad + pick(['Some text', 'text::', 'a *b* c', 'x', 'Title', '2008. year', 'term : cls'])]
        .concat(r() < 0.4 ? [pad + pick(['more', '=====', '---', '  indented', '::', '- not a list'])] : []);
    }
    if (x < 0.4) {
      const m = pick(['- ', '* ', '1. ', '#. ', '(a) ', 'i) ']);
      const out: string[] = [];
      const n = 1 + Math.floor(r() * 3);
      for (let i = 0; i < n; i++) {
        const sub = block(ind + m.length, depth + 1);
        out.push(pad + m + sub[0].trimStart(), ...sub.slice(1));
        if (r() < 0.7) out.push('');
        if (r() < 0.3) out.push(...block(ind + m.length + (r() < 0.2 ? 1 : 0), depth + 1));
        if (r() < 0.5) out.push('');
      }
      return out;
    }
    if (x < 0.5) return [pad + pick(['term', 'Term 2']), ...block(ind + 2 + Math.floor(r() * 3), depth + 1)];
    if (x < 0.6) return [pad + ':field: ' + pick(['v', '']), ...(r() < 0.5 ? block(ind + 3, depth + 1) : [])];
    if (x < 0.7) return ['', ...block(ind + 1 + Math.floor(r() * 4), depth + 1), ...(r() < 0.3 ? ['', pad + '   -- Author'] : [])];
    if (x < 0.78) return [pad + '.. ' + pick(['[1] fn', '_t: http://x', 'comment', '[#] a', '__: http://y']), ...(r() < 0.5 ? block(ind + 3, depth + 1) : [])];
    if (x < 0.85) return [pad + '| line', pad + pick(['|   sub', '| two', 'cont', ''])];
    if (x < 0.9) return [pad + 'Para::', '', ...block(ind + 4, depth + 1)];
    if (x < 0.95) return [pad + '=====', pad + 'T', pad + pick(['=====', '====', '-----'])];
    return [pad + pick(['----------', '+---+---+', '| a | b |', '+---+---+', '===  ===', 'a    b', '===  ==='])];
  };
  const docs: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const lines: string[] = [];
    const n = 1 + Math.floor(r() * 4);
    for (let j = 0; j < n; j++) { lines.push(...block(0, 0)); if (r() < 0.7) lines.push(''); }
    docs.push(lines.join('\n') + '\n');
  }
  const { compared, diffs } = compareWithDocutils(docs);
  assert.ok(compared > 950, `${compared} compared`);
  assert.deepEqual(diffs.slice(0, 3), []);
});
