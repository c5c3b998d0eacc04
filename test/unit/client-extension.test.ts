/**
 * The VS Code client's wiring, with `vscode`, `vscode-languageclient/node` and the preview/authoring
 * modules replaced by recording fakes (the real editor is exercised by the end-to-end suite).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';

interface Recorded {
  watchers: Array<{ glob: string; ignoreCreate?: boolean; ignoreChange?: boolean; ignoreDelete?: boolean }>;
  clients: Array<{ id: string; name: string; serverOptions: any; clientOptions: any; started: boolean; stopped: boolean; notifications: Array<[string, unknown]> }>;
  preview: unknown[];
  authoring: unknown[];
  configListeners: Array<(e: { affectsConfiguration(s: string): boolean }) => void>;
}

const rec: Recorded = { watchers: [], clients: [], preview: [], authoring: [], configListeners: [] };
let languageSetting = 'auto';

const fakeVscode = {
  workspace: {
    createFileSystemWatcher(glob: string, ignoreCreate?: boolean, ignoreChange?: boolean, ignoreDelete?: boolean) {
      const w = { glob, ignoreCreate, ignoreChange, ignoreDelete, dispose() {} };
      rec.watchers.push(w);
      return w;
    },
    getConfiguration(section: string) {
      assert.equal(section, 'weeklyReport');
      return { get: (key: string, def: unknown) => (key === 'language' ? languageSetting : def) };
    },
    onDidChangeConfiguration(listener: (e: { affectsConfiguration(s: string): boolean }) => void) {
      rec.configListeners.push(listener);
      return { dispose() {} };
    },
  },
  env: { language: 'nb' },
  window: { showErrorMessage: () => Promise.resolve(undefined) },
};

class FakeLanguageClient {
  rec: Recorded['clients'][number];
  constructor(id: string, name: string, serverOptions: unknown, clientOptions: unknown) {
    this.rec = { id, name, serverOptions, clientOptions, started: false, stopped: false, notifications: [] };
    rec.clients.push(this.rec);
  }
  async start() {
    this.rec.started = true;
  }
  async stop() {
    this.rec.stopped = true;
  }
  async sendNotification(method: string, params: unknown) {
    this.rec.notifications.push([method, params]);
  }
}

const fakes: Record<string, unknown> = {
  vscode: fakeVscode,
  'vscode-languageclient/node': { LanguageClient: FakeLanguageClient, TransportKind: { stdio: 0, ipc: 1, pipe: 2, socket: 3 } },
  './preview': { activatePreview: (...a: unknown[]) => rec.preview.push(a) },
  './authoring': { activateAuthoring: (...a: unknown[]) => rec.authoring.push(a) },
};

const M = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
const realLoad = M._load;
M._load = function (request: string, parent: { filename?: string } | undefined, isMain: boolean) {
  if (request in fakes && (request === 'vscode' || request.startsWith('vscode-') || /client[\\/]src[\\/]extension\.js$/.test(parent?.filename ?? ''))) {
    return fakes[request];
  }
  return realLoad.call(this, request, parent, isMain);
};
// eslint-disable-next-line @typescript-eslint/no-var-requires
const ext = require('../../client/src/extension') as typeof import('../../client/src/extension');

const context = { subscriptions: [] as unknown[], asAbsolutePath: (p: string) => '/ext/' + p };

test('activate starts the server over IPC, wires watchers, locale, preview and authoring, returns { client }', async () => {
  const api = await ext.activate(context as never);
  assert.equal(rec.clients.length, 1);
  const c = rec.clients[0];
  assert.equal((api.client as unknown as FakeLanguageClient).rec, c);
  assert.equal(c.started, true);
  assert.equal(c.serverOptions.run.module, '/ext/dist/server.js');
  assert.equal(c.serverOptions.run.transport, 1);
  assert.deepEqual(c.clientOptions.documentSelector, [{ language: 'restructuredtext' }]);
  assert.deepEqual(c.clientOptions.initializationOptions, { locale: 'nb' });
  const globs = rec.watchers.map((w) => w.glob);
  assert.ok(globs.includes('**/*.{rst,png,jpg,jpeg,gif,svg,html,py,json}'));
  assert.ok(globs.includes('**/weekly-report.json'));
  assert.deepEqual(c.clientOptions.synchronize.fileEvents, rec.watchers);
  assert.equal(rec.preview.length, 1);
  assert.equal(rec.authoring.length, 1);
  assert.equal((rec.preview[0] as unknown[])[1], api.client);
  assert.equal((rec.authoring[0] as unknown[])[1], api.client);
});

test('the weeklyReport.language setting overrides the display language and is sent on change', async () => {
  languageSetting = 'en';
  assert.equal(ext.configuredLocale(), 'en');
  for (const l of rec.configListeners) l({ affectsConfiguration: (s) => s === 'weeklyReport.language' });
  assert.deepEqual(rec.clients[0].notifications, [['weeklyReport/setLocale', { locale: 'en' }]]);
  for (const l of rec.configListeners) l({ affectsConfiguration: () => false });
  assert.equal(rec.clients[0].notifications.length, 1);
  languageSetting = 'auto';
  assert.equal(ext.configuredLocale(), 'nb');
});

test('deactivate stops the client', async () => {
  await ext.deactivate();
  assert.equal(rec.clients[0].stopped, true);
});
