/**
 * The live preview webview: renders the report in the extension host with the pure core renderer and
 * sends the HTML to the webview (`media/preview.js` patches the DOM). Follows the active report or is locked
 * to one; scroll sync both ways via `data-line`; links open documents or go through `env.openExternal`.
 */
import * as vscode from 'vscode';
import { parse } from '../../../server/src/core/rst/parser';
import { renderHtml } from '../../../server/src/core/render/html';
import { posixDirName, posixJoin } from '../../../server/src/core/paths';
import type { DocsIndex } from './docsIndex';

export const VIEW_TYPE = 'weeklyReport.preview';
const UPDATE_DELAY_MS = 5;

export interface PreviewState {
  uri: string | undefined;
  locked: boolean;
  version: number;
  /** Document version of the last HTML sent. */
  sentVersion: number;
  /** Document version the webview last acknowledged as painted. */
  paintedVersion: number;
  html: string;
  renderMs: number;
  /** Time from the document change event to the webview's paint acknowledgement, for the last painted version. */
  lastChangeToPaintMs: number | undefined;
  visible: boolean;
  /** What the webview reported from its DOM with the last paint acknowledgement. */
  /** Scroll sync: messages editor→preview, reveals preview→editor, the webview's last reported top line. */
  scroll: { toPreview: number; fromPreview: number; webviewTopLine: number | undefined };
  /** Where the time went for the last paint (ms, wall clock): host→webview, DOM patch, paint, webview→host. */
  timing: { toWebview: number; patch: number; paint: number; back: number } | undefined;
  dom: { headings: string[]; links: string[]; scripts: string[]; title: string } | undefined;
}

function isRst(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.languageId === 'restructuredtext' || /\.(rst|rest)$/i.test(doc.uri.path));
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

function locale(): 'en' | 'nb' {
  const setting = vscode.workspace.getConfiguration('weeklyReport').get<string>('language', 'auto');
  const l = setting && setting !== 'auto' ? setting : vscode.env.language;
  return /^(nb|no|nn)/i.test(l) ? 'nb' : 'en';
}

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private document: vscode.TextDocument;
  private locked = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private html = '';
  private sentVersion = -1;
  private paintedVersion = -1;
  private renderMs = 0;
  private lastChangeToPaintMs: number | undefined;
  private dom: PreviewState['dom'];
  private lastTiming: PreviewState['timing'];
  private readonly changeTimes = new Map<number, number>();
  private readonly paintWaiters: Array<{ version: number; resolve: (ms: number | undefined) => void }> = [];
  /** The editor scroll the preview caused (top line, valid until): its visible-range event is not echoed back. */
  private ownEditorScroll: { line: number; until: number } | undefined;
  private pendingFragment: string | undefined;
  private disposed = false;
  private lastUpdateAt = 0;
  /** Scroll-sync bookkeeping (also read by the end-to-end test). */
  private scrollMessages = 0;
  private revealsFromPreview = 0;
  private webviewTopLine: number | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    document: vscode.TextDocument,
    private readonly extensionUri: vscode.Uri,
    private readonly docs: DocsIndex,
    private readonly onDispose: () => void,
  ) {
    this.document = document;
    panel.webview.options = this.webviewOptions();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document || e.document.uri.toString() === this.document.uri.toString()) {
          this.changeTimes.set(e.document.version, performance.now());
          if (this.changeTimes.size > 50) this.changeTimes.delete(this.changeTimes.keys().next().value as number);
          this.schedule();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        if (!this.locked && ed && isRst(ed.document) && ed.document.uri.toString() !== this.document.uri.toString()) this.show(ed.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScroll(e)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('weeklyReport.preview') || e.affectsConfiguration('weeklyReport.language')) this.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
      docs.onTitles(() => this.schedule()),
    );
    this.reload();
    void docs.ensure().then(() => this.schedule());
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
  }

  /** Show another document in this preview. */
  show(document: vscode.TextDocument, fragment?: string): void {
    this.document = document;
    this.pendingFragment = fragment;
    this.panel.webview.options = this.webviewOptions();
    this.reload();
  }

  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  state(): PreviewState {
    return {
      uri: this.document.uri.toString(),
      locked: this.locked,
      version: this.document.version,
      sentVersion: this.sentVersion,
      paintedVersion: this.paintedVersion,
      html: this.html,
      renderMs: this.renderMs,
      lastChangeToPaintMs: this.lastChangeToPaintMs,
      visible: this.panel.visible,
      dom: this.dom,
      timing: this.lastTiming,
      scroll: { toPreview: this.scrollMessages, fromPreview: this.revealsFromPreview, webviewTopLine: this.webviewTopLine },
    };
  }

  /** Test hook: make the webview scroll as if the user did. */
  userScroll(line: number): void {
    void this.panel.webview.postMessage({ type: 'userScroll', line });
  }

  /** Resolves with the change→paint time once the webview painted `version` (or undefined after `timeoutMs`). */
  waitPainted(version: number, timeoutMs = 5000): Promise<number | undefined> {
    if (this.paintedVersion >= version) return Promise.resolve(this.lastChangeToPaintMs);
    return new Promise((resolve) => {
      const w = { version, resolve };
      this.paintWaiters.push(w);
      setTimeout(() => {
        const i = this.paintWaiters.indexOf(w);
        if (i >= 0) {
          this.paintWaiters.splice(i, 1);
          resolve(undefined);
        }
      }, timeoutMs);
    });
  }

  // ------------------------------------------------------------------ rendering

  private folderPath(): string | undefined {
    return vscode.workspace.getWorkspaceFolder(this.document.uri)?.uri.path;
  }

  private roots(): vscode.Uri[] {
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'media')];
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length) roots.push(...folders.map((f) => f.uri));
    else roots.push(this.document.uri.with({ path: posixDirName(this.document.uri.path) }));
    return roots;
  }

  private webviewOptions(): vscode.WebviewOptions {
    return { enableScripts: true, enableCommandUris: false, localResourceRoots: this.roots() };
  }

  private isInsideRoots(path: string): boolean {
    const docRoots = this.roots().slice(1);
    return docRoots.some((r) => path === r.path || path.startsWith(r.path.endsWith('/') ? r.path : r.path + '/'));
  }

  /** Leading edge when idle (render on the next tick), then at most one render per UPDATE_DELAY_MS while typing. */
  private schedule(): void {
    if (this.disposed) return;
    if (this.timer) return;
    const idle = performance.now() - this.lastUpdateAt >= UPDATE_DELAY_MS;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, idle ? 0 : UPDATE_DELAY_MS);
  }

  private renderBody(): string {
    const doc = this.document;
    const text = doc.getText();
    const path = doc.uri.path;
    const folder = this.folderPath();
    const root = this.docs.docsRoot(path, folder);
    const webview = this.panel.webview;
    const cfg = vscode.workspace.getConfiguration('weeklyReport.preview', doc.uri);
    const t0 = performance.now();
    const parsed = parse(text);
    const html = renderHtml(parsed, text, {
      path,
      workspace: this.docs.view(root),
      dataLines: true,
      allowHttpsImages: cfg.get<boolean>('allowHttpsImages', false),
      locale: locale(),
      resolveResource: (abs) => (this.isInsideRoots(abs) ? webview.asWebviewUri(doc.uri.with({ path: abs, query: '', fragment: '' })).toString() : undefined),
      onMissingTitle: (p) => this.docs.requestTitle(p),
      // as Sphinx: from conf.py (English until it has been read, Sphinx's default)
      smartQuotes: cfg.get<boolean>('smartQuotes', true) ? this.docs.smartQuotes(root) ?? 'en' : false,
    });
    this.renderMs = performance.now() - t0;
    return html;
  }

  /** Re-render and send the HTML to the webview (DOM patched there, scroll position kept). */
  private update(): void {
    if (this.disposed) return;
    this.lastUpdateAt = performance.now();
    let html: string;
    try {
      html = this.renderBody();
    } catch (e) {
      html = `<p class="wr-problem">${String(e)}</p>`;
    }
    this.html = html;
    this.sentVersion = this.document.version;
    void this.panel.webview.postMessage({ type: 'update', html, version: this.document.version, uri: this.document.uri.toString(), sentAt: Date.now() });
  }

  /** Full reload of the webview HTML (document switch, settings change). */
  private reload(): void {
    if (this.disposed) return;
    this.updateTitle();
    const webview = this.panel.webview;
    const cfg = vscode.workspace.getConfiguration('weeklyReport.preview', this.document.uri);
    const https = cfg.get<boolean>('allowHttpsImages', false);
    const n = nonce();
    const media = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString();
    const extraStyles: string[] = [];
    if (vscode.workspace.isTrusted) {
      const folder = vscode.workspace.getWorkspaceFolder(this.document.uri);
      for (const s of cfg.get<string[]>('styles', []) ?? []) {
        if (typeof s !== 'string' || !s || /^[a-z][a-z0-9+.-]*:/i.test(s)) continue;
        const base = folder?.uri ?? this.document.uri.with({ path: posixDirName(this.document.uri.path) });
        const abs = s.startsWith('/') ? base.with({ path: posixJoin(base.path, s) }) : base.with({ path: posixJoin(base.path, s) });
        if (this.isInsideRoots(abs.path)) extraStyles.push(webview.asWebviewUri(abs).toString());
      }
    }
    let body = '';
    try {
      body = this.renderBody();
    } catch (e) {
      body = '';
    }
    this.html = body;
    this.sentVersion = this.document.version;
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${n}'`,
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}${https ? ' https:' : ''}`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    webview.html =
      `<!DOCTYPE html>\n<html lang="${locale()}">\n<head>\n<meta charset="utf-8">\n` +
      `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Weekly Report Preview</title>\n' +
      `<link rel="stylesheet" href="${esc(media('preview.css'))}">\n` +
      extraStyles.map((s) => `<link rel="stylesheet" href="${esc(s)}">\n`).join('') +
      `</head>\n<body>\n<main class="wr-document" id="wr-root" data-version="${this.document.version}" data-uri="${esc(this.document.uri.toString())}"` +
      ` data-fragment="${esc(this.pendingFragment ?? '')}" data-line="${this.editorTopLine() ?? ''}">\n${body}</main>\n` +
      `<script nonce="${n}" src="${esc(media('preview.js'))}"></script>\n</body>\n</html>\n`;
    this.pendingFragment = undefined;
  }

  private updateTitle(): void {
    const name = this.document.uri.path.slice(this.document.uri.path.lastIndexOf('/') + 1);
    this.panel.title = this.locked ? `[Preview] ${name}` : `Preview ${name}`;
  }

  // ------------------------------------------------------------------ scroll sync, clicks

  private editorFor(): vscode.TextEditor | undefined {
    const u = this.document.uri.toString();
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === u);
  }

  private editorTopLine(): number | undefined {
    return this.editorFor()?.visibleRanges[0]?.start.line;
  }

  private onEditorScroll(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (e.textEditor.document.uri.toString() !== this.document.uri.toString()) return;
    const line = e.visibleRanges[0]?.start.line;
    if (line === undefined) return;
    const own = this.ownEditorScroll;
    if (own) {
      this.ownEditorScroll = undefined;
      if (Date.now() < own.until && Math.abs(line - own.line) <= 1) return;
    }
    this.scrollMessages++;
    void this.panel.webview.postMessage({ type: 'scrollToLine', line });
  }

  private onMessage(m: any): void {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'painted': {
        const v = Number(m.version);
        if (!Number.isFinite(v)) return;
        if (v > this.paintedVersion) this.paintedVersion = v;
        if (m.initial && v < this.document.version) this.schedule();
        if (m.timing && typeof m.timing === 'object') {
          const t = m.timing;
          const now = Date.now();
          this.lastTiming = { toWebview: t.recvAt - t.sentAt, patch: t.patchedAt - t.recvAt, paint: t.ackAt - t.patchedAt, back: now - t.ackAt };
        }
        if (Array.isArray(m.headings) && Array.isArray(m.links)) {
          this.dom = { headings: m.headings.map(String), links: m.links.map(String), scripts: Array.isArray(m.scripts) ? m.scripts.map(String) : [], title: String(m.title ?? '') };
        }
        const t = this.changeTimes.get(v);
        if (t !== undefined) this.lastChangeToPaintMs = performance.now() - t;
        for (let i = this.paintWaiters.length - 1; i >= 0; i--) {
          if (this.paintWaiters[i].version <= this.paintedVersion) this.paintWaiters.splice(i, 1)[0].resolve(this.lastChangeToPaintMs);
        }
        return;
      }
      case 'scrolled':
        if (Number.isFinite(Number(m.line))) this.webviewTopLine = Number(m.line);
        return;
      case 'revealLine': {
        const line = Number(m.line);
        if (Number.isFinite(line)) this.webviewTopLine = line;
        this.revealsFromPreview++;
        const ed = this.editorFor();
        if (!ed || !Number.isFinite(line)) return;
        const l = Math.max(0, Math.min(Math.floor(line), ed.document.lineCount - 1));
        const beforeTop = ed.visibleRanges[0]?.start.line;
        ed.revealRange(new vscode.Range(l, 0, l, 0), vscode.TextEditorRevealType.AtTop);
        // the editor may clamp at the end of the document; expect whatever it settles on near l
        if (beforeTop !== l) this.ownEditorScroll = { line: l, until: Date.now() + 500 };
        return;
      }
      case 'dblclick': {
        const line = Number(m.line);
        if (!Number.isFinite(line)) return;
        const l = Math.max(0, Math.min(Math.floor(line), this.document.lineCount - 1));
        const ed = this.editorFor();
        void vscode.window.showTextDocument(this.document, {
          viewColumn: ed?.viewColumn ?? vscode.ViewColumn.One,
          selection: new vscode.Range(l, 0, l, 0),
        });
        return;
      }
      case 'link':
        if (typeof m.href === 'string') void this.openLink(m.href);
        return;
      default:
        return;
    }
  }

  /** `:doc:`/relative links open the document (its .rst for Sphinx-style .html links); external go to openExternal. */
  async openLink(href: string): Promise<void> {
    if (/^(https?|mailto|ftp):/i.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href, true));
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return; // other schemes: ignored
    const hash = href.indexOf('#');
    const pathPart = decodeURIComponent(hash >= 0 ? href.slice(0, hash) : href);
    const fragment = hash >= 0 ? href.slice(hash + 1) : undefined;
    if (!pathPart) return;
    const abs = pathPart.startsWith('/')
      ? posixJoin(this.docs.docsRoot(this.document.uri.path, this.folderPath()), pathPart)
      : posixJoin(posixDirName(this.document.uri.path), pathPart);
    const candidates = [abs];
    if (/\.html?$/i.test(abs)) candidates.unshift(abs.replace(/\.html?$/i, '.rst'));
    else if (!/\.[a-z0-9]+$/i.test(abs)) candidates.unshift(abs + '.rst');
    for (const c of candidates) {
      const uri = this.document.uri.with({ path: c, query: '', fragment: '' });
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        continue;
      }
      if (/\.(rst|rest|txt)$/i.test(c)) {
        const doc = await vscode.workspace.openTextDocument(uri);
        const ed = this.editorFor();
        await vscode.window.showTextDocument(doc, { viewColumn: ed?.viewColumn ?? vscode.ViewColumn.One });
        if (!this.locked) this.show(doc, fragment);
      } else {
        await vscode.commands.executeCommand('vscode.open', uri);
      }
      return;
    }
    void vscode.window.showWarningMessage(`Weekly Report: cannot find ${pathPart}`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.paintWaiters.splice(0)) w.resolve(undefined);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}
