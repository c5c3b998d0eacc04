/**
 * The preview's small workspace index: file names from ONE `workspace.findFiles` when the preview first
 * opens, kept current by a FileSystemWatcher; document titles loaded lazily (only for documents a preview
 * actually references) and forgotten when the file changes. Nothing happens at activation.
 */
import * as vscode from 'vscode';
import { WorkspaceIndex } from '../../../server/src/core/workspace';
import type { Workspace } from '../../../server/src/core/types';
import { parse } from '../../../server/src/core/rst/parser';
import { documentTitle } from '../../../server/src/core/render/html';
import { posixDirName } from '../../../server/src/core/paths';
import { smartQuotesFromConf, type SmartQuotes } from '../../../server/src/core/render/smartquotes';

const EXCLUDE = '**/{node_modules,.git,_build,.work,out,dist}/**';

export class DocsIndex implements vscode.Disposable {
  private readonly index = new WorkspaceIndex('/');
  private ready: Promise<void> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly loading = new Set<string>();
  private readonly titleListeners = new Set<() => void>();
  private scheme = 'file';
  private authority = '';
  /** Smart quotes per docs root, from its conf.py (read once, on first use; forgotten when conf.py changes). */
  private readonly quotes = new Map<string, Promise<SmartQuotes | false>>();
  private readonly quotesKnown = new Map<string, SmartQuotes | false>();

  /** Start the scan (once). Resolves when the file list is known. */
  ensure(): Promise<void> {
    if (!this.ready) {
      this.ready = (async () => {
        this.watcher = vscode.workspace.createFileSystemWatcher('**/{*.rst,*.rest,conf.py}');
        this.watcher.onDidCreate((u) => { this.index.add(u.path); this.confChanged(u.path); });
        this.watcher.onDidDelete((u) => { this.index.remove(u.path); this.confChanged(u.path); });
        this.watcher.onDidChange((u) => { this.index.setTitle(u.path, undefined); this.confChanged(u.path); });
        try {
          const uris = await vscode.workspace.findFiles('**/{*.rst,*.rest,conf.py}', EXCLUDE);
          for (const u of uris) {
            this.scheme = u.scheme;
            this.authority = u.authority;
            this.index.add(u.path);
          }
        } catch {
          /* no workspace: the index stays empty */
        }
      })();
    }
    return this.ready;
  }

  get size(): number {
    return this.index.size;
  }

  /** Called when lazily loaded titles arrive (the preview re-renders). */
  onTitles(listener: () => void): vscode.Disposable {
    this.titleListeners.add(listener);
    return new vscode.Disposable(() => this.titleListeners.delete(listener));
  }

  /** Sphinx docs root of a document: the nearest folder above it holding conf.py (else its workspace folder). */
  docsRoot(docPath: string, folder: string | undefined): string {
    let dir = posixDirName(docPath);
    for (let i = 0; i < 64; i++) {
      if (this.index.exists(dir === '/' ? '/conf.py' : `${dir}/conf.py`)) return dir;
      if (dir === '/' || dir === '.' || (folder && dir === folder)) break;
      dir = posixDirName(dir);
    }
    return folder ?? posixDirName(docPath);
  }

  /** A `Workspace` view for one document (its own docs root); answers from memory only. */
  view(root: string): Workspace {
    const idx = this.index;
    return {
      root,
      exists: (p) => idx.exists(p),
      findByBaseName: (b) => idx.findByBaseName(b),
      files: () => idx.files(),
      title: (p) => idx.title(p),
    };
  }

  /**
   * Smart quotes for documents under `root` as Sphinx would apply them (`smartQuotesFromConf`): the answer
   * when conf.py has been read, else undefined (reading starts; listeners are told when it is known).
   */
  smartQuotes(root: string): SmartQuotes | false | undefined {
    if (this.quotesKnown.has(root)) return this.quotesKnown.get(root);
    void this.loadSmartQuotes(root).then(() => this.scheduleNotify());
    return undefined;
  }

  /** The same, waiting for conf.py to be read. */
  loadSmartQuotes(root: string): Promise<SmartQuotes | false> {
    let p = this.quotes.get(root);
    if (!p) {
      const confPath = root === '/' ? '/conf.py' : `${root}/conf.py`;
      const uri = vscode.Uri.from({ scheme: this.scheme, authority: this.authority, path: confPath });
      // after the file list is known (whether conf.py exists); a read error counts as no conf.py
      const read = this.ensure().then(() => this.index.exists(confPath)
        ? vscode.workspace.fs.readFile(uri).then((b) => new TextDecoder('utf-8').decode(b), () => undefined)
        : undefined);
      p = read.then((conf) => {
        const q = smartQuotesFromConf(conf);
        if (this.quotes.get(root) === p) this.quotesKnown.set(root, q);
        return q;
      });
      this.quotes.set(root, p);
    }
    return p;
  }

  private confChanged(path: string): void {
    if (!path.endsWith('/conf.py')) return;
    const root = posixDirName(path);
    this.quotes.delete(root);
    if (this.quotesKnown.delete(root)) this.scheduleNotify();
  }

  /** Load the title of a document (asynchronously, once at a time); listeners are told when done. */
  requestTitle(path: string): void {
    if (this.loading.has(path)) return;
    this.loading.add(path);
    const uri = vscode.Uri.from({ scheme: this.scheme, authority: this.authority, path });
    const open = vscode.workspace.textDocuments.find((d) => d.uri.path === path);
    const textP: Thenable<string> = open
      ? Promise.resolve(open.getText())
      : vscode.workspace.fs.readFile(uri).then((b) => new TextDecoder('utf-8').decode(b));
    textP.then(
      (text) => {
        let title: string | undefined;
        try {
          title = documentTitle(parse(text));
        } catch {
          title = undefined;
        }
        // remember a failed lookup as the doc name so we do not retry on every keystroke
        this.index.setTitle(path, title ?? path.slice(path.lastIndexOf('/') + 1).replace(/\.rst$/, ''));
        this.loading.delete(path);
        this.scheduleNotify();
      },
      () => {
        this.loading.delete(path);
      },
    );
  }

  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private scheduleNotify(): void {
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      for (const l of this.titleListeners) l();
    }, 30);
  }

  dispose(): void {
    this.watcher?.dispose();
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
  }
}
