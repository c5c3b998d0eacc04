'use strict';
// Diagnostics of the example reports, as VS Code shows them: the kinds of finding documented in
// example/README.md, and exactly (code and range) what `weekly-report check` says on the same file.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

// example/README.md: which namespaces each report must show (a clean report: none).
const EXPECTED = {
  'status/reports/2017/uke_09.rst': [],
  'status/reports/2017/uke_10.rst': ['title'],
  'status/reports/2017/uke_16.rst': ['link'],
  'status/reports/2017/uke_22.rst': ['link'],
  'status/reports/2018/uke_03.rst': ['section'],
  'status/reports/2018/uke_05.rst': ['section', 'rst'],
  'status/reports/2018/uke_08.rst': ['section', 'link'],
  'status/reports/2018/uke_11.rst': ['date'],
};

suite('diagnostics', () => {
  suiteSetup(async () => { await h.activate(); });

  for (const [rel, namespaces] of Object.entries(EXPECTED)) {
    test(`${rel}: ${namespaces.length ? namespaces.map((n) => `${n}.*`).join(' + ') : 'no findings'}, same as the CLI`, async () => {
      const abs = path.join(h.wsRoot(), rel);
      const cli = h.cliCheck([abs]).get(abs) || [];
      const expected = h.cliSummary(cli);
      const doc = await h.open(rel);
      if (expected.length === 0) {
        // A clean report: prove the server has looked at it. Break its title, see a finding, undo.
        const original = doc.getText();
        await h.setText(doc, original.replace(/^(=+\n)Uke (\d+)\n/, '$1Uke 99\n'));
        await h.waitForDiagnostics(doc.uri, (d) => d.length > 0, 'a finding after breaking the title week');
        await h.setText(doc, original);
        await h.waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no findings after undoing the change');
      } else {
        await h.waitForDiagnostics(doc.uri, (d) => JSON.stringify(h.summary(d)) === JSON.stringify(expected),
          `the CLI's findings [${expected.join(', ')}]`);
      }
      const diags = vscode.languages.getDiagnostics(doc.uri);
      const seen = new Set(diags.map((d) => h.codeOf(d).split('.')[0]));
      for (const ns of namespaces) assert.ok(seen.has(ns), `${rel}: expected a ${ns}.* finding; got [${h.summary(diags).join(', ')}]`);
      for (const d of diags) {
        assert.ok(/^(title|date|section|link|rst|text|config)\.[a-z0-9-.]+$/.test(h.codeOf(d)), `namespaced code: ${h.codeOf(d)}`);
        assert.ok(d.message && d.message.length > 0, 'a message');
      }
      if (namespaces.length === 0) assert.equal(diags.length, 0, `no findings on a clean report; got [${h.summary(diags).join(', ')}]`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  }

  test('a directive typed without its body: rst.directive-content-missing on its name, gone once the body is written', async () => {
    const rel = 'status/reports/2017/uke_09.rst';
    const doc = await h.open(rel);
    const original = doc.getText();
    try {
      await h.setText(doc, original + '\n.. note::\n');
      const diags = await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === 'rst.directive-content-missing'), 'rst.directive-content-missing');
      const d = diags.find((x) => h.codeOf(x) === 'rst.directive-content-missing');
      assert.equal(doc.getText(d.range), 'note');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.match(d.message, /Content block expected for the "note" directive|«note»/);
      await h.setText(doc, original + '\n.. note::\n   Husk backup.\n');
      await h.waitForDiagnostics(doc.uri, (x) => x.length === 0, 'no findings once the note has its body');
    } finally {
      await h.setText(doc, original);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
