/**
 * The authoring features through a real LSP session against the bundled server (stdio): capabilities,
 * completion, hover, symbols, folding, definition, document links, references, file rename edits,
 * on-type adornment and the adornment code action.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { CompletionList, Hover, InitializeResult, DocumentSymbol, FoldingRange, LocationLink, Location, DocumentLink, WorkspaceEdit, TextEdit, CodeAction } from 'vscode-languageserver-protocol';

const repo = path.resolve(__dirname, '../../..');
let docs: string;
let proc: ChildProcess;
let conn: MessageConnection;
let init: InitializeResult;
let stderr = '';

const UKE8 = `======
Uke 8
======

av Kari Nordmann, UH IaaS, 25. februar 2019

Se \`Trello\`_ og :doc:\`../../plans/demo\`.

.. _Trello: https://trello.com/norcams

Status
======

- Ny hardware

Planlagte aktiviteter
=====================

- Testing av vGPU
`;

function uriOf(rel: string): string {
  return 'file://' + path.join(docs, rel).split(path.sep).map(encodeURIComponent).join('/').replace(/^%2F/, '/');
}

function posOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle) + delta;
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

async function open(rel: string, text: string): Promise<string> {
  const uri = uriOf(rel);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'restructuredtext', version: 1, text } });
  return uri;
}

before(async () => {
  const outdir = path.join(repo, 'out/test-dist/authoring');
  const b = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--outdir', outdir, '--quiet'], { encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);
  docs = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wr-auth-')));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(docs, rel)), { recursive: true });
    fs.writeFileSync(path.join(docs, rel), text);
  };
  write('conf.py', '');
  write('status/plans/demo.rst', 'Demoplan\n========\n\nFørste linje av planen.\nAndre linje.\n');
  write('status/reports/2019/uke_08.rst', UKE8);
  write('status/reports/2019/uke_10.rst', 'Uke 10\n======\n\nSe :doc:`../../plans/demo` og `plan <../../plans/demo.html>`_.\n');
  proc = spawn(process.execPath, [path.join(outdir, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification('textDocument/publishDiagnostics', () => undefined);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('$/progress', () => undefined);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', () => []);
  conn.listen();
  init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: uriOf(''), name: 'docs' }],
    initializationOptions: { locale: 'en-US' },
    capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
  })) as InitializeResult;
  await conn.sendNotification('initialized', {});
});

after(async () => {
  try {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } catch {
    /* gone */
  }
  conn?.dispose();
  if (proc && proc.exitCode === null) proc.kill();
});

test('capabilities are declared', () => {
  const c = init.capabilities;
  assert.ok(c.completionProvider?.triggerCharacters?.includes('`'));
  assert.ok(c.hoverProvider);
  assert.ok(c.documentSymbolProvider);
  assert.ok(c.foldingRangeProvider);
  assert.ok(c.selectionRangeProvider);
  assert.ok(c.definitionProvider);
  assert.ok(c.referencesProvider);
  assert.ok(c.documentLinkProvider);
  assert.ok(c.documentOnTypeFormattingProvider);
  assert.ok(c.workspace?.fileOperations?.willRename);
  assert.ok(c.workspace?.workspaceFolders, "S's workspace capability is kept");
});

test('completion, hover, symbols, folding, definition and links over LSP', async () => {
  const text = UKE8.replace(':doc:`../../plans/demo`', ':doc:`../../pl`');
  const uri = await open('status/reports/2019/uke_08.rst', text);
  const list = (await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: posOf(text, '../../pl`', 8) })) as CompletionList;
  const demo = list.items.find((i) => i.label === '../../plans/demo');
  assert.ok(demo, stderr + JSON.stringify(list.items.map((i) => i.label)));
  assert.equal(demo.detail, 'Demoplan');
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: UKE8 }] });

  const h = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: posOf(UKE8, '25. februar', 1) })) as Hover;
  assert.match(JSON.stringify(h.contents), /ISO week \*\*9\*\*/);
  const hl = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: posOf(UKE8, 'plans/demo', 2) })) as Hover;
  assert.match(JSON.stringify(hl.contents), /Demoplan/);

  const syms = (await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  assert.equal(syms[0].name, 'Uke 8');
  assert.deepEqual(syms[0].children!.filter((s) => s.kind !== 1 && s.name !== 'trello').map((s) => s.name), ['Status', 'Planlagte aktiviteter']);
  const folds = (await conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
  assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === 18), JSON.stringify(folds));

  const def = (await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: posOf(UKE8, 'plans/demo', 1) })) as LocationLink[];
  assert.equal(def[0].targetUri, uriOf('status/plans/demo.rst'));
  const named = (await conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: posOf(UKE8, '`Trello`_', 2) })) as LocationLink[];
  assert.equal(named[0].targetUri, uri);
  assert.equal(named[0].targetRange.start.line, posOf(UKE8, '.. _Trello').line);
  const links = (await conn.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
  assert.ok(links.some((l) => l.target === uriOf('status/plans/demo.rst')));
  assert.ok(links.some((l) => l.target === 'https://trello.com/norcams'));
});

test('references to a document and rename edits from the link index', async () => {
  const demoUri = await open('status/plans/demo.rst', 'Demoplan\n========\n\nFørste linje av planen.\nAndre linje.\n');
  const refs = (await conn.sendRequest('textDocument/references', { textDocument: { uri: demoUri }, position: { line: 0, character: 1 }, context: { includeDeclaration: false } })) as Location[];
  const from = refs.map((r) => r.uri).sort();
  assert.deepEqual(from, [uriOf('status/reports/2019/uke_08.rst'), uriOf('status/reports/2019/uke_10.rst'), uriOf('status/reports/2019/uke_10.rst')]);
  const edit = (await conn.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: demoUri, newUri: uriOf('status/plans/demo2.rst') }] })) as WorkspaceEdit;
  const e10 = edit.changes![uriOf('status/reports/2019/uke_10.rst')] as TextEdit[];
  assert.deepEqual(e10.map((e) => e.newText).sort(), ['../../plans/demo2', '../../plans/demo2.html']);
});

test('on-type formatting redraws the underline; code action offers the fix', async () => {
  const text = 'Uke 8\n=====\n\nStatus endret\n======\n\nTekst.\n';
  const uri = await open('status/reports/2019/uke_07.rst', text);
  const edits = (await conn.sendRequest('textDocument/onTypeFormatting', { textDocument: { uri }, position: posOf(text, 'Status endret', 13), ch: 't', options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
  assert.equal(edits.length, 1);
  assert.equal(edits[0].newText, '=============');
  const actions = (await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: posOf(text, 'Status'), end: posOf(text, 'Status') }, context: { diagnostics: [] } })) as CodeAction[];
  const fix = actions.find((a) => /underline/i.test(a.title));
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.equal((fix.edit!.changes![uri] as TextEdit[])[0].newText, '=============');
});

test('a renamed file is known at once (didRenameFiles), before any file watcher event', async () => {
  assert.ok(init.capabilities.workspace?.fileOperations?.didRename, 'didRename is asked for');
  const oldPath = path.join(docs, 'status/plans/demo.rst');
  const newPath = path.join(docs, 'status/plans/demo5.rst');
  const text = 'Uke 11\n======\n\nSe :doc:`../../pl`.\n';
  const uri = await open('status/reports/2019/uke_11.rst', text);
  const labels = async () => ((await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: posOf(text, '../../pl`', 8) })) as CompletionList).items.map((i) => i.label);
  assert.ok((await labels()).includes('../../plans/demo'));
  fs.renameSync(oldPath, newPath);
  try {
    await conn.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: uriOf('status/plans/demo.rst'), newUri: uriOf('status/plans/demo5.rst') }] });
    const after = await labels();
    assert.ok(after.includes('../../plans/demo5') && !after.includes('../../plans/demo'), JSON.stringify(after));
  } finally {
    fs.renameSync(newPath, oldPath);
    await conn.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: uriOf('status/plans/demo5.rst'), newUri: uriOf('status/plans/demo.rst') }] });
  }
  assert.ok((await labels()).includes('../../plans/demo'), 'renamed back');
});
