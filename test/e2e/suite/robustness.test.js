'use strict';
// The language server under abuse: 1,000 rapid edits without waiting, and deliberately broken
// documents (binary junk, a huge line, deep nesting). Afterwards it must still answer: diagnostics
// follow the last version of the text, code actions come back, the client is still running.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

const REL = 'status/reports/2018/uke_08.rst';

async function stillAnswers(api, label) {
  assert.equal(api.client.isRunning(), true, `${label}: the language client is still running`);
  const abs = path.join(h.wsRoot(), REL);
  const expected = h.cliSummary(h.cliCheck([abs]).get(abs) || []);
  const doc = await h.open(REL);
  const original = doc.getText();
  // A fresh change must be answered: break the title week, expect a title.* finding, then restore.
  await h.setText(doc, original.replace(/\nUke 8\n/, '\nUke 9\n'));
  await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x).startsWith('title.')), `${label}: a title.* finding after a fresh edit`);
  await h.setText(doc, original);
  await h.waitForDiagnostics(doc.uri, (d) => JSON.stringify(h.summary(d)) === JSON.stringify(expected), `${label}: the CLI's findings again [${expected.join(', ')}]`);
  const actions = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0))), 15000, `${label}: code actions`);
  assert.ok(Array.isArray(actions), `${label}: code actions answered`);
}

suite('robustness', () => {
  let api;
  suiteSetup(async () => { api = await h.activate(); });

  test('1,000 rapid edits: diagnostics follow the last version', async function () {
    this.timeout(180000);
    const doc = await h.open(REL);
    const original = doc.getText();
    const titleLine = 1; // "Uke 8"
    const t0 = Date.now();
    // Each edit replaces the week digit ("Uke 8") with another digit: a fixed, same-length range, so
    // the edits stay valid in whatever order the editor applies them. They are sent 50 at a time
    // without waiting for the server in between.
    const digit = new vscode.Range(titleLine, 4, titleLine, 5);
    assert.equal(doc.getText(digit), '8');
    let pending = [];
    for (let i = 0; i < 1000; i++) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, digit, String((i * 7) % 10));
      pending.push(vscode.workspace.applyEdit(edit));
      if (pending.length === 50) {
        assert.ok((await Promise.all(pending)).every(Boolean), 'edits applied');
        pending = [];
      }
    }
    const ms = Date.now() - t0;
    console.log(`[e2e]     1,000 edits applied in ${ms} ms`);
    // The last version: week 9 in uke_08.rst — the title finding must show for it.
    const last = new vscode.WorkspaceEdit();
    last.replace(doc.uri, digit, '9');
    assert.ok(await vscode.workspace.applyEdit(last));
    assert.equal(doc.getText(), original.replace('\nUke 8\n', '\nUke 9\n'), 'only the week digit changed');
    await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x).startsWith('title.') && x.range.start.line === titleLine), 'a title.* finding on line 2 for the last version ("Uke 9" in uke_08.rst)');
    await h.setText(doc, original);
    await doc.save();
    await stillAnswers(api, 'after 1,000 edits');
  });

  test('a broken document (binary junk, a 200 KB line, 300-deep lists) does not bring the server down', async function () {
    this.timeout(120000);
    let junk = '';
    let seed = 12345;
    for (let i = 0; i < 20000; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; junk += String.fromCharCode(seed % 256); }
    const nested = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    // A 200 KB line, ending in unbalanced inline markup. (Each unbalanced start-string is a finding,
    // as docutils warns; 1,000 of each keep the diagnostics list reasonable. The parser's linear time
    // on 100 KB of them is a unit test's job.)
    const huge = 'lorem ipsum '.repeat(16000) + '`'.repeat(1000) + '*a '.repeat(1000);
    // (the huge line first: it is the first line over docutils' line-length limit, checked below)
    const text = `======\nUke 8\n======\n\n${huge}\n\n${junk}\n\n${nested}\n\n.. image:: \u0000\n\`unterminated <http://x\n`;
    // VS Code refuses to open a binary file, so the junk is typed into a report instead.
    const abs = path.join(h.wsRoot(), 'status/reports/2018/uke_50.rst');
    fs.writeFileSync(abs, '======\nUke 50\n======\n');
    try {
      // Opened, not shown: the language client syncs every open document, and the browser need not
      // render a 150 KB line.
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(abs));
      assert.equal(doc.languageId, 'restructuredtext');
      await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x).startsWith('section.')), 'section.* findings on a report with a title only');
      let t0 = Date.now();
      await h.setText(doc, text);
      console.log(`[e2e]     broken document (${text.length} chars) sent in ${Date.now() - t0} ms`);
      t0 = Date.now();
      await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x).startsWith('title.')), 'a title.* finding on the broken document ("Uke 8" in uke_50.rst)', 30000);
      console.log(`[e2e]     its diagnostics came ${Date.now() - t0} ms later`);
      // docutils (and so Sphinx) would show only an error for this page: its 200 KB line is over the
      // line-length limit of 10,000 characters. The error starts where that line starts.
      // (VS Code normalises the junk's line breaks, so look the line up in the document's own text)
      const hugeAt = doc.positionAt(doc.getText().indexOf(huge));
      const limit = vscode.languages.getDiagnostics(doc.uri).filter((x) => h.codeOf(x) === 'rst.line-length-limit');
      assert.equal(limit.length, 1, `one rst.line-length-limit finding; got [${h.summary(vscode.languages.getDiagnostics(doc.uri)).slice(0, 20).join(', ')}]`);
      assert.deepEqual([limit[0].range.start.line, limit[0].range.start.character], [hugeAt.line, hugeAt.character]);
      assert.equal(limit[0].severity, vscode.DiagnosticSeverity.Error);
      assert.match(limit[0].message, /line-length-limit of 10,000 characters/);
      // Keep typing into it: the server must keep answering for this document too.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 0), '\u0000\u0001\uFFFF\uD800');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const actions = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 3, 0))), 15000, 'code actions on the broken document');
      assert.ok(Array.isArray(actions), 'code actions answered on the broken document');
      await h.setText(doc, '======\nUke 50\n======\n');
      await doc.save();
    } finally {
      fs.rmSync(abs, { force: true });
    }
    await stillAnswers(api, 'after the broken document');
  });
});
