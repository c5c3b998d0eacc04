import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core/rst/parser';
import { WorkspaceIndex } from '../../server/src/core/workspace';
import { analyse } from '../../server/src/core/engine';
import type { ParseResult } from '../../server/src/core/rst/ast';
import type { TextEdit } from '../../server/src/core/types';
import type { FeatureDoc } from '../../server/src/core/features/nodes';
import { documentSymbols } from '../../server/src/core/features/symbols';
import { foldingRanges } from '../../server/src/core/features/folding';
import { selectionRangeAt } from '../../server/src/core/features/selection';
import { complete, type CompletionContext } from '../../server/src/core/features/completion';
import { hover } from '../../server/src/core/features/hover';
import { definition, documentLinks } from '../../server/src/core/features/navigation';
import { LinkGraph } from '../../server/src/core/features/linkGraph';
import { renameFileEdits, renameFolderEdits } from '../../server/src/core/features/rename';
import { adornmentFixes, adornmentOnType } from '../../server/src/core/features/adornment';

const DOCS = path.resolve(__dirname, '../../../../shared/corpus/norcams-iaas/docs');
const hasCorpus = fs.existsSync(DOCS);
const R = DOCS + '/status/reports';

function listFiles(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.') || name === '_build') continue;
    const p = dir + '/' + name;
    if (fs.statSync(p).isDirectory()) listFiles(p, out);
    else out.push(p);
  }
  return out;
}

const texts = new Map<string, string>();
const parses = new Map<string, ParseResult>();
let ws: WorkspaceIndex | undefined;
function corpus(): WorkspaceIndex {
  if (ws) return ws;
  ws = new WorkspaceIndex(DOCS);
  for (const f of listFiles(DOCS)) {
    ws.add(f);
    if (f.endsWith('.rst')) {
      const text = fs.readFileSync(f, 'utf8');
      texts.set(f, text);
      const parsed = parse(text);
      parses.set(f, parsed);
      const first = parsed.tree.children.find((b) => b.type === 'section');
      if (first && first.type === 'section') ws.setTitle(f, first.titleText);
    }
  }
  return ws;
}

function docOf(p: string, text?: string): FeatureDoc {
  const t = text ?? texts.get(p) ?? fs.readFileSync(p, 'utf8');
  return { path: p, text: t, parsed: text === undefined && parses.has(p) ? parses.get(p)! : parse(t) };
}

function ctxFor(doc: FeatureDoc, today = { year: 2019, month: 3, day: 4 }): CompletionContext {
  const a = analyse({ text: doc.text, path: doc.path, parsed: doc.parsed, workspace: ws, root: DOCS });
  return { ws, profile: a.profile, report: a.report, today, locale: 'nb' };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
  return text;
}

/** A document with a cursor marked by `|`. */
function withCursor(p: string, marked: string): { doc: FeatureDoc; offset: number } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { doc: docOf(p, text), offset };
}

const REPORT = `======
Uke 9
======

av Kari Nordmann, UH IaaS, 4. mars 2019

Oppdatert informasjon finnes i \`Trello\`_.

.. _Trello: https://trello.com/norcams

Status
======

- Montering av **ny** hardware
- Se :doc:\`../../../security/index\`

Planlagte aktiviteter
=====================

- Testing av vGPU

.. note:: Viktig
   tekst
`;

test('document symbols: the title with its sections, targets and named directives', () => {
  const doc = docOf('/ws/2019/uke_09.rst', REPORT);
  const syms = documentSymbols(doc);
  assert.equal(syms.length, 1);
  assert.equal(syms[0].name, 'Uke 9');
  assert.equal(syms[0].kind, 'title');
  assert.deepEqual(syms[0].children.map((c) => [c.kind, c.name]), [
    ['target', 'trello'],
    ['section', 'Status'],
    ['section', 'Planlagte aktiviteter'],
  ]);
  const planned = syms[0].children[2];
  assert.deepEqual(planned.children.map((c) => c.name), ['note']);
  for (const s of [syms[0], ...syms[0].children]) {
    assert.ok(s.start <= s.selectionStart && s.selectionEnd <= s.end, s.name);
    assert.equal(REPORT.slice(s.selectionStart, s.selectionEnd).toLowerCase(), s.kind === 'target' ? 'trello' : s.name.toLowerCase());
  }
});

test('folding ranges: sections, directive, list items', () => {
  const doc = docOf('/ws/2019/uke_09.rst', REPORT);
  const folds = foldingRanges(doc);
  const starts = folds.map((f) => REPORT.slice(f.start, REPORT.indexOf('\n', f.start)));
  assert.ok(starts.includes('======'), 'title section from its overline');
  assert.ok(starts.includes('Status'));
  assert.ok(starts.includes('Planlagte aktiviteter'));
  assert.ok(starts.includes('.. note:: Viktig'));
  for (const f of folds) assert.ok(f.end > f.start && f.end <= REPORT.length);
  const status = folds.find((f) => REPORT.startsWith('Status', f.start))!;
  assert.equal(REPORT.slice(status.end - 'security/index`'.length, status.end), 'security/index`', 'section fold ends at its last text');
});

test('selection ranges grow from the word to the document', () => {
  const doc = docOf('/ws/2019/uke_09.rst', REPORT);
  const at = REPORT.indexOf('hardware') + 2;
  const chain = selectionRangeAt(doc, at);
  const texts = chain.map((s) => REPORT.slice(s.start, s.end));
  assert.equal(texts[0], 'hardware');
  assert.ok(texts.includes('Montering av **ny** hardware'));
  assert.ok(texts.some((t) => t.startsWith('- Montering') && t.endsWith('security/index`')), 'the list');
  assert.ok(texts.some((t) => t.startsWith('Status\n======')), 'the section with its heading');
  assert.equal(texts[texts.length - 1], REPORT);
  for (let i = 1; i < chain.length; i++) assert.ok(chain[i].start <= chain[i - 1].start && chain[i].end >= chain[i - 1].end);
});

test('completion: :doc: paths from the workspace index with titles', { skip: !hasCorpus }, () => {
  corpus();
  const { doc, offset } = withCursor(`${R}/2019/uke_09.rst`, REPORT.replace(':doc:`../../../security/index`', ':doc:`../../../sec|`'));
  const res = complete(doc, offset, ctxFor(doc));
  const item = res.items.find((i) => i.label === '../../../security/index');
  assert.ok(item, 'security/index offered');
  assert.equal(item.detail, corpus().title(`${DOCS}/security/index.rst`));
  assert.ok(item.detail && item.detail.length > 0);
  assert.equal(doc.text.slice(item.edit.start, item.edit.end), '../../../sec');
  assert.ok(res.items.some((i) => i.label === '../2018/uke_46'), 'sibling reports, relative');
  assert.ok(!res.items.some((i) => i.label.endsWith('.rst')), 'document names without .rst');
});

test('completion: relative links offer .html pages and images', { skip: !hasCorpus }, () => {
  corpus();
  const { doc, offset } = withCursor(`${R}/2019/uke_09.rst`, REPORT.replace('Oppdatert informasjon', 'Se `referat <../work|>`_ og'));
  const res = complete(doc, offset, ctxFor(doc));
  assert.ok(res.items.some((i) => i.label === '../workshop/2018_workshop_1.html'), res.items.slice(0, 5).map((i) => i.label).join());
  const img = withCursor(`${R}/2019/uke_09.rst`, REPORT + '\n.. image:: |\n');
  const imgs = complete(img.doc, img.offset, ctxFor(img.doc)).items;
  assert.ok(imgs.length > 0 && imgs.every((i) => /\.(png|jpe?g|gif|svg|webp|bmp|pdf)$/i.test(i.label)));
});

test('completion: missing required sections at a heading position, underline to length', () => {
  const { doc, offset } = withCursor('/ws/2019/uke_09.rst', REPORT + '\n|\n');
  const res = complete(doc, offset, ctxFor(doc));
  const labels = res.items.map((i) => i.label);
  assert.deepEqual(labels, ['Utfordringer', 'Annet']);
  const annet = res.items[1];
  assert.equal(annet.edit.newText, 'Annet\n=====\n\n');
  // not in the middle of a paragraph, nor with text below
  const mid = withCursor('/ws/2019/uke_09.rst', REPORT + '\nVi har|\nmer tekst.\n');
  assert.deepEqual(complete(mid.doc, mid.offset, ctxFor(mid.doc)).items, []);
  // applying it gives a valid section
  const after = applyEdits(doc.text, [annet.edit]);
  assert.deepEqual(parse(after).problems.filter((p) => p.kind.includes('underline')), []);
});

test('completion: the underline being drawn, directive names and options, roles, target names', () => {
  let c = withCursor('/ws/2019/uke_09.rst', REPORT + '\nUtfordringer\n==|\n');
  let items = complete(c.doc, c.offset, ctxFor(c.doc)).items;
  assert.equal(items[0]?.edit.newText, '============');
  c = withCursor('/ws/2019/uke_09.rst', REPORT + '\n.. fig|\n');
  items = complete(c.doc, c.offset, ctxFor(c.doc)).items;
  assert.ok(items.some((i) => i.label === 'figure' && i.edit.newText === 'figure:: '));
  c = withCursor('/ws/2019/uke_09.rst', REPORT + '\n.. image:: a.png\n   :al|\n');
  items = complete(c.doc, c.offset, ctxFor(c.doc)).items;
  assert.ok(items.some((i) => i.label === ':alt:'));
  assert.ok(!items.some((i) => i.label === ':figwidth:'), 'options of image only');
  // every option the directive's class declares (the ones the parser accepts), the common ones first
  c = withCursor('/ws/2019/uke_09.rst', REPORT + '\n.. csv-table:: T\n   :|\n');
  const labels = complete(c.doc, c.offset, ctxFor(c.doc)).items.map((i) => i.label);
  assert.deepEqual(labels.slice(0, 2), [':header:', ':header-rows:']);
  assert.ok(labels.includes(':stub-columns:') && labels.includes(':keepspace:'), labels.join(' '));
  assert.equal(new Set(labels).size, labels.length, 'each once');
  c = withCursor('/ws/2019/uke_09.rst', REPORT + '\n.. hlist::\n   :|\n');
  assert.deepEqual(complete(c.doc, c.offset, ctxFor(c.doc)).items.map((i) => i.label), [':columns:']);
  c = withCursor('/ws/2019/uke_09.rst', REPORT + '\n.. constructor:: x\n   :al|\n');
  assert.doesNotThrow(() => complete(c.doc, c.offset, ctxFor(c.doc)), 'a directive named like an Object.prototype member has no options');
  c = withCursor('/ws/2019/uke_09.rst', REPORT.replace('finnes i `Trello`_', 'finnes i `Tre|'));
  items = complete(c.doc, c.offset, ctxFor(c.doc)).items;
  const trello = items.find((i) => i.label === 'Trello');
  assert.ok(trello, items.map((i) => i.label).join());
  assert.equal(trello.edit.newText, 'Trello`_');
  assert.ok(items.some((i) => i.label === 'Status'), 'section titles are implicit targets');
  c = withCursor('/ws/2019/uke_09.rst', REPORT.replace('- Testing av vGPU', '- Se :do|'));
  items = complete(c.doc, c.offset, ctxFor(c.doc)).items;
  assert.ok(items.some((i) => i.label === ':doc:' && i.snippet));
});

test("completion: today's date in the team's format and month names in the date line", () => {
  let c = withCursor('/ws/2019/uke_09.rst', REPORT.replace('4. mars 2019', '|'));
  let items = complete(c.doc, c.offset, ctxFor(c.doc, { year: 2019, month: 3, day: 5 })).items;
  assert.equal(items[0].label, '5.mars 2019', 'profile format D.MMMM YYYY when the line has no date yet');
  assert.ok(items.some((i) => i.label === '4.mars 2019' && /uke 9/.test(i.detail ?? '')), 'the Monday after the week');
  c = withCursor('/ws/2019/uke_09.rst', REPORT.replace('4. mars 2019', '4. ma|'));
  items = complete(c.doc, c.offset, ctxFor(c.doc)).items;
  assert.equal(items.length, 12);
  assert.ok(items.some((i) => i.label === 'mars'));
  assert.equal(c.doc.text.slice(items[0].edit.start, items[0].edit.end), 'ma');
});

test('completion: the title of an empty report from its file name', () => {
  const c = withCursor('/ws/2019/uke_09.rst', '|');
  const items = complete(c.doc, c.offset, ctxFor(c.doc)).items;
  assert.equal(items[0]?.label, 'Uke 9');
  assert.equal(items[0].edit.newText, '======\nUke 9\n======\n');
});

test('hover: date line week fit, section expectations, link target title', { skip: !hasCorpus }, () => {
  corpus();
  const ok = docOf(`${R}/2019/uke_08.rst`);
  const h = hover(ok, ok.text.indexOf('25. februar') + 2, { ...ctxFor(ok), preview: () => undefined });
  assert.ok(h);
  assert.match(h.markdown, /ISO-uke \*\*9\*\*/);
  assert.match(h.markdown, /✓/);
  const bad = docOf(`${R}/2016/2016_uke_22.rst`);
  const hb = hover(bad, bad.text.indexOf('06. mai') + 1, { ...ctxFor(bad), locale: 'en' });
  assert.ok(hb);
  assert.match(hb.markdown, /ISO week \*\*18\*\*/);
  assert.match(hb.markdown, /Does not fit the report's week 22/);
  const hs = hover(ok, ok.text.indexOf('Utfordringer\n') + 2, { ...ctxFor(ok), locale: 'en' });
  assert.ok(hs);
  assert.match(hs.markdown, /Utfordringer\*\*: required section 2 of 3/);
  const withDoc = docOf(`${R}/2016/2016_uke_13.rst`);
  const graph = new LinkGraph();
  const sec = `${DOCS}/security/index.rst`;
  graph.update(sec, texts.get(sec)!, parses.get(sec)!, ws);
  const hl = hover(withDoc, withDoc.text.indexOf('security/index') + 3, { ...ctxFor(withDoc), preview: (p) => graph.previewOf(p) });
  assert.ok(hl);
  assert.ok(hl.markdown.includes(ws!.title(sec)!.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1')), hl.markdown);
  assert.ok(hl.markdown.includes('```rst\n'), 'first lines of the target');
});

test('definition and document links: :doc:, relative .html links, named references', { skip: !hasCorpus }, () => {
  corpus();
  const d13 = docOf(`${R}/2016/2016_uke_13.rst`);
  const def = definition(d13, d13.text.indexOf('security/index'), ws);
  assert.deepEqual(def?.target, { path: `${DOCS}/security/index.rst` });
  const d46 = docOf(`${R}/2018/uke_46.rst`);
  const html = definition(d46, d46.text.indexOf('../change/week_46.html') + 3, ws);
  assert.deepEqual(html?.target, { path: `${R}/change/week_46.rst` });
  const doc = docOf('/ws/2019/uke_09.rst', REPORT);
  const named = definition(doc, REPORT.indexOf('`Trello`_') + 2, undefined);
  assert.ok(named && 'path' in named.target);
  assert.equal(REPORT.slice(named.target.start!, named.target.end!), 'Trello');
  const links = documentLinks(d46, ws);
  assert.ok(links.some((l) => 'path' in l.target && l.target.path === `${R}/change/week_46.rst`));
  assert.ok(links.some((l) => 'url' in l.target && l.target.url.startsWith('https://trello.com')));
});

test('references: the link graph answers who links to a document, and updates incrementally', { skip: !hasCorpus }, () => {
  const w = corpus();
  const graph = new LinkGraph();
  for (const [p, t] of texts) graph.update(p, t, parses.get(p)!, w);
  const target = `${R}/workshop/2016_workshop_2.rst`;
  const refs = graph.referencesTo(target);
  assert.ok(refs.some((r) => r.from === `${R}/2016/2016_uke_30.rst` && r.kind === 'doc'));
  for (const r of refs) assert.equal(texts.get(r.from)!.slice(r.start, r.end), r.written);
  // the broken links are indexed under the path they look for
  assert.equal(graph.referencesTo(`${DOCS}/status/plans/archive/production.rst`).length >= 7, true);
  // remove the link from one report: it no longer refers
  const p30 = `${R}/2016/2016_uke_30.rst`;
  const edited = texts.get(p30)!.replace(':doc:`../workshop/2016_workshop_2`', 'samlingen');
  graph.update(p30, edited, parse(edited), w);
  assert.ok(!graph.referencesTo(target).some((r) => r.from === p30));
  graph.update(p30, texts.get(p30)!, parses.get(p30)!, w);
  assert.ok(graph.referencesTo(target).some((r) => r.from === p30));
  graph.remove(p30);
  assert.ok(!graph.referencesTo(target).some((r) => r.from === p30));
});

test('rename a file: links to it are rewritten in their style, and the result resolves', { skip: !hasCorpus }, () => {
  const w = corpus();
  const graph = new LinkGraph();
  for (const [p, t] of texts) graph.update(p, t, parses.get(p)!, w);
  const from = `${R}/workshop/2018_workshop_1.rst`;
  const to = `${R}/samlinger/2018_vaar.rst`;
  const edits = renameFileEdits(graph, from, to, DOCS);
  const u11 = `${R}/2018/uke_11.rst`;
  const e = edits.get(u11);
  assert.ok(e && e.length > 0);
  const after = applyEdits(texts.get(u11)!, e);
  assert.ok(after.includes('<../samlinger/2018_vaar.html>`_'), 'relative .html link keeps its style');
  // in a workspace where the file has moved, the rewritten links resolve
  const moved = new WorkspaceIndex(DOCS, [...w.files()].filter((f) => f !== from).concat(to));
  const g2 = new LinkGraph();
  g2.update(u11, after, parse(after), moved);
  assert.ok(g2.linksOf(u11).filter((l) => l.target === to).every((l) => l.ok));
  assert.ok(g2.linksOf(u11).some((l) => l.target === to));
  // :doc: style: no .rst, relative
  const docFrom = `${R}/workshop/2016_workshop_2.rst`;
  const e2 = renameFileEdits(graph, docFrom, `${R}/workshop/old/2016_workshop_2.rst`, DOCS).get(`${R}/2016/2016_uke_30.rst`)!;
  assert.ok(applyEdits(texts.get(`${R}/2016/2016_uke_30.rst`)!, e2).includes(':doc:`../workshop/old/2016_workshop_2`'));
  // moving a folder moves the links to every file in it
  const fe = renameFolderEdits(graph, w.files(), `${R}/workshop`, `${R}/samlinger`, DOCS);
  assert.ok(applyEdits(texts.get(u11)!, fe.get(u11)!).includes('<../samlinger/2018_workshop_1.html>`_'));
});

test('adornment follows the heading: quick fix and on-type', () => {
  const text = 'Uke 10\n====\n\nStatus endret\n======\n\nTekst.\n';
  const doc = docOf('/ws/x.rst', text);
  const fixes = adornmentFixes(doc);
  assert.deepEqual(fixes.map((f) => [text.slice(f.start, f.end), f.current, f.wanted]), [['Uke 10', 4, 6], ['Status endret', 6, 13]]);
  const fixed = applyEdits(text, fixes.flatMap((f) => f.edits));
  assert.equal(fixed, 'Uke 10\n======\n\nStatus endret\n=============\n\nTekst.\n');
  assert.deepEqual(adornmentFixes(docOf('/ws/x.rst', fixed)), []);
  // on type: shrink and grow, overlines too
  const t2 = '======\nUke 10\n======\n\nAnnet mer\n=====\n';
  const e1 = adornmentOnType(t2, t2.indexOf('Uke 10') + 6);
  assert.equal(applyEdits(t2, e1), t2, 'already matching');
  const t3 = t2.replace('Uke 10', 'Uke 100');
  assert.equal(applyEdits(t3, adornmentOnType(t3, t3.indexOf('Uke 100') + 7)), '=======\nUke 100\n=======\n\nAnnet mer\n=====\n');
  assert.equal(applyEdits(t2, adornmentOnType(t2, t2.indexOf('mer'))), '======\nUke 10\n======\n\nAnnet mer\n=========\n');
  assert.deepEqual(adornmentOnType('a paragraph\nline two\n', 3), []);
});

test('completion latency on a 500-file workspace', () => {
  const big = new WorkspaceIndex('/big');
  for (let i = 0; i < 500; i++) {
    const y = 2000 + Math.floor(i / 50);
    const f = `/big/reports/${y}/uke_${String((i % 50) + 1).padStart(2, '0')}.rst`;
    big.add(f);
    big.setTitle(f, `Uke ${(i % 50) + 1}`);
  }
  const { doc, offset } = withCursor('/big/reports/2009/uke_51.rst', REPORT.replace(':doc:`../../../security/index`', ':doc:`../|`'));
  const ctx = ctxFor(doc);
  ctx.ws = big;
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    n = complete(doc, offset, ctx).items.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[15];
  assert.equal(n, 500);
  console.log(`# completion latency, 500-file workspace: median ${median.toFixed(2)} ms, max ${times[29].toFixed(2)} ms (${n} items)`);
  assert.ok(median < 50, `median ${median} ms`);
});

test('providers never throw: every offset of odd documents', () => {
  const odd = [
    '',
    '\n\n\n',
    '=====\n',
    'Uke\n===\n\nav , , \n\n.. \n   :\n`<`_ :doc:`\n|x|_ [#]_ __ `a <b>`__\n',
    '\u0000\u0001binary\r\n\r\n===\r\nx\r\n===\r\n',
    '*'.repeat(200) + '\n' + '`'.repeat(101),
    REPORT.replace(/\n/g, '\r\n'),
    REPORT.slice(0, 137),
  ];
  const ctx = ctxFor(docOf('/ws/2019/uke_09.rst', REPORT));
  for (const text of odd) {
    const doc = docOf('/ws/2019/uke_09.rst', text);
    documentSymbols(doc);
    foldingRanges(doc);
    adornmentFixes(doc);
    documentLinks(doc, undefined);
    for (let o = 0; o <= text.length; o++) {
      complete(doc, o, { ...ctx, report: undefined });
      complete(doc, o, ctx);
      hover(doc, o, ctx);
      definition(doc, o, undefined);
      selectionRangeAt(doc, o);
      adornmentOnType(text, o);
    }
  }
});
