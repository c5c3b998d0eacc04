// Placeholder: owned by the authoring work (issue 5).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
export function activateAuthoring(_context: vscode.ExtensionContext, _client: LanguageClient | undefined): void {}
