// Placeholder: owned by the preview work (issue 4).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
export function activatePreview(_context: vscode.ExtensionContext, _client: LanguageClient | undefined): void {}
