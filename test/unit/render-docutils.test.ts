// Faithfulness: our HTML against docutils' html5 writer (rst2html5) on every .rst file of the corpus.
// ONE python3 process renders all files with docutils (Sphinx roles/directives registered as Sphinx would
// render them) and normalises both HTMLs with the same code into: headings (level + text), the text of each
// block, the list structure and the link targets. Differences that are legitimate are listed in ALLOW below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from '../../server/src/core/rst/parser';
import { documentTitle, renderHtml } from '../../server/src/core/render/html';
import { WorkspaceIndex } from '../../server/src/core/workspace';

// out/test/unit/x.test.js → repo/../shared (or from the working directory, the repository root)
const DOCS = [resolve(__dirname, '../../../../shared/corpus/norcams-iaas/docs'), resolve(process.cwd(), '../shared/corpus/norcams-iaas/docs')].find((p) => existsSync(p)) ?? '';

/**
 * Legitimate differences, applied by the shared normaliser (see PY below) to BOTH sides:
 * - docutils' system messages (`aside.system-message`) and our inline problems (`aside.wr-problem`) are
 *   excluded: docutils prints file/line boilerplate, we print a short localised message. The problematic
 *   text itself (`span.problematic`) is compared.
 * - links that only exist for navigation inside docutils' output are excluded: heading back-links to the
 *   table of contents (`a.toc-backref`), footnote back-links (`role="doc-backlink"`) and links to system
 *   messages (`#system-message-N`, `#problematic-N`).
 * - `:doc:` link text is the target document's title in Sphinx (and in our preview), which plain docutils
 *   cannot know: the text inside `span.doc` is compared as a token; its href is compared exactly.
 * - toctree entries: Sphinx shows each target's title; the docutils stub lists the doc names. Text inside
 *   `div.toctree-wrapper` is compared as tokens; the link targets (after :glob: expansion) exactly.
 * - `raw` directives: docutils runs with raw_enabled off (it only reports the directive as disabled: a system
 *   message); we show the content escaped as code (`pre.wr-raw`, dropped here), never injected.
 * - `.. include::`/`literalinclude::` are not followed (the preview never reads other files): excluded.
 * - unknown directives: docutils shows an error message + the literal directive text; we show the literal
 *   directive text only (`pre.wr-unknown-directive`) — both literal blocks are dropped.
 */
const PY = String.raw`
import sys, json, os, re, fnmatch, posixpath
from html.parser import HTMLParser
import docutils.core
from docutils import nodes
from docutils.parsers.rst import roles, directives, Directive
from docutils.parsers.rst.directives.body import CodeBlock
from docutils.parsers.rst.directives.admonitions import BaseAdmonition

STATE = {'path': '', 'root': ''}

def rel_doc_href(target):
    target = target.strip()
    if target.endswith('.rst'): target = target[:-4]
    cur_dir = posixpath.dirname(STATE['path'])
    absp = posixpath.normpath(posixpath.join(STATE['root'], target.lstrip('/')) if target.startswith('/') else posixpath.join(cur_dir, target))
    return posixpath.relpath(absp + '.html', cur_dir)

XREF = re.compile(r'^(.+?)\s*<(.+)>$', re.S)
def split_title(text):
    m = XREF.match(text)
    return (m.group(1), m.group(2)) if m else (None, text)

def doc_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    title, target = split_title(nodes.unescape(text))
    t = target.strip()[:-4] if target.strip().endswith('.rst') else target.strip()
    dn = t[1:] if t.startswith('/') else posixpath.normpath(posixpath.join(posixpath.dirname(posixpath.relpath(STATE['path'], STATE['root'])), t))
    if dn not in ALL_DOCS:   # Sphinx: unknown document -> warning, text without a link
        return [nodes.inline(rawtext, title or target, classes=['xref', 'std-doc'])], []
    ref = nodes.reference(rawtext, '', refuri=rel_doc_href(target), classes=['internal'])
    ref += nodes.inline(title or target, title or target, classes=['doc'])
    return [ref], []
def literal_role(cls):
    def role(name, rawtext, text, lineno, inliner, options={}, content=[]):
        return [nodes.literal(rawtext, nodes.unescape(text), classes=[cls])], []
    return role
def xref_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    title, target = split_title(nodes.unescape(text))
    return [nodes.literal(rawtext, title or target, classes=['xref'])], []
def ref_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    title, target = split_title(nodes.unescape(text))
    return [nodes.inline(rawtext, title or target, classes=['std-ref'])], []
def strong_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    return [nodes.strong(rawtext, nodes.unescape(text))], []
def abbr_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    t = nodes.unescape(text)
    m = re.match(r'^(.+?)\s*\((.+)\)$', t, re.S)
    return [nodes.abbreviation(rawtext, m.group(1) if m else t)], []
def download_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    title, target = split_title(nodes.unescape(text))
    ref = nodes.reference(rawtext, '', refuri=target.strip())
    ref += nodes.literal(title or target, title or target)
    return [ref], []
def text_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    return [nodes.inline(rawtext, nodes.unescape(text))], []

roles.register_canonical_role('doc', doc_role)
for r in ['file', 'samp', 'envvar', 'option', 'makevar', 'mimetype', 'regexp', 'token', 'keyword', 'manpage', 'kbd']:
    roles.register_canonical_role(r, literal_role(r))
for r in ['term', 'numref', 'any', 'func', 'class', 'meth', 'mod', 'attr', 'data', 'exc', 'obj', 'const', 'py:func', 'py:class', 'py:mod', 'py:meth']:
    roles.register_canonical_role(r, xref_role)
roles.register_canonical_role('ref', ref_role)
roles.register_canonical_role('command', strong_role)
roles.register_canonical_role('program', strong_role)
roles.register_canonical_role('abbr', abbr_role)
roles.register_canonical_role('download', download_role)
roles.register_canonical_role('guilabel', text_role)
roles.register_canonical_role('dfn', roles.GenericRole('dfn', nodes.emphasis))

ALL_DOCS = []
class TocTree(Directive):
    has_content = True
    option_spec = {'maxdepth': int, 'glob': directives.flag, 'hidden': directives.flag, 'caption': directives.unchanged,
                   'titlesonly': directives.flag, 'numbered': directives.unchanged, 'reversed': directives.flag,
                   'includehidden': directives.flag, 'name': directives.unchanged}
    def run(self):
        if 'hidden' in self.options: return []
        cur = STATE['path']
        root = STATE['root']
        curname = posixpath.relpath(cur, root)[:-4]
        curdir = posixpath.dirname(curname)
        hrefs = []
        for line in self.content:
            line = line.strip()
            if not line: continue
            title, target = split_title(line)
            if target == 'self': continue
            if re.match(r'^[a-zA-Z][a-zA-Z0-9+.-]*:', target):
                hrefs.append((title or target, target)); continue
            if 'glob' in self.options and re.search(r'[*?\[]', target):
                pat = target[1:] if target.startswith('/') else posixpath.normpath(posixpath.join(curdir, target))
                rx = re.compile('^' + re.escape(pat).replace(r'\*\*', '.*').replace(r'\*', '[^/]*').replace(r'\?', '[^/]') + '$')
                for dn in sorted(d for d in ALL_DOCS if rx.match(d) and d != curname):
                    hrefs.append((dn, posixpath.relpath(dn + '.html', curdir or '.')))
                continue
            t = target[:-4] if target.endswith('.rst') else target
            dn = t[1:] if t.startswith('/') else posixpath.normpath(posixpath.join(curdir, t))
            if dn not in ALL_DOCS:
                hrefs.append((title or target, None)); continue
            hrefs.append((title or dn, posixpath.relpath(dn + '.html', curdir or '.')))
        if 'reversed' in self.options: hrefs.reverse()
        wrap = nodes.compound(classes=['toctree-wrapper'])
        if self.options.get('caption'):
            wrap += nodes.paragraph('', self.options['caption'], classes=['caption'])
        bl = nodes.bullet_list()
        for text, href in hrefs:
            p = nodes.paragraph()
            if href is None: p += nodes.Text(text)
            else: p += nodes.reference(text, text, refuri=href)
            bl += nodes.list_item('', p)
        if len(bl): wrap += bl
        return [wrap]
directives.register_directive('toctree', TocTree)

class CodeBlockNoHL(CodeBlock):
    optional_arguments = 1
    option_spec = dict(CodeBlock.option_spec, linenos=directives.flag, emphasize_lines=directives.unchanged, caption=directives.unchanged, dedent=directives.unchanged, force=directives.flag, **{'lineno-start': int})
    def run(self):
        for k in ['linenos', 'emphasize_lines', 'caption', 'dedent', 'force', 'lineno-start']: self.options.pop(k, None)
        return CodeBlock.run(self)
for n in ['code-block', 'sourcecode', 'code']:
    directives.register_directive(n, CodeBlockNoHL)
class Nothing(Directive):
    has_content = True; optional_arguments = 10; final_argument_whitespace = True
    option_spec = None
    def run(self): return []
for n in ['highlight', 'index', 'tabularcolumns', 'currentmodule', 'sectionauthor', 'codeauthor']:
    directives.register_directive(n, Nothing)
class Only(Directive):
    has_content = True; required_arguments = 1; final_argument_whitespace = True
    def run(self):
        node = nodes.container(); self.state.nested_parse(self.content, self.content_offset, node); return [node]
directives.register_directive('only', Only)
class SeeAlso(BaseAdmonition):
    node_class = nodes.admonition
    def run(self):
        r = BaseAdmonition.run(self)
        if r and isinstance(r[0], nodes.admonition): r[0].insert(0, nodes.title('See also', 'See also'))
        return r
directives.register_directive('seealso', SeeAlso)

BLOCK = {'p','h1','h2','h3','h4','h5','h6','li','dt','dd','td','th','pre','div','blockquote','caption','figcaption','figure',
         'section','nav','aside','ul','ol','dl','table','tr','thead','tbody','main','tfoot','hr'}
VOID = {'img','br','hr','meta','link','input','col','wbr'}
class Norm(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []     # (tag, attrs, skip, token)
        self.skip = 0
        self.token = 0
        self.records = []   # [kind, text]
        self.open_blocks = []
        self.headings = []
        self.links = []
        self.lists = []
        self.list_stack = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs); cls = (a.get('class') or '').split()
        skip = 0
        if tag in ('script', 'style'): skip = 1
        if tag == 'aside' and ('system-message' in cls or 'wr-problem' in cls): skip = 1
        if tag == 'pre' and ('wr-raw' in cls or 'wr-unknown-directive' in cls or 'wr-include' in cls): skip = 1
        if tag == 'p' and 'wr-include' in cls: skip = 1
        if tag == 'div' and 'system-message' in cls: skip = 1
        tok = 0
        if tag == 'span' and 'doc' in cls: tok = 1
        if tag == 'div' and 'toctree-wrapper' in cls: tok = 1
        if tag in VOID:
            return
        self.stack.append((tag, skip, tok))
        self.skip += skip
        self.token += tok
        if self.skip: return
        if tag == 'a' and 'href' in a:
            href = a['href']
            if not ('toc-backref' in cls or a.get('role') == 'doc-backlink' or href.startswith('#system-message') or href.startswith('#problematic')):
                self.links.append(href)
        if tag in ('ul', 'ol', 'dl'):
            kind = tag + ('.field' if 'field-list' in cls or 'docinfo' in cls else '') + ('.option' if 'option-list' in cls else '')
            node = [kind, []]
            if self.list_stack: self.list_stack[-1][1].append(node)
            else: self.lists.append(node)
            self.list_stack.append(node)
        elif tag in ('li', 'dt') and self.list_stack:
            self.list_stack[-1][1].append(tag)
        if tag in BLOCK:
            kind = tag if tag in ('h1','h2','h3','h4','h5','h6','pre') else 'text'
            if tag == 'p' and 'subtitle' in cls: kind = 'subtitle'
            rec = [kind, '']
            self.records.append(rec)
            self.open_blocks.append(rec)
    def handle_endtag(self, tag):
        if tag in VOID: return
        # pop to the matching tag (tolerates unclosed p/li)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                while len(self.stack) > i:
                    t, s, k = self.stack.pop()
                    if not self.skip:
                        if t in BLOCK and self.open_blocks: self.open_blocks.pop()
                        if t in ('ul', 'ol', 'dl') and self.list_stack: self.list_stack.pop()
                    self.skip -= s
                    self.token -= k
                break
    def handle_data(self, data):
        if self.skip or not self.open_blocks: return
        if self.token:
            if not self.open_blocks[-1][1].endswith('TOKEN'): self.open_blocks[-1][1] += ' TOKEN'
            return
        self.open_blocks[-1][1] += data
    def result(self):
        recs = []
        for k, t in self.records:
            t = ' '.join(t.split())
            if t: recs.append([k, t])
        heads = [r for r in recs if r[0][0] == 'h' or r[0] == 'subtitle']
        def sig(n): return n if isinstance(n, str) else n[0] + '[' + ','.join(sig(c) for c in n[1]) + ']'
        return {'headings': heads, 'blocks': [r for r in recs if not (r[0][0] == 'h' or r[0] == 'subtitle')], 'links': self.links, 'lists': [sig(l) for l in self.lists]}

def norm(html):
    p = Norm(); p.feed(html); p.close(); return p.result()

req = json.load(sys.stdin)
STATE['root'] = req['root']
for dp, dn, fn in os.walk(req['root']):
    for f in fn:
        if f.endswith('.rst'): ALL_DOCS.append(posixpath.relpath(posixpath.join(dp, f), req['root'])[:-4])
out = []
for item in req['files']:
    STATE['path'] = item['path']
    if 'text' in item: src = item['text']
    else:
        with open(item['path'], encoding='utf-8') as fh: src = fh.read()
    try:
        body = docutils.core.publish_parts(src, source_path=item['path'], writer_name='html5', settings_overrides={
            'report_level': 5, 'halt_level': 5, 'raw_enabled': False, 'file_insertion_enabled': False,
            'syntax_highlight': 'none', 'warning_stream': False, 'embed_stylesheet': False, 'input_encoding': 'utf-8',
            # as Sphinx runs docutils (smartquotes = True, language None -> 'en'); the preview does the same
            'smart_quotes': True, 'language_code': 'en'})['html_body']
    except Exception as e:
        body = '<p>DOCUTILS FAILED %s</p>' % e
    out.append({'path': item['path'], 'docutils': norm(body), 'mine': norm(item['mine'])})
json.dump(out, sys.stdout)
`;

function rstFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...rstFiles(p));
    else if (name.endsWith('.rst')) out.push(p);
  }
  return out;
}

interface Norm { headings: string[][]; blocks: string[][]; links: string[]; lists: string[] }

function lcs<T>(a: T[], b: T[], eq: (x: T, y: T) => boolean): number {
  const prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = eq(a[i - 1], b[j - 1]) ? diag + 1 : Math.max(prev[j], prev[j - 1]);
      diag = tmp;
    }
  }
  return prev[b.length];
}

const havePython = spawnSync('python3', ['-c', 'import docutils'], { encoding: 'utf8' }).status === 0;

test('renderer agrees with docutils (rst2html5) on the whole corpus', { skip: !havePython || !existsSync(DOCS) ? 'python3 docutils or corpus missing' : false, timeout: 300_000 }, () => {
  const files = rstFiles(DOCS);
  assert.ok(files.length > 200, `corpus has ${files.length} files`);
  const ws = new WorkspaceIndex(DOCS, files);
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  for (const f of files) ws.setTitle(f, documentTitle(parse(texts.get(f)!)));
  const req = { root: DOCS, files: files.map((f) => ({ path: f, mine: renderHtml(parse(texts.get(f)!), texts.get(f)!, { path: f, workspace: ws, dataLines: false, allowHttpsImages: true, smartQuotes: 'en' }) })) };
  const py = spawnSync('python3', ['-c', PY], { input: JSON.stringify(req), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(py.status, 0, py.stderr);
  const results = JSON.parse(py.stdout) as Array<{ path: string; docutils: Norm; mine: Norm }>;
  assert.equal(results.length, files.length);

  let blocksTotal = 0, blocksSame = 0, filesAll = 0;
  const bad: Record<string, string[]> = { headings: [], lists: [], links: [], blocks: [] };
  const details: string[] = [];
  const eqRec = (x: string[], y: string[]) => x[0] === y[0] && x[1] === y[1];
  for (const r of results) {
    const rel = r.path.slice(DOCS.length + 1);
    const d = r.docutils, m = r.mine;
    const same = lcs(d.blocks, m.blocks, eqRec);
    blocksTotal += Math.max(d.blocks.length, m.blocks.length);
    blocksSame += same;
    let ok = true;
    const check = (what: keyof typeof bad, equal: boolean, show: () => string) => {
      if (!equal) {
        ok = false;
        bad[what].push(rel);
        if (details.length < 40) details.push(`${rel} [${what}] ${show()}`);
      }
    };
    check('headings', JSON.stringify(d.headings) === JSON.stringify(m.headings), () => firstDiff(d.headings.map(String), m.headings.map(String)));
    check('lists', JSON.stringify(d.lists) === JSON.stringify(m.lists), () => firstDiff(d.lists, m.lists));
    check('links', JSON.stringify(d.links) === JSON.stringify(m.links), () => firstDiff(d.links, m.links));
    check('blocks', same === d.blocks.length && same === m.blocks.length, () => firstDiff(d.blocks.map((b) => b.join(': ')), m.blocks.map((b) => b.join(': '))));
    if (ok) filesAll++;
  }
  const pct = (a: number, b: number) => ((100 * a) / Math.max(1, b)).toFixed(1);
  const summary =
    `docutils agreement: ${filesAll}/${results.length} files agree on everything; blocks ${blocksSame}/${blocksTotal} (${pct(blocksSame, blocksTotal)}%); ` +
    `files differing — headings ${bad.headings.length}, lists ${bad.lists.length}, links ${bad.links.length}, block text ${bad.blocks.length}`;
  console.log(summary);
  for (const l of details) console.log('  ' + l);
  // The whole corpus must agree: headings, list structure and link targets in every file, the text of every block.
  assert.deepEqual(bad, { headings: [], lists: [], links: [], blocks: [] }, summary);
});

function firstDiff(a: string[], b: string[]): string {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return `#${i}: docutils=${JSON.stringify(a[i])?.slice(0, 160)} ours=${JSON.stringify(b[i])?.slice(0, 160)}`;
  }
  return 'same';
}

/** Every construct the AST knows, in one document, compared with docutils the same way as the corpus. */
// (¨ stands for a backquote, so the document can sit in a template literal)
const ALL_CONSTRUCTS = `
.. |date| date:: %Y
.. |copy| unicode:: U+00A9
.. |name| replace:: *Norcams* team

==========
Uke 12
==========

av Ola Nordmann, |copy| |date| |name|

.. contents:: Innhold
   :depth: 2

Status
======

Paragraph with *emphasis*, **strong**, ¨¨literal¨¨, ¨default role¨, :code:¨x = 1¨, :sub:¨2¨, :sup:¨3¨,
:abbr:¨LIFO (last-in, first-out)¨, :kbd:¨Ctrl+C¨, :file:¨conf.py¨, :title-reference:¨Title¨,
a standalone https://example.org/a?b=c link, mail ola@example.org, a named ¨Trello¨_ link, an
embedded ¨link <https://example.org/x>¨_, an anonymous ¨one¨__, an indirect alias_, internal ¨Status¨_,
_¨inline target¨ and a reference to ¨inline target¨_, footnotes [#]_ [#note]_ [*]_ [7]_ and a citation [CIT2002]_.

Smart quotes: "the *"nye"* servers", 'single' and it's, "¨¨code¨¨", ¨"quoted" link <https://example.org/q>¨_,
escaped \\"straight\\" and \\'x\\', dashes -- and --- and \\-\\-, dots... and \\..., (")" [']' "a"'b'" the '80s.

   A quote "over
   two\\ lines \\"escaped\\" and \\\\" after an escaped backslash" -\\- end\\

Roles keep or educate quotes as their nodes do: :code:¨"c" -- x¨, :kbd:¨"k"¨, :file:¨"f".py¨ stay;
:title-reference:¨"T" -- t¨, :sub:¨"s"¨, :emphasis:¨"e"...¨ and :abbr:¨"A" (a "b")¨ are educated.

.. parsed-literal::

   A "parsed" literal -- *with "markup"* keeps its quotes...

======  ========
Ferdig  Område
======  ========
✅      Lagring
❌      Nettverk, 全角
======  ========

+------+---------+
| 全角 | ✅ ok    |
+------+---------+

.. _Trello: https://trello.com/norcams
.. __: https://example.org/anon
.. _alias: Trello_

- bullet one
- bullet two

  * nested *bullet*

    continued paragraph

#. auto one
#. auto two

3) paren three
4) paren four

(a) loweralpha
(b) second

i. roman
ii. roman two

term
   definition
term two : classifier
   definition two

:Field: value
:Other field: other *value*

-a         all
--verbose  talk more
-o FILE    output

Literal block follows::

   if a < b:
       print("<b>")

>>> 1 + 1
2

    Block quote text.

    -- Attribution Person

| line one
|    line two indented
| line three

----------

.. note:: Note text on the first line.

   Second paragraph.

.. warning::

   Be careful.

.. admonition:: Custom title

   Custom body.

.. topic:: Topic title

   Topic body.

.. rubric:: A rubric

.. image:: /images/graph.png
   :alt: Graph
   :width: 200px
   :target: https://example.org/img

.. figure:: picture.png
   :align: center

   The caption.

   The legend.

.. code-block:: python

   def f():
       return "<x>"

.. code:: bash

   echo hi

.. parsed-literal::

   some *parsed* literal

+------------+------------+
| Header 1   | Header 2   |
+============+============+
| cell 1     | cell 2     |
+------------+------------+
| spanning two columns    |
+------------+------------+

=====  =====
A      B
=====  =====
1      2
3      4
=====  =====

Planer
======

Subsection
----------

Text in a subsection.

.. contents::
   :local:

Deeper
~~~~~~

Deep text.

.. [#] First auto footnote.
.. [#note] Named footnote.
.. [*] Symbol footnote.
.. [7] Numbered footnote.
.. [CIT2002] A citation.

Utfordringer
============

See :doc:¨/status/reports/2017/uke_30¨ and :doc:¨Custom <../2017/uke_29>¨ and :doc:¨nope¨.

.. toctree::
   :maxdepth: 1

   uke_30
   ../2016/2016_uke_30
`.replace(/¨/g, '\u0060');

test('renderer agrees with docutils on a document with every construct', { skip: !havePython || !existsSync(DOCS) ? 'python3 docutils or corpus missing' : false, timeout: 120_000 }, () => {
  const files = rstFiles(DOCS);
  const ws = new WorkspaceIndex(DOCS, files);
  const path = join(DOCS, 'status/reports/2017/all-constructs.rst');
  const text = ALL_CONSTRUCTS;
  const mine = renderHtml(parse(text), text, { path, workspace: ws, dataLines: false, allowHttpsImages: true, smartQuotes: 'en' });
  const py = spawnSync('python3', ['-c', PY], { input: JSON.stringify({ root: DOCS, files: [{ path, text, mine }] }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(py.status, 0, py.stderr);
  const [r] = JSON.parse(py.stdout) as Array<{ docutils: Norm; mine: Norm }>;
  const d = r.docutils, m = r.mine;
  assert.ok(d.headings.length >= 6 && d.blocks.length > 60, 'the document exercises many constructs');
  assert.deepEqual(m.headings, d.headings, 'headings');
  assert.deepEqual(m.lists, d.lists, 'list structure');
  assert.deepEqual(m.links, d.links, 'link targets');
  assert.deepEqual(m.blocks, d.blocks, 'block text');
});
