/**
 * Preview commands: Open Preview (to the Side), lock, Export to HTML, Copy as HTML, and a test-only state
 * command. Nothing is scanned or rendered at activation; the docs index starts with the first preview.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderStandaloneHtml } from '../../../server/src/core/render/html';
import { DocsIndex } from './docsIndex';
import { PreviewPanel, VIEW_TYPE, type PreviewState } from './preview';

let current: PreviewPanel | undefined;
let docs: DocsIndex | undefined;

function activeRstDocument(uri?: vscode.Uri): vscode.TextDocument | undefined {
  if (uri instanceof vscode.Uri) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open;
  }
  const ed = vscode.window.activeTextEditor;
  if (ed && (ed.document.languageId === 'restructuredtext' || /\.(rst|rest)$/i.test(ed.document.uri.path))) return ed.document;
  if (current) return vscode.workspace.textDocuments.find((d) => d.uri.toString() === current!.uri.toString());
  return undefined;
}

function locale(): 'en' | 'nb' {
  const setting = vscode.workspace.getConfiguration('weeklyReport').get<string>('language', 'auto');
  const l = setting && setting !== 'auto' ? setting : vscode.env.language;
  return /^(nb|no|nn)/i.test(l) ? 'nb' : 'en';
}

async function showPreview(context: vscode.ExtensionContext, toSide: boolean, uri?: vscode.Uri): Promise<void> {
  let doc = activeRstDocument(uri);
  if (!doc && uri instanceof vscode.Uri) doc = await vscode.workspace.openTextDocument(uri);
  if (!doc) {
    void vscode.window.showInformationMessage('Weekly Report: open a reStructuredText report to preview it.');
    return;
  }
  const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  if (current) {
    current.reveal(toSide ? vscode.ViewColumn.Beside : current.panel.viewColumn ?? column, toSide);
    if (current.uri.toString() !== doc.uri.toString()) current.show(doc);
    return;
  }
  if (!docs) {
    docs = new DocsIndex();
    context.subscriptions.push(docs);
  }
  const panel = vscode.window.createWebviewPanel(
    VIEW_TYPE,
    'Preview',
    { viewColumn: column, preserveFocus: toSide },
    { enableScripts: true, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: [] },
  );
  current = new PreviewPanel(panel, doc, context.extensionUri, docs, () => {
    current = undefined;
  });
}

async function standalone(uri?: vscode.Uri): Promise<{ doc: vscode.TextDocument; html: string } | undefined> {
  const doc = activeRstDocument(uri);
  if (!doc) {
    void vscode.window.showInformationMessage('Weekly Report: open a reStructuredText report first.');
    return undefined;
  }
  if (!docs) docs = new DocsIndex();
  await docs.ensure();
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.path;
  const root = docs.docsRoot(doc.uri.path, folder);
  const smart = vscode.workspace.getConfiguration('weeklyReport.preview', doc.uri).get<boolean>('smartQuotes', true);
  const smartQuotes = smart ? await docs.loadSmartQuotes(root) : false;
  const html = renderStandaloneHtml(doc.getText(), doc.uri.path, { workspace: docs.view(root), locale: locale(), smartQuotes });
  return { doc, html };
}

export function activatePreview(context: vscode.ExtensionContext, _client: LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('weeklyReport.showPreview', (uri?: vscode.Uri) => showPreview(context, false, uri)),
    vscode.commands.registerCommand('weeklyReport.showPreviewToSide', (uri?: vscode.Uri) => showPreview(context, true, uri)),
    vscode.commands.registerCommand('weeklyReport.togglePreviewLock', () => {
      if (current) current.setLocked(!current.isLocked);
    }),
    vscode.commands.registerCommand('weeklyReport.exportHtml', async (uri?: vscode.Uri, targetUri?: vscode.Uri) => {
      const r = await standalone(uri);
      if (!r) return;
      const defaultUri = r.doc.uri.with({ path: r.doc.uri.path.replace(/\.[^./]*$/, '') + '.html' });
      // a second argument (tests, other extensions) skips the save dialog
      const target = targetUri instanceof vscode.Uri ? targetUri : await vscode.window.showSaveDialog({ defaultUri, filters: { HTML: ['html', 'htm'] }, saveLabel: 'Export' });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.html));
      void vscode.window.showInformationMessage(`Weekly Report: exported ${target.path.slice(target.path.lastIndexOf('/') + 1)}`);
    }),
    vscode.commands.registerCommand('weeklyReport.copyHtml', async (uri?: vscode.Uri) => {
      const r = await standalone(uri);
      if (!r) return;
      await vscode.env.clipboard.writeText(r.html);
      void vscode.window.setStatusBarMessage('Weekly Report: HTML copied to the clipboard', 3000);
    }),
    // Test-only (end-to-end tests): the preview's state, and a wait for a painted version.
    vscode.commands.registerCommand('weeklyReport._previewState', (): PreviewState | undefined => current?.state()),
    vscode.commands.registerCommand('weeklyReport._previewUserScroll', (line: number) => current?.userScroll(Number(line))),
    vscode.commands.registerCommand('weeklyReport._previewOpenLink', (href: string) => current?.openLink(String(href))),
    vscode.commands.registerCommand('weeklyReport._previewWaitPainted', (version: number, timeoutMs?: number) =>
      current ? current.waitPainted(version, timeoutMs) : Promise.resolve(undefined)),
    new vscode.Disposable(() => current?.dispose()),
  );
}
