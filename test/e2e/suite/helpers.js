'use strict';
// Helpers for the extension-host suites (test/e2e/suite/*.test.js). Every wait is on an event or
// condition and has a timeout whose error says what it waited for.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const vscode = require('vscode');

const EXTENSION_ID = 'weekly-report.weekly-report';

function extension() {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/** Activate the extension; returns its API ({ client }). */
async function activate() {
  const ext = extension();
  const api = await withTimeout(Promise.resolve(ext.activate()), 30000, `activation of ${EXTENSION_ID}`);
  return api;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms); }),
  ]);
}

/** Absolute path of the (only) workspace folder: a fresh copy of example/. */
function wsRoot() {
  const f = vscode.workspace.workspaceFolders;
  if (!f || f.length === 0) throw new Error('no workspace folder open');
  return f[0].uri.fsPath;
}

function uri(rel) {
  return vscode.Uri.file(path.join(wsRoot(), rel));
}

async function open(rel) {
  const doc = await vscode.workspace.openTextDocument(uri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function fmtRange(r) {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Stable one-line-per-finding summary of diagnostics: `code@l:c-l:c`. */
function summary(diags) {
  return diags.map((d) => `${codeOf(d)}@${fmtRange(d.range)}`).sort();
}

/**
 * Resolve with the diagnostics of `docUri` once `predicate(diagnostics)` holds; checks now and on
 * each onDidChangeDiagnostics for that document. Rejects after `timeoutMs` with `what` and the
 * diagnostics seen last.
 */
function waitForDiagnostics(docUri, predicate, what, timeoutMs = 20000) {
  return new Promise((resolve, reject) => {
    let finished = false;
    const done = () => { finished = true; sub.dispose(); clearTimeout(timer); };
    const check = () => {
      if (finished) return;
      const d = vscode.languages.getDiagnostics(docUri);
      let ok = false;
      try { ok = predicate(d); } catch (e) { done(); reject(e); return; }
      if (ok) { done(); resolve(d); }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === docUri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (finished) return;
      done();
      const now = summary(vscode.languages.getDiagnostics(docUri));
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${path.basename(docUri.fsPath)}; diagnostics now: [${now.join(', ')}]`));
    }, timeoutMs);
    check();
  });
}

/** Run the extension's own CLI (`dist/cli.js check --format json`) on files on disk: the oracle. */
function cliCheck(absPaths) {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--root', wsRoot(), ...absPaths], {
    encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 60000, cwd: wsRoot(),
  });
  if (r.status !== 0 && r.status !== 1) throw new Error(`weekly-report check exited ${r.status}: ${r.stderr}`);
  const json = JSON.parse(r.stdout);
  const byPath = new Map();
  for (const f of json.files) byPath.set(path.resolve(wsRoot(), f.path), f.findings);
  return byPath;
}

function cliSummary(findings) {
  return findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`).sort();
}

/** Replace the whole text of a document (not saved). */
async function setText(doc, text) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  const ok = await vscode.workspace.applyEdit(edit);
  if (!ok) throw new Error(`could not replace the text of ${doc.uri.fsPath}`);
}

/** Quick fixes VS Code offers for one diagnostic (through the registered code action providers). */
async function quickFixesFor(doc, diag) {
  const actions = await withTimeout(
    Promise.resolve(vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value)),
    15000, `code actions at ${fmtRange(diag.range)} of ${path.basename(doc.uri.fsPath)}`);
  return (actions || []).filter((a) => a && a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind)
    && (!a.diagnostics || a.diagnostics.length === 0 || a.diagnostics.some((d) => codeOf(d) === codeOf(diag))));
}

/** Apply a CodeAction like the light bulb does: its edit, then its command. */
async function applyAction(action) {
  if (action.edit) {
    const ok = await vscode.workspace.applyEdit(action.edit);
    if (!ok) throw new Error(`workspace.applyEdit refused the edit of "${action.title}"`);
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments || []));
}

/** True when a code action only edits text of `docUri` (no file renames or edits elsewhere). */
function editsOnly(action, docUri) {
  if (!action.edit) return false;
  const entries = action.edit.entries();
  if (entries.length === 0 || !entries.every(([u]) => u.toString() === docUri.toString())) return false;
  return !/rename|gi nytt navn|endre navn/i.test(action.title);
}

/** Files under the workspace, relative posix paths, matching a predicate. */
function listFiles(pred, dir = wsRoot(), base = '') {
  const out = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const rel = base ? `${base}/${name}` : name;
    if (fs.statSync(p).isDirectory()) out.push(...listFiles(pred, p, rel));
    else if (pred(rel)) out.push(rel);
  }
  return out;
}

module.exports = {
  EXTENSION_ID, extension, activate, withTimeout, wsRoot, uri, open, codeOf, fmtRange, summary,
  waitForDiagnostics, cliCheck, cliSummary, setText, quickFixesFor, applyAction, editsOnly, listFiles,
};
