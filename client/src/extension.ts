/**
 * VS Code client: starts the Weekly Report language server (dist/server.js over IPC), forwards file
 * events for the workspace index, then hands over to the preview and authoring parts.
 * Activation does no work of its own: the server scans the workspace in the background.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { activatePreview } from './preview';
import { activateAuthoring } from './authoring';

/** Kept in sync with server/src/server.ts. */
const SET_LOCALE_NOTIFICATION = 'weeklyReport/setLocale';

export interface WeeklyReportApi {
  client: LanguageClient;
}

let client: LanguageClient | undefined;

/** The locale the server should use: the `weeklyReport.language` setting, or VS Code's display language. */
export function configuredLocale(): string {
  const setting = vscode.workspace.getConfiguration('weeklyReport').get<string>('language', 'auto');
  return setting && setting !== 'auto' ? setting : vscode.env.language;
}

export async function activate(context: vscode.ExtensionContext): Promise<WeeklyReportApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/*.{rst,png,jpg,jpeg,gif,svg,html,py,json}'),
    vscode.workspace.createFileSystemWatcher('**/weekly-report.json'),
    // Folders created or deleted (moved in, moved out): VS Code reports only the folder itself.
    vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'restructuredtext' }],
    synchronize: { fileEvents: watchers },
    initializationOptions: { locale: configuredLocale() },
    diagnosticCollectionName: 'weekly-report',
  };
  client = new LanguageClient('weeklyReport', 'Weekly Report', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    // Keep the rest of the extension (preview, snippets) usable; the client logs the details.
    void vscode.window.showErrorMessage(`Weekly Report: the language server failed to start: ${e instanceof Error ? e.message : String(e)}`);
  }

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('weeklyReport.language') && client) {
        void client.sendNotification(SET_LOCALE_NOTIFICATION, { locale: configuredLocale() });
      }
    }),
  );

  activatePreview(context, client);
  activateAuthoring(context, client);
  return { client };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
