'use strict';
// Quick fixes through VS Code's code action API, applied with workspace.applyEdit like the light
// bulb does: every kind of fixable finding on the example reports (according to the CLI), plus the
// defects put into the example on purpose with the exact text the fix must produce.
// After each fix the document is saved and the CLI checks the file again: VS Code must show exactly
// that, the fixed finding must be gone and no new kind of finding may appear. The file is restored after.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const h = require('./helpers');

const REPORTS = ['2017/uke_09', '2017/uke_10', '2017/uke_16', '2017/uke_22', '2018/uke_03', '2018/uke_05', '2018/uke_08', '2018/uke_11']
  .map((r) => `status/reports/${r}.rst`);

// Defects put in on purpose (example/README.md), and what the text must look like after the fix.
const PLANTED = [
  { rel: 'status/reports/2017/uke_10.rst', ns: 'title', what: 'title week set from the file name', check: (t) => t.split('\n')[1] === 'Uke 10' },
  { rel: 'status/reports/2018/uke_08.rst', ns: 'link', line: 7, what: 'trailing _ added to the Trello link', check: (t) => t.split('\n')[7] === '`Trello <https://trello.com/norcams>`_' },
  { rel: 'status/reports/2018/uke_08.rst', ns: 'section', what: 'Utfordringer inserted between Planlagte aktiviteter and Annet', check: (t) => /\nPlanlagte aktiviteter\n=+\n[\s\S]*\nUtfordringer\n============\n[\s\S]*\nAnnet\n=====\n/.test(t) },
  { rel: 'status/reports/2018/uke_05.rst', ns: 'rst', what: 'underline lengthened to the title', check: (t) => t.includes('\nPlanlagte aktiviteter\n=====================\n') },
  { rel: 'status/reports/2017/uke_16.rst', ns: 'link', line: 20, what: 'broken ../../plans/demo.html replaced by the page that exists', check: (t) => !t.includes('../../plans/demo.html') && /activities\/archive\/demo(\.html|\.rst)?>/.test(t) },
];

/** Open, wait for the CLI's findings, apply one quick fix for `pick`, save, compare with the CLI again. */
async function fixOne(rel, pick, describe) {
  const abs = path.join(h.wsRoot(), rel);
  const original = fs.readFileSync(abs, 'utf8');
  const before = h.cliCheck([abs]).get(abs) || [];
  const doc = await h.open(rel);
  try {
    const beforeSummary = h.cliSummary(before);
    await h.waitForDiagnostics(doc.uri, (d) => JSON.stringify(h.summary(d)) === JSON.stringify(beforeSummary), `the CLI's findings [${beforeSummary.join(', ')}]`);
    const diags = vscode.languages.getDiagnostics(doc.uri);
    const target = diags.find(pick);
    assert.ok(target, `${rel}: no diagnostic for ${describe}; have [${h.summary(diags).join(', ')}]`);
    const code = h.codeOf(target);
    const actions = await h.quickFixesFor(doc, target);
    const usable = actions.filter((a) => h.editsOnly(a, doc.uri));
    assert.ok(usable.length > 0, `${rel}: no quick fix (text edit) offered for ${code} at ${h.fmtRange(target.range)}; offered: [${actions.map((a) => a.title).join(' | ')}]`);
    const action = usable.find((a) => a.isPreferred) || usable[0];
    const textBefore = doc.getText();
    await h.applyAction(action);
    const textAfter = doc.getText();
    assert.notEqual(textAfter, textBefore, `"${action.title}" changed the text`);
    assert.ok(await doc.save(), 'saved');
    const after = h.cliCheck([abs]).get(abs) || [];
    const afterSummary = h.cliSummary(after);
    const countBefore = before.filter((f) => f.code === code).length;
    const countAfter = after.filter((f) => f.code === code).length;
    assert.ok(countAfter < countBefore, `"${action.title}" cleared one ${code}: ${countBefore} before, ${countAfter} after`);
    const newKinds = after.map((f) => f.code).filter((c) => !before.some((b) => b.code === c));
    assert.deepEqual(newKinds, [], `"${action.title}" introduced no new kind of finding`);
    await h.waitForDiagnostics(doc.uri, (d) => JSON.stringify(h.summary(d)) === JSON.stringify(afterSummary), `the CLI's findings after the fix [${afterSummary.join(', ')}]`);
    return { text: textAfter, action, code };
  } finally {
    await h.setText(doc, original);
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }
}

// Every kind of fixable finding the CLI reports on the example (computed when the suite loads).
function fixableKinds() {
  const abs = REPORTS.map((r) => path.join(h.wsRoot(), r));
  const byPath = h.cliCheck(abs);
  const kinds = new Map();
  for (const [p, findings] of byPath) {
    for (const f of findings) if (f.fixable && !kinds.has(f.code)) kinds.set(f.code, { rel: path.relative(h.wsRoot(), p).split(path.sep).join('/'), finding: f });
  }
  return kinds;
}

suite('quick fixes', () => {
  suiteSetup(async () => { await h.activate(); });

  let kinds;
  try { kinds = fixableKinds(); } catch (e) { kinds = e; }
  if (kinds instanceof Error) {
    test('the CLI lists the fixable findings of the example', () => { throw kinds; });
  } else {
    for (const [code, { rel, finding }] of kinds) {
      test(`${code} (${rel}:${finding.range.start.line + 1}) is fixed from the light bulb and cleared`, async () => {
        await fixOne(rel, (d) => h.codeOf(d) === code && d.range.start.line === finding.range.start.line && d.range.start.character === finding.range.start.character, code);
      });
    }
  }

  for (const p of PLANTED) {
    test(`${p.rel}: ${p.what}`, async () => {
      const { text, action } = await fixOne(p.rel, (d) => h.codeOf(d).startsWith(`${p.ns}.`) && (p.line === undefined || d.range.start.line === p.line), `${p.ns}.*${p.line !== undefined ? ` on line ${p.line + 1}` : ''}`);
      assert.ok(p.check(text), `after "${action.title}" the text is as expected (${p.what})`);
    });
  }

  /** Type `appended` at the end of a clean report, see `code` on `rangeText`, apply the preferred fix, expect `tail`. */
  async function typeAndFix(appended, code, rangeText, message, tail) {
    const rel = 'status/reports/2017/uke_09.rst';
    const doc = await h.open(rel);
    const original = doc.getText();
    try {
      await h.setText(doc, original + appended);
      const diags = await h.waitForDiagnostics(doc.uri, (d) => d.some((x) => h.codeOf(x) === code), code);
      const target = diags.find((x) => h.codeOf(x) === code);
      assert.equal(doc.getText(target.range), rangeText);
      assert.match(target.message, message);
      const actions = (await h.quickFixesFor(doc, target)).filter((a) => h.editsOnly(a, doc.uri));
      const action = actions.find((a) => a.isPreferred);
      assert.ok(action, `a preferred quick fix; offered [${actions.map((a) => a.title).join(' | ')}]`);
      await h.applyAction(action);
      assert.ok(doc.getText().endsWith(tail), `after "${action.title}": ${JSON.stringify(doc.getText().slice(-60))}`);
      await h.waitForDiagnostics(doc.uri, (d) => !d.some((x) => h.codeOf(x).startsWith('rst.directive-')), 'no directive finding after the fix');
    } finally {
      await h.setText(doc, original);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  }

  test('a misspelt image option typed into a report: the light bulb changes :widht: to :width:', async () => {
    await typeAndFix('\n.. image:: /images/arkitektur.png\n   :widht: 600px\n', 'rst.directive-unknown-option', 'widht', /"width"|«width»/, '\n   :width: 600px\n');
  });

  test('a misspelt alignment: the light bulb changes centre to center', async () => {
    await typeAndFix('\n.. image:: /images/arkitektur.png\n   :align: centre\n', 'rst.directive-option-choice', 'centre', /center/, '\n   :align: center\n');
  });
});
