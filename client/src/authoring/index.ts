/**
 * Authoring in the client: the `weeklyReport.newReport` command (Command Palette, Explorer context menu on
 * folders, and programmatic with `{ year, week, folder }`). Completion, hover, navigation, rename and the
 * adornment fixes are served by the language server (server/src/languageFeatures.ts); snippets and the
 * grammar are contributed by package.json.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { newReport } from './newReport';

export const NEW_REPORT_COMMAND = 'weeklyReport.newReport';

export function activateAuthoring(context: vscode.ExtensionContext, _client: LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_REPORT_COMMAND, async (arg?: unknown) => {
      try {
        return await newReport(arg);
      } catch (e) {
        void vscode.window.showErrorMessage(`Weekly Report: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    }),
  );
}
