'use strict';
// Finding one's way in a real VS Code, through the language server: the outline, folding, expand
// selection, clickable links, find references to a page, links updated when a page is renamed, the
// underline that follows its heading as one types, and Fix all as a source action.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

const REPORT = 'status/reports/2018/uke_11.rst';
const PAGE = 'status/reports/workshop/2018_workshop_1.rst';

function rel(uri) {
  return path.relative(h.wsRoot(), uri.fsPath).split(path.sep).join('/');
}

suite('navigation', () => {
  suiteSetup(async () => {
    await h.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('outline: the title, the report sections in order, and the subsections under Status', async () => {
    const doc = await h.open(REPORT);
    const symbols = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri)), 20000, 'document symbols');
    assert.ok(symbols && symbols.length === 1, JSON.stringify(symbols && symbols.map((s) => s.name)));
    const [title] = symbols;
    assert.equal(title.name, 'Uke 11');
    // (the `.. contents::` directive is in the outline too, before the sections)
    const sections = title.children.filter((s) => s.name !== 'contents');
    assert.deepEqual(sections.map((s) => s.name), ['Status', 'Planlagte aktiviteter', 'Utfordringer', 'Annet']);
    const status = sections[0];
    assert.deepEqual(status.children.map((s) => s.name), ['Uforutsette hendelser']);
    assert.deepEqual(status.children[0].children.map((s) => s.name), ['Del 1', 'Del 2']);
    // the section's range starts at its heading (line 12, 0-based 11)
    assert.equal(status.range.start.line, 11);
    assert.equal(status.selectionRange.start.line, 11);
  });

  test('folding: each section folds from its heading', async () => {
    const doc = await h.open(REPORT);
    const ranges = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', doc.uri)), 20000, 'folding ranges');
    const starts = new Set(ranges.map((r) => r.start));
    for (const heading of ['Status', 'Uforutsette hendelser', 'Planlagte aktiviteter', 'Utfordringer']) {
      const line = doc.getText().split('\n').indexOf(heading);
      assert.ok(line >= 0, heading);
      assert.ok(starts.has(line), `${heading} (line ${line}) folds: ${JSON.stringify(ranges.map((r) => [r.start, r.end]))}`);
    }
  });

  test('expand selection grows from a word to its paragraph, its section and out', async () => {
    const doc = await h.open(REPORT);
    const at = doc.getText().indexOf('et kort referat');
    assert.ok(at >= 0);
    const [chain] = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeSelectionRangeProvider', doc.uri, [doc.positionAt(at + 3)])), 20000, 'selection ranges');
    const ranges = [];
    for (let r = chain; r; r = r.parent) ranges.push(r.range);
    assert.ok(ranges.length >= 3, JSON.stringify(ranges));
    for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i].contains(ranges[i - 1]), `range ${i} contains range ${i - 1}`);
    assert.ok(ranges[ranges.length - 1].start.line <= 1, 'the outermost range is the whole report');
  });

  test('links are clickable (Ctrl+click): a relative .html link opens the .rst page, a URL the site', async () => {
    const doc = await h.open(REPORT);
    const links = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeLinkProvider', doc.uri)), 20000, 'document links');
    const page = links.find((l) => l.target && l.target.scheme === 'file' && rel(l.target) === PAGE);
    assert.ok(page, `links: ${links.map((l) => l.target && l.target.toString()).join(', ')}`);
    assert.equal(doc.getText(page.range), '../workshop/2018_workshop_1.html');
    assert.ok(links.some((l) => l.target && l.target.toString().startsWith('https://trello.com/')), 'the Trello URL');
  });

  test('find references to a page lists the reports that link to it', async () => {
    const page = await h.open(PAGE);
    const locs = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeReferenceProvider', page.uri, new vscode.Position(1, 2))), 20000, 'references');
    const found = locs.map((l) => `${rel(l.uri)}:${l.range.start.line + 1}`);
    assert.ok(found.includes(`${REPORT}:16`), `references: ${found.join(', ')}`);
  });

  test('renaming a page updates the links to it, and renaming it back restores them', async function () {
    this.timeout(60000);
    const from = h.uri(PAGE);
    const to = h.uri(PAGE.replace('2018_workshop_1', '2018_workshop_01'));
    const report = await vscode.workspace.openTextDocument(h.uri(REPORT));
    const before = report.getText();
    const rename = async (a, b) => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(a, b);
      assert.ok(await h.withTimeout(Promise.resolve(vscode.workspace.applyEdit(edit)), 30000, 'rename'), 'the rename was applied');
    };
    await rename(from, to);
    try {
      assert.ok(fs.existsSync(to.fsPath), 'renamed on disk');
      assert.match(report.getText(), /<\.\.\/workshop\/2018_workshop_01\.html>`_/, 'the link follows the page');
      assert.equal(report.getText().replace('2018_workshop_01', '2018_workshop_1'), before, 'nothing else changed');
      // at once, as an undo would: the server knows the new name before the file watcher tells it
      await rename(to, from);
      assert.equal(report.getText(), before, 'renaming back restores the link');
    } finally {
      // the workspace as it was, whatever failed (the suites after this one compare it with the CLI's view)
      if (fs.existsSync(to.fsPath) && !fs.existsSync(from.fsPath)) await rename(to, from);
      if (report.getText() !== before) {
        const fix = new vscode.WorkspaceEdit();
        fix.replace(report.uri, new vscode.Range(0, 0, report.lineCount, 0), before);
        await vscode.workspace.applyEdit(fix);
      }
      await report.save();
    }
  });

  test('the underline follows its heading as one types (on-type formatting)', async () => {
    const doc = await h.open(REPORT);
    const lines = doc.getText().split('\n');
    const line = lines.indexOf('Utfordringer');
    assert.ok(line > 0 && /^=+$/.test(lines[line + 1]));
    const editor = vscode.window.activeTextEditor;
    try {
      await editor.edit((e) => e.insert(new vscode.Position(line, 'Utfordringer'.length), ' og risiko'));
      const pos = new vscode.Position(line, 'Utfordringer og risiko'.length);
      const edits = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeFormatOnTypeProvider', doc.uri, pos, 'o', { tabSize: 4, insertSpaces: true })), 20000, 'on-type formatting');
      assert.ok(edits && edits.length === 1, JSON.stringify(edits));
      const ws = new vscode.WorkspaceEdit();
      ws.set(doc.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(ws));
      assert.equal(doc.lineAt(line + 1).text, '='.repeat('Utfordringer og risiko'.length));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('messages in Norwegian Bokmål with weeklyReport.language = nb, and back in English', async function () {
    this.timeout(60000);
    const doc = await h.open('status/reports/2018/uke_03.rst');
    const empty = (ds) => ds.find((d) => h.codeOf(d) === 'section.empty');
    await h.waitForDiagnostics(doc.uri, (ds) => empty(ds) && /The section “Utfordringer” is empty/.test(empty(ds).message), 'the English message');
    const cfg = vscode.workspace.getConfiguration('weeklyReport');
    await cfg.update('language', 'nb', vscode.ConfigurationTarget.Workspace);
    try {
      const ds = await h.waitForDiagnostics(doc.uri, (x) => empty(x) && /Seksjonen «Utfordringer» er tom/.test(empty(x).message), 'the Norwegian message');
      assert.match(empty(ds).message, /er tom/);
    } finally {
      await cfg.update('language', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await h.waitForDiagnostics(doc.uri, (ds) => empty(ds) && /is empty/.test(empty(ds).message), 'English again');
  });

  test('Fix all (source action) fixes every fixable finding of a report at once', async function () {
    this.timeout(60000);
    const doc = await h.open('status/reports/2018/uke_03.rst');
    const fixable = (ds) => ds.filter((d) => /^(section|title|date|link)\./.test(h.codeOf(d)));
    const diags = await h.waitForDiagnostics(doc.uri, (ds) => fixable(ds).length > 0, 'fixable findings in 2018/uke_03');
    try {
      const actions = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.weeklyReport')), 20000, 'fix all');
      const fixAll = actions.find((a) => a.kind && a.kind.value === 'source.fixAll.weeklyReport');
      assert.ok(fixAll && fixAll.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      const after = await h.waitForDiagnostics(doc.uri, (ds) => fixable(ds).length < fixable(diags).length, 'fewer findings after Fix all');
      assert.ok(fixable(after).length < fixable(diags).length, `before: ${h.summary(fixable(diags))}; after: ${h.summary(fixable(after))}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
