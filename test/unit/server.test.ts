/**
 * A real LSP session against the bundled server (dist-style build in out/test-dist/server), spoken over
 * stdio with vscode-jsonrpc's client side: diagnostics, code actions, fix-all, watched files, latency.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

const repo = path.resolve(__dirname, '../../..');
const corpus = path.resolve(repo, '../shared/corpus/norcams-iaas/docs');
const uke30 = fs.readFileSync(path.join(corpus, 'status/reports/2017/uke_30.rst'), 'utf8');

let docs: string;
let proc: ChildProcess;
let conn: MessageConnection;
let stderr = '';
const logs: string[] = [];
/** Every publishDiagnostics received, in order. */
const published: PublishDiagnosticsParams[] = [];
const waiters: Array<{ pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
const progressCreated: unknown[] = [];
let indexedResolve: (p: { files: number; roots: string[]; ms: number }) => void = () => undefined;
const indexed = new Promise<{ files: number; roots: string[]; ms: number }>((r) => (indexedResolve = r));

function uriOf(rel: string): string {
  return 'file://' + path.join(docs, rel).split(path.sep).map(encodeURIComponent).join('/').replace(/^%2F/, '/');
}

function nextDiagnostics(pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no matching diagnostics within ${timeoutMs} ms; stderr: ${stderr}; log: ${logs.join('\n')}`)), timeoutMs);
    waiters.push({ pred, resolve: (p) => { clearTimeout(t); resolve(p); } });
  });
}

function applyWorkspaceEdit(doc: TextDocument, edit: WorkspaceEdit): string {
  let edits: TextEdit[] = [];
  if (edit.changes) edits = edit.changes[doc.uri] ?? [];
  for (const c of edit.documentChanges ?? []) {
    if ('textDocument' in c && c.textDocument.uri === doc.uri) edits.push(...(c as TextDocumentEdit).edits.map((e) => e as TextEdit));
  }
  return TextDocument.applyEdits(doc, edits);
}

const versions = new Map<string, number>();
async function open(rel: string, text: string): Promise<PublishDiagnosticsParams> {
  const uri = uriOf(rel);
  versions.set(uri, 1);
  const p = nextDiagnostics((d) => d.uri === uri && d.version === 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'restructuredtext', version: 1, text } });
  return p;
}
async function change(uri: string, text: string): Promise<PublishDiagnosticsParams> {
  const version = (versions.get(uri) ?? 1) + 1;
  versions.set(uri, version);
  const p = nextDiagnostics((d) => d.uri === uri && d.version === version);
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  return p;
}

before(async () => {
  const outdir = path.join(repo, 'out/test-dist/server');
  const b = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--outdir', outdir, '--quiet'], { encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);

  docs = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wr-lsp-')));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(docs, rel)), { recursive: true });
    fs.writeFileSync(path.join(docs, rel), text);
  };
  write('conf.py', '');
  write('status/plans/demo.rst', 'Demo\n====\n\nText.\n');
  write('status/reports/2017/uke_30.rst', uke30);
  write('status/reports/2017/uke_31.rst', uke30);

  proc = spawn(process.execPath, [path.join(outdir, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env } });
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (let i = 0; i < waiters.length; i++) {
      if (waiters[i].pred(p)) {
        const [w] = waiters.splice(i, 1);
        w.resolve(p);
        i--;
      }
    }
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  conn.onNotification('weeklyReport/indexed', (p: { files: number; roots: string[]; ms: number }) => indexedResolve(p));
  conn.onRequest('window/workDoneProgress/create', (p: unknown) => {
    progressCreated.push(p);
    return null;
  });
  conn.onNotification('$/progress', () => undefined);
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', () => []);
  conn.listen();

  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: uriOf(''), name: 'docs' }],
    initializationOptions: { locale: 'en-US' },
    capabilities: {
      workspace: { workspaceFolders: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] }, didChangeWatchedFiles: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } } },
    },
  })) as InitializeResult;
  assert.ok(init.capabilities.codeActionProvider);
  await conn.sendNotification('initialized', {});
});

after(async () => {
  try {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } catch {
    /* already gone */
  }
  conn?.dispose();
  if (proc && proc.exitCode === null) proc.kill();
});

test('open a report with a defect: diagnostic with code, range, source, severity and fixes in data', async () => {
  const p = await open('status/reports/2017/uke_31.rst', uke30);
  const d = p.diagnostics.find((x) => x.code === 'title.week-mismatch');
  assert.ok(d, JSON.stringify(p.diagnostics));
  assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
  assert.equal(d.source, 'weekly-report');
  assert.equal(d.severity, 1);
  assert.equal(d.range.start.line, 1);
  assert.equal(d.range.end.line, 1);
  const lineText = uke30.split('\n')[1];
  assert.equal(lineText.slice(d.range.start.character, d.range.end.character).includes('30'), true);
  const data = d.data as { fixes: Array<{ title: string }> };
  assert.ok(data.fixes.length >= 1);
  // The initial scan reported progress to the client.
  assert.ok(progressCreated.length >= 1);
});

test('quick fix from codeAction removes the diagnostic and changes nothing else', async () => {
  const uri = uriOf('status/reports/2017/uke_31.rst');
  const doc = TextDocument.create(uri, 'restructuredtext', versions.get(uri)!, uke30);
  const last = [...published].reverse().find((p) => p.uri === uri)!;
  const diag = last.diagnostics.find((x) => x.code === 'title.week-mismatch') as Diagnostic;
  const actions = (await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diag.range,
    context: { diagnostics: [diag], only: ['quickfix'] },
  })) as CodeAction[];
  assert.ok(actions.length >= 1, 'at least one quick fix');
  assert.ok(actions.every((a) => a.kind === 'quickfix'));
  // The rename alternative (rename the file to match the title) comes as a RenameFile document change.
  const rename = actions.find((a) => a.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'rename'));
  if (rename) {
    const op = rename.edit!.documentChanges!.find((c) => 'kind' in c && c.kind === 'rename') as { oldUri: string; newUri: string };
    assert.equal(op.oldUri, uri);
    assert.match(op.newUri, /uke_30\.rst$/);
  }
  const preferred = actions.find((a) => a.isPreferred) ?? actions[0];
  assert.ok(preferred.edit);
  const fixed = applyWorkspaceEdit(doc, preferred.edit!);
  assert.equal(fixed, uke30.replace('Uke 30', 'Uke 31'));
  const after = await change(uri, fixed);
  assert.deepEqual(after.diagnostics, []);
});

test('source.fixAll.weeklyReport fixes every fixable problem in the file', async () => {
  const broken = uke30.replace('Uke 30\n======', 'Uke 29\n====').replace('======\nUke', '====\nUke');
  const uri = uriOf('status/reports/2017/uke_30.rst');
  const first = await open('status/reports/2017/uke_30.rst', broken);
  assert.ok(first.diagnostics.length >= 2, JSON.stringify(first.diagnostics.map((d) => d.code)));
  const actions = (await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.weeklyReport');
  const doc = TextDocument.create(uri, 'restructuredtext', versions.get(uri)!, broken);
  const fixed = applyWorkspaceEdit(doc, actions[0].edit!);
  const after = await change(uri, fixed);
  assert.deepEqual(after.diagnostics.filter((d) => (d.data as { fixes: unknown[] }).fixes.length > 0), []);
  assert.equal(fixed, uke30);
  // Not offered when only quick fixes are asked for.
  const quick = (await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['quickfix'] },
  })) as CodeAction[];
  assert.equal(quick.some((a) => a.kind === 'source.fixAll.weeklyReport'), false);
});

test('watched files keep the index current: a created page makes a broken link resolve', async () => {
  const withLink = uke30.replace('`Trello <https://trello.com/norcams>`_', '`Lagring <../../plans/storage.html>`_');
  const p = await open('status/reports/2017/uke_32.rst', withLink.replace(/Uke 30/g, 'Uke 32').replace('31.juli 2017', '7.august 2017'));
  const broken = p.diagnostics.filter((d) => String(d.code).startsWith('link.'));
  assert.ok(broken.length >= 1, JSON.stringify(p.diagnostics));
  const uri = uriOf('status/reports/2017/uke_32.rst');
  fs.writeFileSync(path.join(docs, 'status/plans/storage.rst'), 'Storage\n=======\n');
  const next = nextDiagnostics((d) => d.uri === uri && !d.diagnostics.some((x) => String(x.code).startsWith('link.')));
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('status/plans/storage.rst'), type: 1 }] });
  await next;
  // …and deleting it breaks the link again.
  fs.rmSync(path.join(docs, 'status/plans/storage.rst'));
  const again = nextDiagnostics((d) => d.uri === uri && d.diagnostics.some((x) => String(x.code).startsWith('link.')));
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('status/plans/storage.rst'), type: 3 }] });
  await again;
});

test('a deleted folder leaves the index, a folder moved in is scanned', async () => {
  const uri = uriOf('status/reports/2017/uke_30.rst');
  await change(uri, uke30);
  const hasLink = (p: PublishDiagnosticsParams) => p.diagnostics.some((x) => String(x.code).startsWith('link.'));
  fs.renameSync(path.join(docs, 'status/plans'), path.join(docs, 'plans-moved'));
  const broken = nextDiagnostics((d) => d.uri === uri && hasLink(d));
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('status/plans'), type: 3 }, { uri: uriOf('plans-moved'), type: 1 }] });
  await broken;
  fs.renameSync(path.join(docs, 'plans-moved'), path.join(docs, 'status/plans'));
  const fixed = nextDiagnostics((d) => d.uri === uri && !hasLink(d));
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('plans-moved'), type: 3 }, { uri: uriOf('status/plans'), type: 1 }] });
  await fixed;
});

test('the initial scan is announced with weeklyReport/indexed; folders added later are indexed', async () => {
  const done = await indexed;
  assert.deepEqual(done.roots, [docs]);
  assert.ok(done.files >= 4, JSON.stringify(done));
  const other = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wr-lsp2-')));
  fs.mkdirSync(path.join(other, 'status/plans'), { recursive: true });
  fs.mkdirSync(path.join(other, 'status/reports/2017'), { recursive: true });
  fs.writeFileSync(path.join(other, 'status/plans/demo.rst'), 'Demo\n====\n');
  const save = docs;
  docs = other;
  const uri = uriOf('status/reports/2017/uke_30.rst');
  docs = save;
  await conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file://' + other, name: 'other' }], removed: [] } });
  versions.set(uri, 1);
  const p = nextDiagnostics((d) => d.uri === uri && d.version === 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'restructuredtext', version: 1, text: uke30 } });
  const d = await p;
  assert.deepEqual(d.diagnostics.map((x) => x.code), []);
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('a bad weekly-report.json gives one config finding on the file and defaults apply; fixing it clears it', async () => {
  const cfgUri = uriOf('weekly-report.json');
  fs.writeFileSync(path.join(docs, 'weekly-report.json'), '{ "profiles": 3 }');
  const bad = nextDiagnostics((d) => d.uri === cfgUri && d.diagnostics.length === 1);
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 1 }] });
  const d = await bad;
  assert.equal(d.diagnostics[0].code, 'config.invalid');
  fs.writeFileSync(path.join(docs, 'weekly-report.json'), '{ "rules": { "title.week-mismatch": "off" } }');
  const good = nextDiagnostics((p) => p.uri === cfgUri && p.diagnostics.length === 0);
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
  await good;
  // The override applies to open documents after the reload.
  const uri = uriOf('status/reports/2017/uke_31.rst');
  const p = await change(uri, uke30);
  assert.equal(p.diagnostics.some((x) => x.code === 'title.week-mismatch'), false);
  fs.rmSync(path.join(docs, 'weekly-report.json'));
  const restored = nextDiagnostics((x) => x.uri === uri && x.diagnostics.some((y) => y.code === 'title.week-mismatch'));
  await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 3 }] });
  await restored;
});

test('locale: Norwegian messages after weeklyReport/setLocale', async () => {
  const uri = uriOf('status/reports/2017/uke_31.rst');
  const en = [...published].reverse().find((p) => p.uri === uri && p.diagnostics.length > 0)!;
  const nbP = nextDiagnostics((p) => p.uri === uri && p.diagnostics.length > 0 && p.diagnostics[0].message !== en.diagnostics[0].message);
  await conn.sendNotification('weeklyReport/setLocale', { locale: 'nb' });
  const nb = await nbP;
  assert.equal(nb.diagnostics[0].code, en.diagnostics[0].code);
  const enP = nextDiagnostics((p) => p.uri === uri && p.diagnostics.length > 0 && p.diagnostics[0].message === en.diagnostics[0].message);
  await conn.sendNotification('weeklyReport/setLocale', { locale: 'en' });
  await enP;
});

test('a hostile document does not crash the server', async () => {
  const junk = '`'.repeat(20_000) + '\n' + '*a '.repeat(10_000) + '\u0000\ud800\n' + '  - x\n'.repeat(2000);
  const p = await open('status/junk.rst', junk);
  assert.ok(Array.isArray(p.diagnostics));
  const q = await change(uriOf('status/junk.rst'), '');
  assert.ok(Array.isArray(q.diagnostics));
  assert.equal(proc.exitCode, null);
});

test('untitled documents are validated against the workspace folder, never by scanning the disk root', async () => {
  const uri = 'untitled:Untitled-1';
  versions.set(uri, 1);
  const p = nextDiagnostics((d) => d.uri === uri && d.version === 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'restructuredtext', version: 1, text: 'Hello *world\n' } });
  const d = await p;
  assert.ok(d.diagnostics.some((x) => String(x.code).startsWith('rst.')), JSON.stringify(d.diagnostics));
  assert.ok(!logs.some((l) => l.includes('scanning / failed')));
});

test('stale versions are dropped: a burst of changes publishes only the last version', async () => {
  const uri = uriOf('status/reports/2017/uke_30.rst');
  const base = (versions.get(uri) ?? 1);
  const before = published.length;
  const texts = [1, 2, 3, 4, 5].map((i) => uke30.replace('Samlerapport', 'Samlerapport' + 'x'.repeat(i)));
  for (let i = 0; i < texts.length - 1; i++) {
    versions.set(uri, base + i + 1);
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: base + i + 1 }, contentChanges: [{ text: texts[i] }] });
  }
  const last = await change(uri, texts[texts.length - 1]);
  await new Promise((r) => setTimeout(r, 50));
  const forUri = published.slice(before).filter((p) => p.uri === uri);
  // Results arrive in version order and nothing is published for an outdated version after a newer one.
  assert.equal(forUri[forUri.length - 1], last);
  for (let i = 1; i < forUri.length; i++) assert.ok(forUri[i].version! > forUri[i - 1].version!, JSON.stringify(forUri.map((p) => p.version)));
  console.log(`# burst of 5 changes: ${forUri.length} publication(s)`);
});

test('change → diagnostics latency on a typical report: median under 20 ms', async (t) => {
  const uri = uriOf('status/reports/2017/uke_30.rst');
  const times: number[] = [];
  let text = uke30;
  for (let i = 0; i < 40; i++) {
    text = text.replace('Samlerapport', 'Samlerapport' + (i % 10));
    const t0 = process.hrtime.bigint();
    await change(uri, text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const stats = (await conn.sendRequest('weeklyReport/stats')) as { validations: number; medianValidateMs: number };
  assert.ok(stats.validations >= 40);
  console.log(`# server-side parse + validate: median ${stats.medianValidateMs.toFixed(2)} ms over the last ${Math.min(200, stats.validations)} validations`);
  const load = os.loadavg()[0];
  const cores = os.cpus().length;
  console.log(`# change → publishDiagnostics: median ${median.toFixed(2)} ms, p90 ${times[Math.floor(times.length * 0.9)].toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms (load ${load.toFixed(1)} on ${cores} cores)`);
  if (median >= 20 && load > 2 * cores) {
    // A wall-clock bound means nothing on a machine this oversubscribed: report, do not claim a pass.
    t.skip(`machine overloaded (load ${load.toFixed(1)} on ${cores} cores): median ${median.toFixed(1)} ms not judged`);
    return;
  }
  assert.ok(median < 20, `median ${median} ms`);
});
