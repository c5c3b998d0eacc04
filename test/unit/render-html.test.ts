// Unit tests of the HTML renderer on hand-made syntax trees (independent of the parser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderHtml, renderStandaloneHtml, type RenderOptions } from '../../server/src/core/render/html';
import { safeUrl, safeLength } from '../../server/src/core/render/escape';
import { makeId } from '../../server/src/core/render/ids';
import { WorkspaceIndex } from '../../server/src/core/workspace';
import type { Block, Directive, Document, Inline, ParseResult, Section, Span } from '../../server/src/core/rst/ast';

// ----------------------------------------------------------------- tiny tree builders (spans are 0 unless given)
const S: Span = { start: 0, end: 0 };
const t = (value: string, span: Span = S): Inline => ({ type: 'text', value, ...span });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children, ...S });
const para = (s: string) => p(t(s));
function section(title: string, level: number, children: Block[], span: Span = S): Section {
  return {
    type: 'section', level, title: [t(title)], titleText: title, titleSpan: span, id: makeId(title),
    adornment: { char: '=', overline: false, underlineSpan: S }, children, ...span,
  };
}
function directive(name: string, argument: string, options: Record<string, string> = {}, extra: Partial<Directive> = {}): Directive {
  return {
    type: 'directive', name, nameSpan: S, argument, options: Object.entries(options).map(([k, v]) => ({ name: k, value: v, nameSpan: S, valueSpan: S, ...S })),
    content: '', ...S, ...extra,
  };
}
const doc = (...children: Block[]): ParseResult => ({ tree: { type: 'document', children, start: 0, end: 0 } as Document, problems: [] });
const opts = (o: Partial<RenderOptions> = {}): RenderOptions => ({ path: '/ws/docs/status/reports/2017/uke_30.rst', dataLines: false, allowHttpsImages: false, ...o });
const render = (r: ParseResult, o: Partial<RenderOptions> = {}, text = '') => renderHtml(r, text, opts(o));

// ----------------------------------------------------------------- escaping, URLs, ids

test('safeUrl drops javascript:, data:, vbscript: (also obfuscated) and keeps http(s), mailto and relative', () => {
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:x', 'data:text/html,<script>', 'vbscript:msgbox', '\u0001javascript:x', 'file:///etc/passwd']) {
    assert.equal(safeUrl(bad), undefined, bad);
  }
  assert.equal(safeUrl('https://example.org/a?b=1'), 'https://example.org/a?b=1');
  assert.equal(safeUrl('mailto:a@b.no'), 'mailto:a@b.no');
  assert.equal(safeUrl('../../plans/demo.html'), '../../plans/demo.html');
  assert.equal(safeUrl('#status'), '#status');
  assert.equal(safeUrl('a/b:c'), 'a/b:c');
  assert.equal(safeUrl('x1:alert(1)'), undefined);
});

test('safeLength accepts docutils lengths only', () => {
  assert.equal(safeLength('100px'), '100px');
  assert.equal(safeLength('50%'), '50%');
  assert.equal(safeLength('200'), '200px');
  assert.equal(safeLength('1.5em'), '1.5em');
  assert.equal(safeLength('100px;background:url(x)'), undefined);
  assert.equal(safeLength('expression(alert(1))'), undefined);
});

test('makeId follows docutils make_id', () => {
  assert.equal(makeId('Planlagte aktiviteter'), 'planlagte-aktiviteter');
  assert.equal(makeId('Uke 30'), 'uke-30');
  assert.equal(makeId('Utfordringer på Ceph'), 'utfordringer-pa-ceph');
  assert.equal(makeId('Søknad & økonomi'), 'soknad-okonomi');
  assert.equal(makeId('2017: status'), 'status');
  assert.equal(makeId('Ærlig talt'), 'aerlig-talt');
});

// ----------------------------------------------------------------- structure

test('a lone top-level section becomes the document title (h1.title); its subsections are h2 with ids', () => {
  const html = render(doc(section('Uke 30', 1, [para('av Raymond'), section('Status', 2, [para('ok'), section('Detaljer', 3, [para('x')])])])));
  assert.match(html, /<h1 class="title" id="uke-30">Uke 30<\/h1>/);
  assert.match(html, /<section id="status">\s*<h2>Status<\/h2>/);
  assert.match(html, /<section id="detaljer">\s*<h3>Detaljer<\/h3>/);
  assert.match(html, /<p>av Raymond<\/p>/);
});

test('several top-level sections: no title promotion, headings start at h2', () => {
  const html = render(doc(section('A', 1, [para('a')]), section('B', 1, [para('b')])));
  assert.doesNotMatch(html, /<h1/);
  assert.match(html, /<section id="a">\s*<h2>A<\/h2>/);
  assert.match(html, /<section id="b">\s*<h2>B<\/h2>/);
});

test('duplicate section ids get docutils-style idN', () => {
  const html = render(doc(section('A', 1, [section('Status', 2, []), section('Status', 2, [])])));
  const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(ids.length, 2);
  assert.equal(ids[0], 'status');
  assert.notEqual(ids[1], 'status');
});

test('lists: bullet, enumerated (type/start), definition, field and option lists', () => {
  const li = (s: string): any => ({ type: 'list_item', markerSpan: S, children: [para(s)], ...S });
  const html = render(doc(
    { type: 'bullet_list', bullet: '-', items: [li('a'), { type: 'list_item', markerSpan: S, children: [para('b'), { type: 'bullet_list', bullet: '*', items: [li('c')], ...S }], ...S }], ...S },
    { type: 'enumerated_list', enumtype: 'loweralpha', prefix: '', suffix: ')', startNumber: 3, items: [li('x')], ...S },
    { type: 'definition_list', items: [{ type: 'definition_list_item', term: [t('term')], termSpan: S, classifiers: [[t('cls')]], definition: [para('def')], ...S }], ...S },
    { type: 'field_list', fields: [{ type: 'field', name: [t('Author')], nameText: 'Author', nameSpan: S, body: [para('Me')], ...S }], ...S },
    { type: 'option_list', items: [{ type: 'option_list_item', options: '-a, --all', optionsSpan: S, description: [para('all')], ...S }], ...S },
  ));
  assert.match(html, /<ul>\n<li><p>a<\/p>\n<\/li>\n<li><p>b<\/p>\n<ul>\n<li><p>c<\/p>\n<\/li>\n<\/ul>\n<\/li>\n<\/ul>/);
  assert.match(html, /<ol class="loweralpha rparen" type="a" start="3">/);
  assert.match(html, /<dt>term<span class="classifier">cls<\/span><\/dt>\n<dd><p>def<\/p>/);
  assert.match(html, /<dl class="field-list">\n<dt>Author<span class="colon">:<\/span><\/dt>\n<dd><p>Me<\/p>/);
  assert.match(html, /<kbd><span class="option">-a<\/span>, <span class="option">--all<\/span><\/kbd>/);
});

test('literal, code and doctest blocks are escaped; block quote with attribution; line blocks nest', () => {
  const html = render(doc(
    { type: 'literal_block', value: 'if a < b && c:\n  "x"', ...S },
    { type: 'literal_block', value: 'print(1)', language: 'python', ...S },
    { type: 'doctest_block', value: '>>> 1 < 2', ...S },
    { type: 'block_quote', children: [para('quote')], attribution: [t('Someone')], attributionSpan: S, ...S },
    { type: 'line_block', lines: [{ type: 'line', indent: 0, children: [t('one')], ...S }, { type: 'line_block', lines: [{ type: 'line', indent: 2, children: [t('two')], ...S }], ...S }, { type: 'line', indent: 0, children: [], ...S }], ...S },
    { type: 'transition', ...S },
  ));
  assert.match(html, /<pre class="literal-block">if a &lt; b &amp;&amp; c:\n  &quot;x&quot;<\/pre>/);
  assert.match(html, /<pre class="code python literal-block"><code>print\(1\)<\/code><\/pre>/);
  assert.match(html, /<pre class="code python doctest">&gt;&gt;&gt; 1 &lt; 2<\/pre>/);
  assert.match(html, /<blockquote>\n<p>quote<\/p>\n<p class="attribution">\u2014Someone<\/p>\n<\/blockquote>/);
  assert.match(html, /<div class="line-block">\n<div class="line">one<\/div>\n<div class="line-block">\n<div class="line">two<\/div>\n<\/div>\n<div class="line"><br \/><\/div>/);
  assert.match(html, /<hr class="docutils" \/>/);
});

test('tables: thead from header rows, colspan/rowspan from morecols/morerows', () => {
  const cell = (s: string, morecols = 0, morerows = 0): any => ({ type: 'table_cell', morecols, morerows, children: [para(s)], ...S });
  const html = render(doc({
    type: 'table', kind: 'grid', colWidths: [3, 3],
    header: [{ type: 'table_row', cells: [cell('h1'), cell('h2')], ...S }],
    body: [{ type: 'table_row', cells: [cell('wide', 1)], ...S }, { type: 'table_row', cells: [cell('tall', 0, 1), cell('x')], ...S }],
    ...S,
  }));
  assert.match(html, /<thead>\n<tr><th class="head"><p>h1<\/p>\n<\/th>\n<th class="head"><p>h2<\/p>/);
  assert.match(html, /<td colspan="2"><p>wide<\/p>/);
  assert.match(html, /<td rowspan="2"><p>tall<\/p>/);
});

test('footnotes: manual, auto-numbered and symbol footnotes get numbers, ids and back-links', () => {
  const html = render(doc(
    p(t('a'), { type: 'footnote_reference', label: '#', ...S }, t(' b'), { type: 'footnote_reference', label: '#note', ...S }, { type: 'footnote_reference', label: '*', ...S }, { type: 'footnote_reference', label: '5', ...S }),
    { type: 'footnote', label: '#', labelSpan: S, children: [para('first')], ...S },
    { type: 'footnote', label: '#note', labelSpan: S, children: [para('second')], ...S },
    { type: 'footnote', label: '*', labelSpan: S, children: [para('sym')], ...S },
    { type: 'footnote', label: '5', labelSpan: S, children: [para('five')], ...S },
  ));
  const refs = [...html.matchAll(/<a class="footnote-reference brackets" href="#([^"]+)" id="([^"]+)"[^>]*><span class="fn-bracket">\[<\/span>([^<]+)</g)];
  assert.deepEqual(refs.map((m) => m[3]), ['1', '2', '*', '5']);
  for (const m of refs) assert.match(html, new RegExp(`<aside class="footnote brackets" id="${m[1]}"`));
  assert.match(html, /<aside class="footnote-list brackets">/);
  assert.match(html, /href="#footnote-reference-1">1<\/a>/);
});

test('citations link to their entries', () => {
  const html = render(doc(
    p({ type: 'citation_reference', label: 'CIT2002', ...S }),
    { type: 'citation', label: 'CIT2002', labelSpan: S, children: [para('A book')], ...S },
  ));
  assert.match(html, /<a class="citation-reference" href="#cit2002"/);
  assert.match(html, /<div class="citation" id="cit2002"/);
});

test('admonitions: title, body and the argument as first paragraph; generic admonition with its own title', () => {
  const html = render(doc(
    directive('note', '', {}, { children: [para('hi')] }),
    directive('warning', '', {}, { children: [para('careful')] }),
    directive('admonition', 'My title', {}, { children: [para('body')], argumentSpan: undefined }),
  ));
  assert.match(html, /<aside class="admonition note">\n<p class="admonition-title">Note<\/p>\n<p>hi<\/p>/);
  assert.match(html, /<aside class="admonition warning">\n<p class="admonition-title">Warning<\/p>/);
  assert.match(html, /<aside class="admonition admonition-my-title">\n<p class="admonition-title">My title<\/p>\n<p>body<\/p>/);
});

// ----------------------------------------------------------------- images

test('images: alt, size (data-* and, standalone, style), align, target; remote images only when allowed', () => {
  const img = directive('image', 'bilder/graf.png', { alt: 'Graf', width: '300px', height: '10em', align: 'center', target: 'https://example.org/' });
  const html = render(doc(img), { resolveResource: (abs) => `vscode-resource:${abs}` });
  assert.match(html, /<a class="reference external image-reference" href="https:\/\/example.org\/"><img alt="Graf" src="vscode-resource:\/ws\/docs\/status\/reports\/2017\/bilder\/graf.png" class="align-center" data-width="300px" data-height="10em" \/><\/a>/);
  const rootImg = render(doc(directive('image', '/images/x.png')), { workspace: new WorkspaceIndex('/ws/docs'), resolveResource: (abs) => abs });
  assert.match(rootImg, /src="\/ws\/docs\/images\/x.png"/);
  const scaled = render(doc(directive('image', 'a.png', { width: '200px', scale: '50%' })), { inlineStyles: true });
  assert.match(scaled, /data-width="100px"/);
  assert.match(scaled, /style="width: 100px;"/);
  const remote = directive('image', 'https://example.org/x.png');
  assert.doesNotMatch(render(doc(remote), { allowHttpsImages: false, resolveResource: () => 'x' }), /<img/);
  assert.match(render(doc(remote), { allowHttpsImages: true, resolveResource: () => 'x' }), /<img alt="https:\/\/example.org\/x.png" src="https:\/\/example.org\/x.png"/);
  assert.doesNotMatch(render(doc(directive('image', 'http://example.org/x.png')), { allowHttpsImages: true, resolveResource: () => 'x' }), /<img/);
  const refused = render(doc(directive('image', '../../../../../etc/x.png')), { resolveResource: () => undefined });
  assert.match(refused, /class="wr-image-blocked"/);
});

test('figures: caption and legend', () => {
  const html = render(doc(directive('figure', 'a.png', { align: 'right', alt: 'A' }, { children: [para('Caption'), para('Legend text')] })));
  assert.match(html, /<figure class="align-right">\n<img alt="A" src="a.png" \/>\n<figcaption>\n<p>Caption<\/p>\n<div class="legend">\n<p>Legend text<\/p>/);
});

// ----------------------------------------------------------------- contents and toctree

test('contents lists the sections (not the title), honouring :depth: and :local:', () => {
  const tree = () => doc(section('Uke 30', 1, [
    directive('contents', '', { depth: '1' }),
    section('Status', 2, [section('Detaljer', 3, [])]),
    section('Annet', 2, []),
  ]));
  const html = render(tree());
  const nav = /<nav class="contents" id="contents" role="doc-toc">([\s\S]*?)<\/nav>/.exec(html)![1];
  assert.match(nav, /<p class="topic-title">Contents<\/p>/);
  assert.match(nav, /href="#status"[^>]*>Status<\/a>/);
  assert.match(nav, /href="#annet"[^>]*>Annet<\/a>/);
  assert.doesNotMatch(nav, /Detaljer|Uke 30/);
  const deep = render(doc(section('Uke 30', 1, [directive('contents', 'Innhold'), section('Status', 2, [section('Detaljer', 3, [])])])));
  assert.match(deep, /<p class="topic-title">Innhold<\/p>[\s\S]*href="#detaljer"/);
  const localDir = { ...directive('contents', '', { local: '' }), start: 5, end: 6 };
  const local = render(doc(section('Uke 30', 1, [section('A', 2, [section('A1', 3, [], { start: 10, end: 11 })], { start: 0, end: 20 }), section('B', 2, [], { start: 21, end: 22 })])).tree.children.length ? doc(
    section('Uke 30', 1, [{ ...section('A', 2, [localDir, section('A1', 3, [], { start: 10, end: 11 })]), start: 0, end: 20 }, section('B', 2, [], { start: 21, end: 22 })]),
  ) : doc());
  const localNav = /<nav class="contents local"[^>]*>([\s\S]*?)<\/nav>/.exec(local)![1];
  assert.match(localNav, /A1/);
  assert.doesNotMatch(localNav, />B</);
  assert.doesNotMatch(localNav, /topic-title/);
});

test('toctree: entries with workspace titles; :glob: expanded (sorted, current doc excluded); missing entries marked', () => {
  const ws = new WorkspaceIndex('/ws/docs', [
    '/ws/docs/status/reports/2017/uke_28.rst', '/ws/docs/status/reports/2017/uke_30.rst', '/ws/docs/status/reports/2017/uke_26.rst',
    '/ws/docs/status/reports/2017/index.rst', '/ws/docs/status/reports/2016/uke_50.rst', '/ws/docs/team/x.png',
  ]);
  ws.setTitle('/ws/docs/status/reports/2017/uke_28.rst', 'Uke 28');
  const missing: string[] = [];
  const o = { workspace: ws, path: '/ws/docs/status/reports/2017/index.rst', onMissingTitle: (p: string) => missing.push(p) };
  const html = render(doc(directive('toctree', '', { maxdepth: '1', glob: '' }, { content: 'uke_*' })), o);
  const links = [...html.matchAll(/<a class="reference internal" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(links, [['uke_26.html', 'status/reports/2017/uke_26'], ['uke_28.html', 'Uke 28'], ['uke_30.html', 'status/reports/2017/uke_30']]);
  assert.deepEqual(missing.sort(), ['/ws/docs/status/reports/2017/uke_26.rst', '/ws/docs/status/reports/2017/uke_30.rst']);
  const explicit = render(doc(directive('toctree', '', {}, { content: 'Forrige <../2016/uke_50>\nuke_99\nhttps://example.org' })), o);
  assert.match(explicit, /<a class="reference internal" href="..\/2016\/uke_50.html">Forrige<\/a>/);
  assert.match(explicit, /<li class="toctree-l1 wr-unresolved" title="uke_99">uke_99<\/li>/);
  assert.match(explicit, /<a class="reference external" href="https:\/\/example.org">/);
  assert.equal(render(doc(directive('toctree', '', { hidden: '' }, { content: 'uke_28' })), o), '');
});

// ----------------------------------------------------------------- inline markup, roles, references

test('inline markup and roles', () => {
  const role = (r: string | null, text: string, extra: any = {}): Inline => ({ type: 'role', role: r, text, textSpan: S, target: text, targetSpan: S, ...S, ...extra });
  const html = render(doc(p(
    { type: 'emphasis', children: [t('em')], ...S }, { type: 'strong', children: [t('st')], ...S }, { type: 'literal', value: 'a<b', ...S },
    role(null, 'Title'), role('code', 'x = 1'), role('sub', '2'), role('sup', '3'), role('abbr', 'LIFO (last-in, first-out)'),
    role('kbd', 'Ctrl+C'), role('file', 'conf.py'), role('menuselection', 'Fil --> Lagre'), role('pep', '8'), role('modes', 'x', { start: 0, end: 0 }),
  )));
  assert.match(html, /<em>em<\/em><strong>st<\/strong><span class="docutils literal">a&lt;b<\/span>/);
  assert.match(html, /<cite>Title<\/cite>/);
  assert.match(html, /<code>x = 1<\/code><sub>2<\/sub><sup>3<\/sup>/);
  assert.match(html, /<abbr title="last-in, first-out">LIFO<\/abbr>/);
  assert.match(html, /<kbd class="kbd docutils literal">Ctrl\+C<\/kbd>/);
  assert.match(html, /<code class="file docutils literal">conf.py<\/code>/);
  assert.match(html, /Fil \u2023 Lagre/);
  assert.match(html, /href="https:\/\/peps.python.org\/pep-0008\/"/);
  assert.match(html, /<span class="problematic">/); // unknown role
});

test(':doc: shows the target title from the workspace and links to it; unknown doc is marked', () => {
  const ws = new WorkspaceIndex('/ws/docs', ['/ws/docs/team/people.rst', '/ws/docs/status/reports/2017/uke_29.rst']);
  ws.setTitle('/ws/docs/team/people.rst', 'Folk i teamet');
  const role = (text: string, extra: any = {}): Inline => ({ type: 'role', role: 'doc', text, textSpan: S, target: text, targetSpan: S, ...S, ...extra });
  const html = render(doc(p(role('/team/people'), t(' '), role('uke_29'), t(' '), role('Egen tittel <../../../team/people>', { title: 'Egen tittel', target: '../../../team/people' }), role('/nope'))), { workspace: ws });
  assert.match(html, /<a class="reference internal" href="..\/..\/..\/team\/people.html"><span class="doc">Folk i teamet<\/span><\/a>/);
  assert.match(html, /<a class="reference internal" href="uke_29.html"><span class="doc">uke_29<\/span><\/a>/);
  assert.match(html, /<span class="doc">Egen tittel<\/span>/);
  assert.match(html, /<span class="xref std std-doc wr-unresolved" title="\/nope">\/nope<\/span>/);
  const custom = render(doc(p(role('/team/people'))), { workspace: ws, resolveLink: (kind, target) => (kind === 'doc' ? `open:${target}` : undefined) });
  assert.match(custom, /href="open:\/ws\/docs\/team\/people.rst"/);
});

test('references: named to targets (external, internal, indirect), embedded, anonymous, standalone; unknown is problematic', () => {
  const src = 'trello_';
  const ref = (kind: any, text: string, extra: any = {}): Inline => ({ type: 'reference', kind, text, textSpan: S, embedded: false, ...S, ...extra });
  const target = (name: string, extra: any): Block => ({ type: 'target', name, nameSpan: S, anonymous: false, ...S, ...extra });
  const html = render(doc(
    section('Uke 1', 1, [
      p(ref('named', 'Trello', { refname: 'trello' }), t(' '), ref('named', 'alias', { refname: 'alias' }), t(' '), ref('named', 'Status', { refname: 'status' }),
        t(' '), ref('named', 'Docs', { refname: 'docs', embedded: true, url: 'https://docs.example' }), t(' '), ref('anonymous', 'anon'),
        t(' '), ref('standalone', 'https://x.example/a', { url: 'https://x.example/a' }), t(' '), ref('email', 'a@b.no', { url: 'mailto:a@b.no' }),
        t(' '), ref('named', 'ukjent', { refname: 'ukjent', start: 0, end: 7 }), t(' '), ref('named', 'here', { refname: 'here' })),
      target('trello', { url: 'https://trello.com/norcams' }),
      target('alias', { refname: 'trello' }),
      { type: 'target', name: '', nameSpan: S, anonymous: true, url: 'https://anon.example', ...S },
      target('here', {}),
      para('target paragraph'),
      section('Status', 2, []),
    ]),
  ), {}, src);
  assert.match(html, /<a class="reference external" href="https:\/\/trello.com\/norcams">Trello<\/a>/);
  assert.match(html, /<a class="reference external" href="https:\/\/trello.com\/norcams">alias<\/a>/);
  assert.match(html, /<a class="reference internal" href="#status">Status<\/a>/);
  assert.match(html, /<a class="reference external" href="https:\/\/docs.example">Docs<\/a>/);
  assert.match(html, /<a class="reference external" href="https:\/\/anon.example">anon<\/a>/);
  assert.match(html, /<a class="reference external" href="https:\/\/x.example\/a">https:\/\/x.example\/a<\/a>/);
  assert.match(html, /href="mailto:a@b.no"/);
  assert.match(html, /<span class="problematic">trello_<\/span>/);
  assert.match(html, /<a class="reference internal" href="#here">here<\/a>/);
  assert.match(html, /<span class="target" id="here"><\/span>/);
});

test(':ref: to a label before a section shows the section title', () => {
  const role: Inline = { type: 'role', role: 'ref', text: 'planer', textSpan: S, target: 'planer', targetSpan: S, ...S };
  const html = render(doc(section('Uke', 1, [p(role), { type: 'target', name: 'planer', nameSpan: S, anonymous: false, ...S }, section('Planlagte aktiviteter', 2, [])])));
  assert.match(html, /<a class="reference internal" href="#planer"><span class="std std-ref">Planlagte aktiviteter<\/span><\/a>/);
});

test('substitutions: replace (inline parsed), unicode, image; unknown is problematic', () => {
  const text = 'erstattet tekst';
  const sub = (name: string, d: Directive): Block => ({ type: 'substitution_definition', name, nameSpan: S, directive: d, ...S });
  const html = render(doc(
    p({ type: 'substitution_reference', name: 'r', linked: false, ...S }, t(' '), { type: 'substitution_reference', name: 'copy', linked: false, ...S }, t(' '),
      { type: 'substitution_reference', name: 'logo', linked: false, ...S }, t(' '), { type: 'substitution_reference', name: 'nope', linked: false, start: 0, end: 9 }),
    sub('r', directive('replace', text, {}, { argumentSpan: { start: 0, end: text.length } })),
    sub('copy', directive('unicode', 'U+00A9 0x20 NREC')),
    sub('logo', directive('image', 'logo.png', { alt: 'Logo' })),
  ), {}, text);
  assert.match(html, /<p>erstattet tekst \u00a9 NREC <img alt="Logo" src="logo.png" \/> <span class="problematic">erstattet<\/span><\/p>/);
});

test('data-line attributes carry 0-based source lines', () => {
  const text = 'Tittel\n======\n\nAvsnitt\n\n- punkt\n';
  const r = doc({ ...section('Tittel', 1, [{ type: 'paragraph', children: [t('Avsnitt', { start: 15, end: 22 })], start: 15, end: 22 }, { type: 'bullet_list', bullet: '-', items: [{ type: 'list_item', markerSpan: { start: 24, end: 25 }, children: [{ type: 'paragraph', children: [t('punkt')], start: 26, end: 31 }], start: 24, end: 31 }], start: 24, end: 31 }], { start: 0, end: 6 }), end: 32 });
  const html = render(r, { dataLines: true }, text);
  assert.match(html, /<h1 class="title" id="tittel" data-line="0">/);
  assert.match(html, /<p data-line="3">Avsnitt<\/p>/);
  assert.match(html, /<ul data-line="5">\n<li data-line="5"><p data-line="5">punkt<\/p>/);
});

test('problems are shown inline after the block where they occur', () => {
  const text = 'a\n\nb\n';
  const r: ParseResult = { tree: { type: 'document', start: 0, end: 5, children: [{ type: 'paragraph', children: [t('a')], start: 0, end: 1 }, { type: 'paragraph', children: [t('b')], start: 3, end: 4 }] }, problems: [{ kind: 'unexpected-indentation', severity: 'error', start: 3, end: 4 }] };
  const html = render(r, { dataLines: true }, text);
  assert.match(html, /<p data-line="0">a<\/p>\n<p data-line="2">b<\/p>\n<aside class="wr-problem wr-problem-error" data-line="2" role="note"><span class="wr-problem-where">3:<\/span> Unexpected indentation.<\/aside>/);
  assert.doesNotMatch(render(r, { showProblems: false }, text), /wr-problem/);
});

// ----------------------------------------------------------------- safety

test('hostile trees: raw html escaped, script text escaped, javascript: links and attribute injection neutralised', () => {
  const ref = (kind: any, text: string, extra: any = {}): Inline => ({ type: 'reference', kind, text, textSpan: S, embedded: false, ...S, ...extra });
  const html = render(doc(
    directive('raw', 'html', {}, { content: '<script>alert(1)</script><img src=x onerror=alert(1)>' }),
    p(t('<script>alert(2)</script>'), ref('named', 'x', { embedded: true, url: 'javascript:alert(3)', refname: 'x' }), ref('standalone', 'data:text/html,<b>', { url: 'data:text/html,<b>' })),
    directive('image', 'x.png" onerror="alert(4)', { alt: '" onload="alert(5)', width: '10px" onmouseover="alert(6)', target: 'javascript:alert(7)' }),
    directive('figure', 'y.png', { align: 'center" onclick="x', figwidth: 'expression(alert(1))' }),
    { type: 'literal_block', value: '</pre><script>alert(8)</script>', language: 'x" onclick="alert(9)', ...S },
  ), { inlineStyles: true });
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img src=x/);
  assert.doesNotMatch(html, /\son[a-z]+="/i, 'no event-handler attribute');
  assert.doesNotMatch(html, /href="(javascript|data|vbscript):/i);
  assert.doesNotMatch(html, /style="[^"]*(expression|onmouseover)/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('never throws on malformed trees', () => {
  const bad: any[] = [
    { tree: { type: 'document', children: [{ type: 'section' }] }, problems: [] },
    { tree: { type: 'document', children: [null, 42, { type: 'what' }, { type: 'paragraph' }, { type: 'bullet_list' }, { type: 'table' }, { type: 'directive' }] }, problems: [{ kind: 'x', start: 5 }] },
    { tree: { type: 'document' }, problems: null },
    { tree: null },
  ];
  for (const b of bad) assert.equal(typeof renderHtml(b, 'text', opts()), 'string');
  // very deep nesting renders without a stack overflow
  let inner: Block = para('deep');
  for (let i = 0; i < 20000; i++) inner = { type: 'block_quote', children: [inner], ...S };
  const out = renderHtml(doc(inner), '', opts());
  assert.equal(typeof out, 'string');
});

test('standalone HTML: complete document, inlined CSS, no script, restrictive CSP, title from the document', () => {
  const html = renderStandaloneHtml('', '/ws/docs/a <b>.rst');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<style>[\s\S]+<\/style>/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.match(html, /<title>a &lt;b&gt;.rst<\/title>/);
  assert.doesNotMatch(html, /<script/);
});
