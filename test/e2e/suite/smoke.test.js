'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const h = require('./helpers');

suite('smoke', () => {
  test('the extension activates and its language client is running', async function () {
    const api = await h.activate();
    assert.ok(api && api.client, 'activate() returns { client }');
    assert.equal(api.client.isRunning(), true, 'language client is running');
    assert.ok(vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length === 1, 'one workspace folder is open');
  });
});
