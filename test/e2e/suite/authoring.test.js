'use strict';
// Authoring in a real VS Code: the new-report command (file name, title, date, carried items, never
// overwrites, toctree for a new year), completion through the language server, go to definition.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** Bullet items of the `Planlagte aktiviteter` section of a report text. */
function plannedItems(text) {
  const i = text.indexOf('\nPlanlagte aktiviteter\n');
  assert.ok(i >= 0, 'previous report has Planlagte aktiviteter');
  const body = text.slice(i).split('\n').slice(3);
  const items = [];
  for (const line of body) {
    if (/^\S/.test(line) && !/^[-*+] /.test(line)) break;
    const m = /^[-*+] (.*)$/.exec(line);
    if (m) items.push(m[1]);
  }
  return items;
}

suite('authoring', () => {
  const created = [];
  let indexBefore;

  suiteSetup(async () => {
    await h.activate();
    indexBefore = fs.readFileSync(path.join(h.wsRoot(), 'status/reports/index.rst'), 'utf8');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of created) fs.rmSync(p, { force: true });
    fs.rmSync(path.join(h.wsRoot(), 'status/reports/2019'), { recursive: true, force: true });
    fs.writeFileSync(path.join(h.wsRoot(), 'status/reports/index.rst'), indexBefore);
  });

  test('new report for week 12 of 2018: name, title, date, carried items; never overwrites', async () => {
    const uri = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('weeklyReport.newReport', { year: 2018, week: 12 })), 30000, 'weeklyReport.newReport');
    assert.ok(uri, 'the command returns the URI');
    const file = uri.fsPath;
    created.push(file);
    assert.equal(path.relative(h.wsRoot(), file).split(path.sep).join('/'), 'status/reports/2018/uke_12.rst');
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    assert.equal(lines[1], 'Uke 12');
    assert.match(lines[0], /^=+$/);
    assert.ok(lines[0].length >= 'Uke 12'.length);
    // today's date in the previous report's style (2018/uke_11: `20.april 2018` → D.MMMM YYYY)
    const d = new Date();
    const today = `${d.getDate()}.${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
    assert.ok(lines[4].startsWith('av ') && lines[4].endsWith(', ' + today), `date line: ${lines[4]} (want ${today})`);
    // carried items from uke_11's Planlagte aktiviteter
    const prev = fs.readFileSync(path.join(h.wsRoot(), 'status/reports/2018/uke_11.rst'), 'utf8');
    const items = plannedItems(prev);
    assert.ok(items.length >= 3, `items: ${items}`);
    const planned = text.slice(text.indexOf('\nPlanlagte aktiviteter\n'));
    for (const it of items) assert.ok(planned.includes('- ' + it), `carried: ${it}`);
    const status = text.slice(text.indexOf('\nStatus\n'), text.indexOf('\nPlanlagte aktiviteter\n'));
    for (const it of items) assert.ok(status.includes('- ' + it), `offered under Status: ${it}`);
    // the editor shows it
    assert.equal(vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.fsPath, file);
    // a second run opens the same file and does not overwrite it
    fs.appendFileSync(file, '\nEgen tekst.\n');
    const again = await vscode.commands.executeCommand('weeklyReport.newReport', { year: 2018, week: 12 });
    assert.equal(again.fsPath, file);
    assert.ok(fs.readFileSync(file, 'utf8').endsWith('\nEgen tekst.\n'), 'not overwritten');
  });

  test('a new year gets its folder and a toctree entry', async () => {
    const uri = await vscode.commands.executeCommand('weeklyReport.newReport', { year: 2019, week: 2 });
    created.push(uri.fsPath);
    assert.equal(path.relative(h.wsRoot(), uri.fsPath).split(path.sep).join('/'), 'status/reports/2019/uke_02.rst');
    assert.ok(fs.existsSync(uri.fsPath));
    const index = fs.readFileSync(path.join(h.wsRoot(), 'status/reports/index.rst'), 'utf8');
    assert.ok(index.includes('   2019/*\n   2018/*\n'), index);
  });

  test('completion: :doc: paths with the target titles, and the underline drawn to the heading length', async () => {
    const doc = await h.open('status/reports/2018/uke_12.rst');
    const edit = new vscode.WorkspaceEdit();
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    edit.insert(doc.uri, end, '\n- Se :doc:`../');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const pos = doc.lineAt(doc.lineCount - 1).range.end;
    const list = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos, '/')), 20000, 'completion');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('../2017/uke_10'), labels.slice(0, 20).join(', '));
    assert.ok(labels.includes('../workshop/2018_workshop_1'));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '../workshop/2018_workshop_1');
    assert.ok(item.detail, 'the target document title is shown');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // the underline being drawn under a new heading is offered at the heading's length
    const edit2 = new vscode.WorkspaceEdit();
    edit2.insert(doc.uri, doc.lineAt(doc.lineCount - 1).range.end, '\n\nNy seksjon\n==');
    assert.ok(await vscode.workspace.applyEdit(edit2));
    const pos2 = doc.lineAt(doc.lineCount - 1).range.end;
    const list2 = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, pos2, '=')), 20000, 'underline completion');
    const under = list2.items.find((i) => (typeof i.insertText === 'string' ? i.insertText : i.insertText && i.insertText.value) === '='.repeat('Ny seksjon'.length));
    assert.ok(under, JSON.stringify(list2.items.map((i) => i.insertText)));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the uke snippet writes a report skeleton the checks accept once its placeholders are filled', async function () {
    this.timeout(60000);
    const file = path.join(h.wsRoot(), 'status/reports/2018/uke_13.rst');
    fs.writeFileSync(file, '');
    created.push(file);
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'uke'));
    const list = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 3))), 20000, 'completion');
    const item = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && (typeof i.label === 'string' ? i.label : i.label.label) === 'uke');
    assert.ok(item, `snippets offered: ${list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')}`);
    const body = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText));
    assert.ok(await editor.insertSnippet(body, new vscode.Range(0, 0, 0, 3)), 'snippet inserted');
    // fill in the week and the month as a writer would (the date is today's, in 2026: its window is not week 13 of 2018)
    const text = doc.getText().replace('Uke N', 'Uke 13').replace('måned', 'mars');
    await h.setText(doc, text);
    const diags = await h.waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => /^(section|title)\./.test(h.codeOf(d))) && ds.some((d) => /^date\./.test(h.codeOf(d))), 'the date findings only');
    assert.ok(!diags.some((d) => /^(section|title|rst|link)\./.test(h.codeOf(d))), h.summary(diags));
    assert.match(text, /^=+\nUke 13\n=+\n\nav .+, Organisasjon, \d+\. mars \d{4}\n/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('go to definition follows a relative .html link to the .rst page', async () => {
    const doc = await h.open('status/reports/2018/uke_11.rst');
    const text = doc.getText();
    const at = text.indexOf('../workshop/2018_workshop_1.html');
    assert.ok(at >= 0);
    const locs = await h.withTimeout(Promise.resolve(vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, doc.positionAt(at + 5))), 20000, 'definition');
    assert.ok(locs && locs.length === 1, JSON.stringify(locs));
    const target = locs[0].targetUri || locs[0].uri;
    assert.equal(path.relative(h.wsRoot(), target.fsPath).split(path.sep).join('/'), 'status/reports/workshop/2018_workshop_1.rst');
  });

  test('hover on the date line tells the ISO week', async () => {
    const doc = await h.open('status/reports/2018/uke_11.rst');
    const at = doc.getText().indexOf('20.april 2018');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 2));
    const text = hovers.map((x) => x.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')).join('\n');
    assert.match(text, /(ISO week|ISO-uke) \*\*16\*\*/);
  });
});
