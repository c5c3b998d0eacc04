// Renderer on real reStructuredText (through the parser): constructs, hostile documents, fuzz, speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '../../server/src/core/rst/parser';
import { documentTitle, renderHtml, renderStandaloneHtml, type RenderOptions } from '../../server/src/core/render/html';
import { WorkspaceIndex } from '../../server/src/core/workspace';

const DOCS = [resolve(__dirname, '../../../../shared/corpus/norcams-iaas/docs'), resolve(process.cwd(), '../shared/corpus/norcams-iaas/docs')].find((p) => existsSync(p)) ?? '';
const PATH = '/ws/docs/status/reports/2017/uke_30.rst';
const render = (text: string, o: Partial<RenderOptions> = {}) => renderHtml(parse(text), text, { path: PATH, dataLines: false, allowHttpsImages: false, ...o });

/** Executable or loading HTML that must never appear in the output. */
function assertInert(html: string, what: string): void {
  assert.doesNotMatch(html, /<script/i, `${what}: <script>`);
  assert.doesNotMatch(html, /<(iframe|object|embed|form|input|button|meta|link|style|base|svg|math|frame|frameset|textarea|select|video|audio|source|template)\b/i, `${what}: active element`);
  // text is escaped, so every '<…>' is a real tag: check each tag's attributes
  for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    // attributes must be name="value" pairs with no raw quotes inside values
    assert.match(tag, /^<[a-zA-Z][a-zA-Z0-9]*(\s+[a-z-]+="[^"<>]*")*\s*\/?>$/, `${what}: malformed tag ${tag}`);
    for (const [, name, raw] of tag.matchAll(/\s([a-zA-Z-]+)="([^"]*)"/g)) {
      const value = raw.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      assert.ok(!/^on/i.test(name), `${what}: event handler attribute in ${tag}`);
      if (name === 'href' || name === 'src') assert.doesNotMatch(value.replace(/[\u0000-\u0020]/g, ''), /^(javascript|data|vbscript|file):/i, `${what}: dangerous URL in ${tag}`);
      if (name === 'style') assert.doesNotMatch(value, /expression|url\(|javascript|[;{}]\s*[a-z-]+\s*:\s*[^;]*[;{}]\s*[a-z-]+\s*:/i, `${what}: style injection in ${tag}`);
    }
  }
  // every tag in the output is one the renderer produces
  const allowed = new Set(['a', 'abbr', 'acronym', 'aside', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'kbd', 'li', 'nav', 'ol', 'p', 'pre', 'section', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul']);
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)) assert.ok(allowed.has(m[1].toLowerCase()), `${what}: unexpected tag <${m[1]}>`);
}

test('a typical report: title, sections with ids, contents, lists and links', () => {
  const text = 'Uke 30\n======\n\nav Raymond, 31.juli 2017\n\nSe `Trello <https://trello.com/norcams>`_ og wiki_.\n\n.. _wiki: https://trello.com/b/x\n\n.. contents::\n\nStatus\n------\n\n- Ferdig med *imagebuilder*\n- ``IPv6``\n\n  1. delsteg\n\nPlanlagte aktiviteter\n---------------------\n\nTerm\n   Definisjon\n';
  const html = render(text, { dataLines: true });
  assert.match(html, /<h1 class="title" id="uke-30" data-line="0">Uke 30<\/h1>/);
  assert.match(html, /<section id="status" data-line="11">\n<h2 data-line="11">Status<\/h2>/);
  assert.match(html, /<a class="reference external" href="https:\/\/trello.com\/norcams">Trello<\/a>/);
  assert.match(html, /<a class="reference external" href="https:\/\/trello.com\/b\/x">wiki<\/a>/);
  assert.match(html, /<nav class="contents"[\s\S]*href="#status"[\s\S]*href="#planlagte-aktiviteter"[\s\S]*<\/nav>/);
  assert.match(html, /<li data-line="14"><p data-line="14">Ferdig med <em>imagebuilder<\/em><\/p>/);
  assert.match(html, /<ol class="arabic period"[^>]*>\n<li[^>]*><p[^>]*>delsteg<\/p>/);
  assert.match(html, /<dt[^>]*>Term<\/dt>\n<dd><p[^>]*>Definisjon<\/p>/);
});

test('code blocks, admonitions, images, figures, tables and toctree from text', () => {
  const ws = new WorkspaceIndex('/ws/docs', ['/ws/docs/status/reports/2017/uke_29.rst', '/ws/docs/status/reports/2017/uke_28.rst']);
  ws.setTitle('/ws/docs/status/reports/2017/uke_29.rst', 'Uke 29');
  const text = [
    'Rapport', '=======', '',
    '.. code-block:: bash', '', '   echo "<b>hi</b>"', '',
    '.. note::', '', '   Husk *dette*.', '',
    '.. image:: /images/graf.png', '   :width: 50%', '   :alt: En graf', '',
    '.. figure:: bilde.png', '', '   Bildetekst', '',
    '+-----+-----+', '| a   | b   |', '+=====+=====+', '| c         |', '+-----------+', '',
    '=====  =====', 'x      y', '=====  =====', '1      2', '=====  =====', '',
    '.. toctree::', '   :glob:', '', '   uke_*', '',
    'Se :doc:`uke_29` og `default role`.', '',
  ].join('\n');
  const html = render(text, { workspace: ws, resolveResource: (abs) => `res:${abs}` });
  assert.match(html, /<pre class="code bash literal-block"><code>echo &quot;&lt;b&gt;hi&lt;\/b&gt;&quot;<\/code><\/pre>/);
  assert.match(html, /<aside class="admonition note">\n<p class="admonition-title">Note<\/p>\n<p>Husk <em>dette<\/em>.<\/p>/);
  assert.match(html, /<img alt="En graf" src="res:\/ws\/docs\/images\/graf.png" data-width="50%" \/>/);
  assert.match(html, /<figure>\n<img alt="bilde.png" src="res:\/ws\/docs\/status\/reports\/2017\/bilde.png" \/>\n<figcaption>\n<p>Bildetekst<\/p>/);
  assert.match(html, /<thead>\n<tr><th class="head"><p>a<\/p>/);
  assert.match(html, /<td colspan="2"><p>c<\/p>/);
  assert.match(html, /<th class="head"><p>x<\/p>\n<\/th>\n<th class="head"><p>y<\/p>/);
  assert.match(html, /<div class="toctree-wrapper compound">\n<ul>\n<li class="toctree-l1"><a class="reference internal" href="uke_28.html">status\/reports\/2017\/uke_28<\/a><\/li>\n<li class="toctree-l1"><a class="reference internal" href="uke_29.html">Uke 29<\/a><\/li>/);
  assert.match(html, /<a class="reference internal" href="uke_29.html"><span class="doc">Uke 29<\/span><\/a>/);
  assert.match(html, /<cite>default role<\/cite>/);
});

test('directives docutils rejects show only their error; unresolved footnote and citation references show as written', () => {
  // content missing, content not permitted, an argument missing: nothing but the error, as Sphinx builds it
  for (const text of ['.. note::\n', '.. image:: a.png\n\n   Not a caption.\n', '.. figure::\n\n   Caption\n', '.. topic:: T\n',
    '.. image:: a.png\n   :widht: 5\n', '.. note::\n   :class: x\n   No blank line.\n']) {
    const html = render(text);
    assert.match(html, /class="wr-problem wr-problem-error"/, text);
    assert.equal(html.replace(/<aside class="wr-problem[^"]*" role="note">.*?<\/aside>/g, '').trim(), '', text);
  }
  // an unknown directive still shows its text; either way a title after it is the document's title (h1)
  assert.match(render('.. frob:: x\n'), /<pre class="literal-block wr-unknown-directive">\.\. frob:: x<\/pre>/);
  assert.match(render('.. note::\n\nTitle\n=====\n\nText.\n'), /<h1 class="title" id="title">Title<\/h1>/);
  assert.match(render('.. frob::\n\nTitle\n=====\n\nText.\n'), /<h1 class="title" id="title">Title<\/h1>/);
  // docutils shows an unresolved reference's source text, marked problematic
  const refs = render('Text [CIT]_ and [1]_ and [#]_.\n');
  assert.match(refs, /<span class="problematic">\[CIT\]_<\/span> and <span class="problematic">\[1\]_<\/span> and <span class="problematic">\[#\]_<\/span>/);
  // an unnamed auto-numbered footnote is named by its number: [1]_ links to it (without a back-link)
  const auto = render('See [1]_.\n\n.. [#] Auto.\n');
  assert.match(auto, /<a class="footnote-reference brackets" href="#footnote-1"[^>]*>/);
  assert.doesNotMatch(auto, /doc-backlink/);
});

test('a footnote reference in a heading: left out of the contents entry, numbered once, in document order', () => {
  // docutils: the entry is "Status " (ContentsFilter skips footnote and citation references); the heading
  // gets [1] and the paragraph [2] (the contents must not take an auto-number before the body)
  const html = render('.. contents::\n\nStatus [#]_ [CIT]_\n================\n\nText [#]_.\n\n.. [#] first\n.. [#] second\n');
  assert.match(html, /id="toc-entry-1">Status  <\/a>/);
  assert.match(html, /<h2>Status <a class="footnote-reference brackets" href="#footnote-1"[^>]*><span class="fn-bracket">\[<\/span>1</);
  assert.match(html, /<p>Text <a class="footnote-reference brackets" href="#footnote-2"[^>]*><span class="fn-bracket">\[<\/span>2</);
});

test('the line-block directive renders as `|` lines do: inline markup, nested by indentation', () => {
  const html = render('.. line-block::\n\n   First *em*\n      indented\n   back\n');
  assert.equal(html.trim(), [
    '<div class="line-block">', '<div class="line">First <em>em</em></div>', '<div class="line-block">', '<div class="line">indented</div>', '</div>',
    '<div class="line">back</div>', '</div>',
  ].join('\n'));
});

test('documentTitle is the first section title, wherever it starts (as Sphinx takes it)', () => {
  assert.equal(documentTitle(parse('Intro paragraph.\n\nUke 30\n======\n\nText.\n')), 'Uke 30');
  assert.equal(documentTitle(parse('.. note::\n\n======\nUke 31\n======\n')), 'Uke 31');
  assert.equal(documentTitle(parse('Only text.\n')), undefined);
});

test('problems appear inline where docutils puts system messages; the document still renders', () => {
  const html = render('Tittel\n=====\n\nTekst med `uavsluttet\n\n  innrykk\n', { dataLines: true });
  assert.match(html, /<aside class="wr-problem/);
  assert.match(html, /<h1 class="title"/);
  assert.match(html, /uavsluttet/);
});

test('hostile documents produce no executable or loading HTML', () => {
  const hostile = [
    '.. raw:: html\n\n   <script>alert(1)</script><img src=x onerror=alert(2)>\n',
    'Text <script>alert(3)</script> and <img src=x onerror=alert(4)> &lt;b&gt;\n',
    '`click <javascript:alert(5)>`_ and `x <JaVaScRiPt:alert(1)>`__ and `d <data:text/html;base64,PHNjcmlwdD4=>`_\n',
    '.. _evil: javascript:alert(6)\n\nSee evil_.\n',
    '`v <vbscript:msgbox(1)>`_\n',
    '.. image:: x.png" onerror="alert(7)\n   :alt: a" onload="alert(8)\n   :width: 10px" onmouseover="alert(9)\n   :target: javascript:alert(10)\n   :align: center" onclick="x\n   :class: a" onfocus="y\n',
    '.. figure:: javascript:alert(11)\n   :figwidth: 1px;background:url(javascript:x)\n\n   caption <script>\n',
    '.. image:: data:image/svg+xml,<svg onload=alert(12)>\n',
    '.. |x| image:: javascript:alert(13)\n\n|x|_\n\n.. _x: javascript:alert(14)\n',
    ':raw-html:`<script>alert(15)</script>`\n\n.. role:: raw-html(raw)\n   :format: html\n',
    '.. code-block:: html" onload="x\n\n   <script>alert(16)</script>\n',
    '.. toctree::\n\n   evil <javascript:alert(17)>\n',
    '.. admonition:: <script>alert(18)</script>\n\n   body\n',
    'https://example.org/"onmouseover="alert(19)\n',
    '.. |date| date:: <script>%Y\n\n|date|\n',
    '`x <java&#115;cript:alert(20)>`_ `y <\tjavascript:alert(21)>`_\n',
  ];
  for (const doc of hostile) {
    for (const o of [{}, { resolveResource: (abs: string) => `https://file+.vscode-resource.vscode-cdn.net${abs}` }, { allowHttpsImages: true }] as Partial<RenderOptions>[]) {
      assertInert(render(doc, o), JSON.stringify(doc).slice(0, 60));
    }
    const standalone = renderStandaloneHtml(doc, PATH);
    const body = standalone.slice(standalone.indexOf('<main'), standalone.indexOf('</main>'));
    assertInert(body.replace(/^<main class="wr-document">/, ''), 'standalone ' + JSON.stringify(doc).slice(0, 40));
    assert.doesNotMatch(standalone, /<script/i);
  }
  assert.match(render(hostile[0]), /<pre class="literal-block wr-raw" data-format="html">&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('never throws: random and mutated documents (fuzz)', () => {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pieces = ['=', '-', '*', '`', '_', ':', '|', '+', '.. ', '::', '\n', '\n\n', '  ', '   ', 'a', 'Tittel', '[#]_', '[1]', '.. [#] ', '|x|', '.. |x| replace:: ', '<', '>', '&', '"', '\t', '\r\n', '1.', '#.', '- ', '.. contents::', '.. toctree::\n   :glob:\n\n   *', '.. image:: ', ':doc:`', '__', 'é', '\u0000', '\ud800',
    "'", '\\', '--', '...', '\u00a0', '.. parsed-literal::\n\n   '];
  const corpus = DOCS ? readFileSync(resolve(DOCS, 'status/reports/2017/uke_30.rst'), 'utf8') : 'Uke\n===\n\n- a\n';
  const ws = new WorkspaceIndex('/ws/docs', ['/ws/docs/a.rst', '/ws/docs/status/reports/2017/uke_29.rst']);
  for (let i = 0; i < 400; i++) {
    let text: string;
    if (i % 2 === 0) {
      text = '';
      const n = Math.floor(rnd() * 80);
      for (let j = 0; j < n; j++) text += pieces[Math.floor(rnd() * pieces.length)];
    } else {
      const chars = corpus.split('');
      for (let j = 0; j < 10; j++) {
        const at = Math.floor(rnd() * chars.length);
        chars.splice(at, Math.floor(rnd() * 5), pieces[Math.floor(rnd() * pieces.length)]);
      }
      text = chars.join('');
    }
    const html = render(text, { workspace: ws, dataLines: true, smartQuotes: [false, 'en', 'fr'][i % 3] as string | false });
    assert.equal(typeof html, 'string');
    assert.doesNotMatch(html, /wr-render-failed/, `render failed on ${JSON.stringify(text).slice(0, 200)}`);
    assertInert(html, 'fuzz');
  }
});

test('speed: a typical report (2017/uke_30.rst) renders in < 5 ms median; re-render cost independent of workspace size', { skip: DOCS ? false : 'corpus missing' }, () => {
  const file = resolve(DOCS, 'status/reports/2017/uke_30.rst');
  const text = readFileSync(file, 'utf8');
  const median = (f: () => void, n: number) => {
    const ts: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      f();
      ts.push(performance.now() - t0);
    }
    ts.sort((a, b) => a - b);
    return ts[Math.floor(n / 2)];
  };
  const small = new WorkspaceIndex('/ws/docs', ['/ws/docs/a.rst']);
  const big = new WorkspaceIndex('/ws/docs', Array.from({ length: 50_000 }, (_, i) => `/ws/docs/d${i % 100}/f${i}.rst`));
  const opts = (ws: WorkspaceIndex): RenderOptions => ({ path: file, workspace: ws, dataLines: true, allowHttpsImages: false });
  for (let i = 0; i < 30; i++) renderHtml(parse(text), text, opts(small)); // warm-up
  const parsed = parse(text);
  const renderOnly = median(() => renderHtml(parsed, text, opts(small)), 200);
  const parseAndRender = median(() => renderHtml(parse(text), text, opts(small)), 200);
  const bigWs = median(() => renderHtml(parse(text), text, opts(big)), 200);
  console.log(`render speed uke_30.rst: render ${renderOnly.toFixed(3)} ms, parse+render ${parseAndRender.toFixed(3)} ms median; with a 50,000-file workspace ${bigWs.toFixed(3)} ms`);
  assert.ok(parseAndRender < 5, `parse+render median ${parseAndRender} ms`);
  assert.ok(bigWs < 5 && bigWs < parseAndRender * 3 + 0.5, `workspace size must not matter: ${bigWs} vs ${parseAndRender} ms`);
});
