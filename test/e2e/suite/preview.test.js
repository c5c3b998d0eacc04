'use strict';
// Live preview in a real VS Code: open a corpus report, open the preview to the side, check the headings
// and links the webview actually painted (read back from its DOM with each paint acknowledgement), edit the
// source and see the change, measure keystroke → paint, follow a relative link, export HTML, hostile text.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

const REPORT = 'status/reports/2017/uke_22.rst';

function state() {
  return vscode.commands.executeCommand('weeklyReport._previewState');
}

/** Wait until the webview acknowledged painting `version` (or newer). */
async function painted(version, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ms = await vscode.commands.executeCommand('weeklyReport._previewWaitPainted', version, Math.max(1, deadline - Date.now()));
    const s = await state();
    if (s && s.paintedVersion >= version) return { state: s, ms };
    if (Date.now() >= deadline) throw new Error(`timed out waiting for the preview to paint version ${version} (${what}); state: ${JSON.stringify(s && { paintedVersion: s.paintedVersion, sentVersion: s.sentVersion, uri: s.uri })}`);
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

suite('preview', () => {
  let doc;
  let editor;
  let baselineScripts = 0;

  suiteSetup(async function () {
    this.timeout(90000);
    await h.activate();
    doc = await h.open(REPORT);
    editor = vscode.window.activeTextEditor;
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Open Preview to the Side renders the report: headings and links painted in the webview', async function () {
    this.timeout(60000);
    await vscode.commands.executeCommand('weeklyReport.showPreviewToSide');
    const { state: s } = await painted(doc.version, 'first paint', 40000);
    assert.equal(s.uri, doc.uri.toString(), 'the preview shows the active report');
    assert.match(s.html, /<h1 class="title" id="uke-22" data-line="\d+">Uke 22<\/h1>/);
    assert.match(s.html, /<section id="status" data-line="\d+">/);
    assert.ok(s.dom, 'the webview reported its DOM');
    assert.ok(s.dom.headings.includes('h1:Uke 22'), `headings in the webview: ${s.dom.headings.join(' | ')}`);
    assert.ok(s.dom.headings.includes('h2:Status'), `headings in the webview: ${s.dom.headings.join(' | ')}`);
    assert.ok(s.dom.links.includes('https://trello.com/norcams'), `links in the webview: ${s.dom.links.join(' | ')}`);
    assert.ok(s.dom.links.includes('../change/week_22.html'), 'relative link kept');
    assert.ok(s.dom.links.includes('#status'), 'contents links to the section anchors');
    // VS Code injects its own webview script; besides it, only ours (media/preview.js)
    const ours = s.dom.scripts.filter((x) => /preview\.js/.test(x));
    assert.equal(ours.length, 1, `preview script present: ${s.dom.scripts.join(' | ')}`);
    baselineScripts = s.dom.scripts.length;
    // the editor keeps the focus (to the side)
    assert.equal(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString(), doc.uri.toString());
  });

  test('editing the source updates the preview; keystroke → paint is measured', async function () {
    this.timeout(120000);
    const add = '\nNytt avsnitt\n============\n\nLagt til i testen.\n';
    await editor.edit((e) => e.insert(doc.lineAt(doc.lineCount - 1).range.end, add));
    let { state: s } = await painted(doc.version, 'after adding a section');
    assert.ok(s.dom.headings.includes('h2:Nytt avsnitt'), `new heading painted: ${s.dom.headings.join(' | ')}`);
    assert.match(s.html, /<section id="nytt-avsnitt"/);

    // keystrokes: one character at a time at the end of a paragraph, each awaited until painted
    const line = doc.lineCount - 2; // "Lagt til i testen."
    const times = [];
    const changeToPaint = [];
    const parts = [];
    for (let i = 0; i < 25; i++) {
      const pos = doc.lineAt(line).range.end;
      const t0 = performance.now();
      const ok = await editor.edit((e) => e.insert(pos, i % 5 === 2 ? ' ' : 'x'), { undoStopBefore: false, undoStopAfter: false });
      assert.ok(ok, 'edit applied');
      const r = await painted(doc.version, `keystroke ${i}`);
      times.push(performance.now() - t0);
      if (typeof r.ms === 'number') changeToPaint.push(r.ms);
      s = r.state;
      if (s.timing) parts.push(s.timing);
    }
    const warm = times.slice(5);
    const med = median(warm);
    const p90 = [...warm].sort((a, b) => a - b)[Math.floor(warm.length * 0.9)];
    console.log(`[e2e] [preview] keystroke → paint: median ${med.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms over ${warm.length} edits` +
      (changeToPaint.length ? `; change event → paint median ${median(changeToPaint.slice(5)).toFixed(1)} ms` : '') +
      `; render ${s.renderMs.toFixed(2)} ms` +
      (parts.length > 5 ? `; host→webview ${median(parts.slice(5).map((p) => p.toWebview))} ms, patch ${median(parts.slice(5).map((p) => p.patch))} ms, paint ${median(parts.slice(5).map((p) => p.paint))} ms, ack→host ${median(parts.slice(5).map((p) => p.back))} ms` : ''));
    assert.match(s.html, /Lagt til i testen\.[x ]{25}/, 'last keystroke visible in the preview');
    assert.ok(med < 250, `keystroke → paint median ${med} ms`);
  });

  test('quotes, dashes and ellipses are shown as Sphinx builds them, and plain with the setting off', async function () {
    this.timeout(60000);
    const add = '\n"Nye" servere -- status...\n===========================\n';
    await editor.edit((e) => e.insert(doc.lineAt(doc.lineCount - 1).range.end, add));
    let { state: s } = await painted(doc.version, 'after adding a heading with quotes');
    // the workspace's conf.py leaves `language` unset: Sphinx's English quotes
    assert.ok(s.dom.headings.includes('h2:\u201cNye\u201d servere \u2013 status\u2026'), `heading painted with smart quotes: ${s.dom.headings.join(' | ')}`);
    const cfg = vscode.workspace.getConfiguration('weeklyReport.preview');
    await cfg.update('smartQuotes', false, vscode.ConfigurationTarget.Workspace);
    try {
      // the next render reads the setting: make one with an edit, and wait for its paint
      await editor.edit((e) => e.insert(doc.lineAt(doc.lineCount - 1).range.end, '\n'));
      ({ state: s } = await painted(doc.version, 'after turning smart quotes off'));
      assert.ok(s.dom.headings.includes('h2:"Nye" servere -- status...'), `heading painted as written: ${s.dom.headings.join(' | ')}`);
    } finally {
      await cfg.update('smartQuotes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // a Norwegian project (conf.py: language = 'nb'): « », read when conf.py changes, without an edit
    const conf = path.join(h.wsRoot(), 'conf.py');
    const original = fs.readFileSync(conf, 'utf8');
    fs.writeFileSync(conf, original + "\nlanguage = 'nb'\n");
    try {
      const want = 'h2:\u00abNye\u00bb servere \u2013 status\u2026';
      const deadline = Date.now() + 20000;
      for (;;) {
        s = await state();
        if (s && s.dom && s.dom.headings.includes(want)) break;
        if (Date.now() > deadline) throw new Error(`Norwegian quotes not painted after conf.py changed: ${s && s.dom && s.dom.headings.join(' | ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      fs.writeFileSync(conf, original);
    }
    // and back (the tests after this one see the workspace as it was)
    const english = 'h2:\u201cNye\u201d servere \u2013 status\u2026';
    const until = Date.now() + 20000;
    for (;;) {
      s = await state();
      if (s && s.dom && s.dom.headings.includes(english)) break;
      if (Date.now() > until) throw new Error(`English quotes not painted after conf.py was restored: ${s && s.dom && s.dom.headings.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  test('scroll sync both ways, without a feedback loop', async function () {
    this.timeout(60000);
    // a longer document so both sides can scroll
    const filler = Array.from({ length: 60 }, (_, i) => `\nAvsnitt ${i}\n-----------\n\nTekst ${i} som fyller opp forhåndsvisningen.\n`).join('');
    await editor.edit((e) => e.insert(doc.lineAt(doc.lineCount - 1).range.end, filler));
    await painted(doc.version, 'long document');
    const waitFor = async (pred, what) => {
      const deadline = Date.now() + 15000;
      for (;;) {
        const s = await state();
        if (pred(s)) return s;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(s.scroll)}; editor top ${editor.visibleRanges[0].start.line}`);
        await new Promise((r) => setTimeout(r, 30));
      }
    };
    // editor → preview
    const target = Math.floor(doc.lineCount * 0.5);
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    let s = await waitFor((x) => x.scroll.webviewTopLine !== undefined && Math.abs(x.scroll.webviewTopLine - editor.visibleRanges[0].start.line) <= 8, 'the preview to follow the editor');
    // preview → editor (a moment later, as a user would)
    await new Promise((r) => setTimeout(r, 500));
    const before = (await state()).scroll;
    const up = Math.floor(doc.lineCount * 0.25);
    await vscode.commands.executeCommand('weeklyReport._previewUserScroll', up);
    s = await waitFor((x) => x.scroll.fromPreview > before.fromPreview && Math.abs(editor.visibleRanges[0].start.line - up) <= 8, `the editor to follow the preview to line ${up}`);
    // no feedback loop: the editor scroll caused by the preview is not sent back
    const settled = (await state()).scroll;
    await new Promise((r) => setTimeout(r, 600));
    const after = (await state()).scroll;
    assert.equal(after.toPreview, settled.toPreview, `no editor→preview scroll echoed back (${JSON.stringify({ settled, after })})`);
    assert.ok(after.fromPreview - settled.fromPreview <= 1, `no preview→editor ping-pong (${JSON.stringify({ settled, after })})`);
  });

  test('a relative link opens the target document and the preview follows it', async function () {
    this.timeout(60000);
    await vscode.commands.executeCommand('weeklyReport._previewOpenLink', '../change/week_22.html');
    const target = h.uri('status/reports/change/week_22.rst').toString();
    const deadline = Date.now() + 20000;
    let s;
    while (Date.now() < deadline) {
      s = await state();
      if (s && s.uri === target && s.paintedVersion >= 0 && s.dom && s.dom.headings.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.toString(), target, 'target opened in the editor');
    assert.equal(s && s.uri, target, 'preview follows the opened document');
    // back to the report
    await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn });
    await painted(doc.version, 'back to the report');
    const back = await state();
    assert.equal(back.uri, doc.uri.toString());
  });

  test('Export to HTML writes a standalone document without script', async function () {
    this.timeout(30000);
    const out = h.uri('uke_22-export.html');
    await vscode.commands.executeCommand('weeklyReport.exportHtml', doc.uri, out);
    const html = fs.readFileSync(out.fsPath, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<style>/);
    assert.match(html, /<h1 class="title" id="uke-22">Uke 22<\/h1>/);
    assert.match(html, />\u201cNye\u201d servere \u2013 status\u2026</, 'smart quotes in the export too (the heading added above)');
    assert.doesNotMatch(html, /<script/i);
    fs.unlinkSync(out.fsPath);
  });

  test('Copy as HTML puts the standalone document on the clipboard', async function () {
    this.timeout(30000);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('weeklyReport.copyHtml', doc.uri);
    const text = await vscode.env.clipboard.readText();
    if (text === '') this.skip(); // no clipboard in this browser session
    assert.match(text, /^<!DOCTYPE html>/);
    assert.match(text, /<h1 class="title" id="uke-22">Uke 22<\/h1>/);
    assert.doesNotMatch(text, /<script/i);
  });

  test('a hostile document runs nothing in the webview', async function () {
    this.timeout(60000);
    const hostile = 'Farlig\n======\n\n.. raw:: html\n\n   <script>document.title="pwned"</script>\n\n' +
      'Tekst <script>alert(1)</script> `lenke <javascript:alert(2)>`_\n\n.. image:: x.png" onerror="alert(3)\n';
    const file = path.join(h.wsRoot(), 'status', 'reports', 'hostile.rst');
    fs.writeFileSync(file, hostile);
    const hdoc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(hdoc, { viewColumn: editor.viewColumn });
    const deadline = Date.now() + 20000;
    let s;
    while (Date.now() < deadline) {
      s = await state();
      if (s && s.uri === hdoc.uri.toString() && s.dom && s.dom.headings.includes('h1:Farlig')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(s && s.dom && s.dom.headings.includes('h1:Farlig'), 'hostile document painted');
    assert.equal(s.dom.scripts.length, baselineScripts, `no script element added by the document: ${s.dom.scripts.join(' | ')}`);
    assert.ok(!s.dom.scripts.some((x) => /pwned|alert/.test(x)), 'no script from the document');
    assert.equal(s.dom.title, 'Weekly Report Preview', 'document.title untouched by the raw script');
    assert.ok(!s.dom.links.some((l) => /^javascript:/i.test(l)), 'no javascript: link');
    assert.doesNotMatch(s.html, /<script/i);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    fs.unlinkSync(file);
  });
});
