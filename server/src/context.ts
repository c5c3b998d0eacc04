/**
 * The language server's shared state, handed to every feature (diagnostics and code actions here in
 * server.ts; completion, hover, symbols, navigation… in languageFeatures.ts).
 *
 * - Documents are parsed once per version (`getParsed`), and that parse is shared by all features.
 * - Each docs root (the folder holding conf.py, else the workspace folder) has an in-memory
 *   `WorkspaceIndex` and its `weekly-report.json` config. Nothing here touches the disk on the
 *   keystroke path: the index is filled by a background scan and kept current by file-watcher events.
 */
import * as fs from 'node:fs';
import type {
  ClientCapabilities,
  CodeAction,
  CodeActionParams,
  Connection,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParseResult, Section } from './core/rst/ast';
import { parse } from './core/rst/parser';
import { LineIndex } from './core/lineIndex';
import type { Finding, Locale } from './core/types';
import { WorkspaceIndex } from './core/workspace';
import { posixBaseName, posixDirName } from './core/paths';
import { DocsRootFinder } from './node/docsRoot';
import { isSkippedPath, scanFolder, extractTitle } from './node/scan';
import { CONFIG_FILE_NAME, configPathFor } from './node/config';
import { pathToUri, toFsPath, uriToPath } from './node/paths';
import { validate } from './core/engine';
import { loadConfig, type Config } from './core/report/config';

/** A document parsed at one version. Shared: never mutate. */
export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  /** Absolute posix path. */
  readonly path: string;
  readonly text: string;
  readonly parsed: ParseResult;
  readonly lines: LineIndex;
}

/** A docs root with its index and configuration. */
export interface DocsRoot {
  readonly root: string;
  readonly index: WorkspaceIndex;
  /** Parsed `weekly-report.json` (undefined: none, defaults apply). */
  config: Config | undefined;
  /** Findings on the config file itself (published on its URI). */
  configFindings: Finding[];
  readonly configPath: string;
  /** Resolves when the initial scan of this root is done. */
  ready: Promise<void>;
  scanned: boolean;
}

export interface WorkspaceChange {
  /** Docs roots whose index changed. */
  roots: string[];
  created: string[];
  deleted: string[];
  changed: string[];
  /** True when a weekly-report.json or conf.py changed (configuration / docs roots may differ). */
  configChanged: boolean;
}

export type CodeActionProvider = (params: CodeActionParams, doc: ParsedDocument) => CodeAction[] | undefined | null;

type Listener<T> = (e: T) => void;

export interface ServerContextOptions {
  /** Debounce between a change and its validation, in ms. */
  debounceMs?: number;
}

export class ServerContext {
  /** Display/diagnostic language. Set from `initializationOptions.locale`. */
  locale: Locale = 'en';
  /** The client's capabilities (set on initialize). */
  clientCapabilities: ClientCapabilities = {};
  /**
   * Static server capabilities, returned from `initialize`. Features registered by
   * `registerLanguageFeatures(ctx)` (which runs before initialize) add their providers here.
   */
  readonly capabilities: ServerCapabilities = {};
  /** Workspace folders as posix paths. */
  workspaceFolders: string[] = [];
  /** Options the client sent in `initialize` (`initializationOptions`). */
  initializationOptions: Record<string, unknown> = {};

  private readonly parseCache = new Map<string, ParsedDocument>();
  private readonly findingsCache = new Map<string, { version: number; findings: Finding[] }>();
  private readonly roots = new Map<string, DocsRoot>();
  private readonly finder = new DocsRootFinder();
  private readonly workspaceListeners: Array<Listener<WorkspaceChange>> = [];
  private readonly codeActionProviders: CodeActionProvider[] = [];
  private initialScan: Promise<void> | undefined;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly options: ServerContextOptions = {},
  ) {}

  // ------------------------------------------------------------------ paths

  uriToPath(uri: string): string {
    return uriToPath(uri);
  }

  pathToUri(path: string): string {
    return pathToUri(path);
  }

  // ------------------------------------------------------------------ documents

  /** The parse of an open document at its current version (parsed once per version), or undefined if not open. */
  getParsed(uri: string): ParsedDocument | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.parseCache.get(uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    let parsed: ParseResult;
    try {
      parsed = parse(text);
    } catch (e) {
      // The parser must never throw; if it does, keep serving with an empty tree.
      this.logError(`parse failed for ${uri}`, e);
      parsed = { tree: { type: 'document', start: 0, end: text.length, children: [] }, problems: [] };
    }
    const entry: ParsedDocument = { uri, version: doc.version, path: uriToPath(uri), text, parsed, lines: new LineIndex(text) };
    this.parseCache.set(uri, entry);
    this.updateOpenTitle(entry);
    return entry;
  }

  /** Findings of the engine for an open document at its current version (cached per version). */
  getFindings(uri: string): Finding[] | undefined {
    const doc = this.getParsed(uri);
    if (!doc) return undefined;
    const cached = this.findingsCache.get(uri);
    if (cached && cached.version === doc.version) return cached.findings;
    const root = this.getDocsRoot(uri);
    let findings: Finding[];
    try {
      findings = validate({
        text: doc.text,
        path: doc.path,
        workspace: root.index,
        config: root.config,
        locale: this.locale,
        parsed: doc.parsed,
      });
    } catch (e) {
      this.logError(`validation failed for ${uri}`, e);
      findings = [];
    }
    this.findingsCache.set(uri, { version: doc.version, findings });
    return findings;
  }

  /** Text of a file: the open document's text if open, else read from disk (not for the keystroke path). */
  readText(path: string): string | undefined {
    const uri = pathToUri(path);
    const doc = this.documents.get(uri);
    if (doc) return doc.getText();
    for (const d of this.documents.all()) if (uriToPath(d.uri) === path) return d.getText();
    try {
      return fs.readFileSync(toFsPath(path), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Forget per-document caches (on close); the index's title goes back to the saved file's. */
  forget(uri: string): void {
    const cached = this.parseCache.get(uri);
    this.parseCache.delete(uri);
    this.findingsCache.delete(uri);
    if (cached) for (const root of this.roots.values()) if (root.index.exists(cached.path)) this.refreshTitle(root, cached.path);
  }

  /** Drop cached findings (the workspace or config changed); parses stay valid. */
  invalidateFindings(): void {
    this.findingsCache.clear();
  }

  // ------------------------------------------------------------------ docs roots, index, config

  /** Path of the docs root for a file: nearest parent holding conf.py, else its workspace folder, else its folder. */
  docsRootOf(path: string): string {
    const dir = posixDirName(path);
    const found = this.finder.find(dir);
    if (found) return found;
    const folder = this.workspaceFolderOf(path);
    return folder ?? dir;
  }

  /**
   * The docs root (index + config) for a file path or URI; created (and scanned in the background) on
   * first use. Documents that are not files (untitled:) use the first workspace folder's root, or an
   * empty in-memory root; the file system root is never scanned.
   */
  getDocsRoot(pathOrUri: string): DocsRoot {
    if (isUri(pathOrUri) && !pathOrUri.startsWith('file:')) {
      const folder = this.workspaceFolders[0];
      return folder ? this.ensureRoot(this.docsRootOf(folder + '/_')) : this.ensureRoot(VIRTUAL_ROOT, false);
    }
    const path = this.toPath(pathOrUri);
    return this.ensureRoot(this.docsRootOf(path));
  }

  /** The workspace index for a file (or URI). May still be filling: see `whenReady`. */
  getWorkspace(pathOrUri: string): WorkspaceIndex {
    return this.getDocsRoot(pathOrUri).index;
  }

  /** The configuration for a file (undefined: defaults). */
  getConfig(pathOrUri: string): Config | undefined {
    return this.getDocsRoot(pathOrUri).config;
  }

  /** Resolves when the initial scan and the index of this file's docs root are complete. */
  async whenReady(pathOrUri: string): Promise<DocsRoot> {
    if (this.initialScan) await this.initialScan;
    const root = this.getDocsRoot(pathOrUri);
    await root.ready;
    return root;
  }

  /** All docs roots known so far. */
  allDocsRoots(): DocsRoot[] {
    return [...this.roots.values()];
  }

  /** Subscribe to index changes (after file-watcher events have been applied). */
  onDidChangeWorkspace(listener: Listener<WorkspaceChange>): { dispose(): void } {
    this.workspaceListeners.push(listener);
    return { dispose: () => this.workspaceListeners.splice(this.workspaceListeners.indexOf(listener) >>> 0, 1) };
  }

  /** Contribute extra code actions (e.g. authoring fixes); called by the codeAction handler. */
  registerCodeActionProvider(provider: CodeActionProvider): void {
    this.codeActionProviders.push(provider);
  }

  /** @internal used by server.ts */
  extraCodeActions(params: CodeActionParams, doc: ParsedDocument): CodeAction[] {
    const out: CodeAction[] = [];
    for (const p of this.codeActionProviders) {
      try {
        out.push(...(p(params, doc) ?? []));
      } catch (e) {
        this.logError('code action provider failed', e);
      }
    }
    return out;
  }

  /**
   * Scan the workspace folders (background): each folder becomes a docs root, and so does every folder
   * below it holding conf.py. Calls `progress` with a message; resolves when done.
   */
  scanWorkspaceFolders(progress?: (message: string) => void, folders: readonly string[] = this.workspaceFolders): Promise<void> {
    const previous = this.initialScan;
    this.initialScan = (async () => {
      if (previous) await previous;
      for (const folder of folders) {
        progress?.(folder);
        const scan = await scanFolder(folder, { titles: true });
        const rootPaths = new Set<string>([folder]);
        for (const f of scan.files) if (posixBaseName(f) === 'conf.py') rootPaths.add(posixDirName(f));
        for (const r of rootPaths) {
          if (this.roots.get(r)?.scanned) continue;
          const prefix = r === '/' ? '/' : r + '/';
          const root = this.ensureRoot(r, false);
          for (const f of scan.files) {
            if (!f.startsWith(prefix)) continue;
            root.index.add(f);
            const t = scan.titles.get(f);
            if (t !== undefined) root.index.setTitle(f, t);
          }
          root.scanned = true;
          root.ready = Promise.resolve();
        }
      }
      this.finder.clear();
    })().catch((e) => this.logError('workspace scan failed', e));
    return this.initialScan;
  }

  /** Workspace folders added or removed at run time: scan the new ones, drop the roots of removed ones. */
  async changeWorkspaceFolders(added: readonly string[], removed: readonly string[]): Promise<void> {
    for (const r of removed) {
      this.workspaceFolders = this.workspaceFolders.filter((f) => f !== r);
      for (const key of [...this.roots.keys()]) if (key === r || key.startsWith(r + '/')) this.roots.delete(key);
    }
    const fresh = added.filter((a) => !this.workspaceFolders.includes(a));
    this.workspaceFolders.push(...fresh);
    this.finder.clear();
    this.invalidateFindings();
    await this.scanWorkspaceFolders(undefined, fresh);
    this.fireWorkspaceChange({ roots: [...fresh, ...removed], created: [], deleted: [], changed: [], configChanged: true });
  }

  /**
   * Apply file-watcher events to the indexes and configs. Returns the change (also sent to listeners).
   */
  applyFileEvents(events: Array<{ path: string; type: 'created' | 'changed' | 'deleted' }>): WorkspaceChange {
    const change: WorkspaceChange = { roots: [], created: [], deleted: [], changed: [], configChanged: false };
    const touched = new Set<string>();
    for (const ev of events) {
      const base = posixBaseName(ev.path);
      if (base === 'conf.py' && ev.type !== 'changed') {
        this.finder.clear();
        change.configChanged = true;
      }
      for (const root of this.roots.values()) {
        if (!ev.path.startsWith(root.root === '/' ? '/' : root.root + '/')) continue;
        if (isSkippedPath(ev.path, root.root)) continue;
        touched.add(root.root);
        if (ev.type === 'created') {
          if (isDirectory(ev.path)) {
            // A folder appeared (e.g. moved in): scan it.
            void scanFolder(ev.path, { titles: true }).then((s) => {
              for (const f of s.files) root.index.add(f);
              for (const [f, t] of s.titles) root.index.setTitle(f, t);
              this.invalidateFindings();
              this.fireWorkspaceChange({ roots: [root.root], created: s.files, deleted: [], changed: [], configChanged: false });
            });
          } else {
            root.index.add(ev.path);
            this.refreshTitle(root, ev.path);
          }
        } else if (ev.type === 'deleted') {
          root.index.remove(ev.path);
          root.index.removeFolder(ev.path);
        } else {
          if (!root.index.exists(ev.path) && !isDirectory(ev.path)) root.index.add(ev.path);
          this.refreshTitle(root, ev.path);
        }
        if (ev.path === root.configPath) {
          this.reloadConfig(root);
          change.configChanged = true;
        }
      }
      if (ev.type === 'created') change.created.push(ev.path);
      else if (ev.type === 'deleted') change.deleted.push(ev.path);
      else change.changed.push(ev.path);
    }
    change.roots = [...touched];
    this.invalidateFindings();
    this.fireWorkspaceChange(change);
    return change;
  }

  /** Reload a root's weekly-report.json (on start and when it changes). */
  reloadConfig(root: DocsRoot): void {
    let text: string | undefined;
    try {
      text = fs.readFileSync(toFsPath(root.configPath), 'utf8');
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      root.config = undefined;
      root.configFindings = [];
    } else {
      try {
        const loaded = loadConfig(text, root.configPath, this.locale);
        root.config = loaded.config;
        root.configFindings = loaded.findings;
      } catch (e) {
        this.logError(`loading ${root.configPath} failed`, e);
        root.config = undefined;
        root.configFindings = [];
      }
    }
    this.configListener?.(root, text);
  }

  /** @internal server.ts publishes config diagnostics through this. */
  configListener: ((root: DocsRoot, text: string | undefined) => void) | undefined;

  logError(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : error === undefined ? '' : String(error);
    try {
      this.connection.console.error(`[weekly-report] ${message}${detail ? ': ' + detail : ''}`);
    } catch {
      /* connection gone */
    }
  }

  // ------------------------------------------------------------------ internals

  private toPath(pathOrUri: string): string {
    return isUri(pathOrUri) ? uriToPath(pathOrUri) : pathOrUri;
  }

  private workspaceFolderOf(path: string): string | undefined {
    let best: string | undefined;
    for (const f of this.workspaceFolders) {
      if ((path === f || path.startsWith(f === '/' ? '/' : f + '/')) && (!best || f.length > best.length)) best = f;
    }
    return best;
  }

  private ensureRoot(rootPath: string, scan = true): DocsRoot {
    let root = this.roots.get(rootPath);
    if (root) return root;
    const created: DocsRoot = {
      root: rootPath,
      index: new WorkspaceIndex(rootPath),
      config: undefined,
      configFindings: [],
      configPath: configPathFor(rootPath),
      ready: Promise.resolve(),
      scanned: false,
    };
    root = created;
    this.roots.set(rootPath, root);
    this.reloadConfig(root);
    if (scan && rootPath !== '/' && rootPath !== VIRTUAL_ROOT) {
      // Outside the workspace folders (a single file opened), keep the scan bounded.
      const maxFiles = this.workspaceFolderOf(rootPath) ? undefined : 20_000;
      root.ready = scanFolder(rootPath, { titles: true, maxFiles })
        .then((s) => {
          for (const f of s.files) created.index.add(f);
          for (const [f, t] of s.titles) if (created.index.title(f) === undefined) created.index.setTitle(f, t);
          created.scanned = true;
          this.invalidateFindings();
          this.fireWorkspaceChange({ roots: [rootPath], created: s.files, deleted: [], changed: [], configChanged: false });
        })
        .catch((e) => this.logError(`scanning ${rootPath} failed`, e));
    }
    return root;
  }

  private refreshTitle(root: DocsRoot, path: string): void {
    if (!path.endsWith('.rst')) return;
    const open = this.documents.get(pathToUri(path));
    if (open) return; // open documents keep the parser's title
    try {
      const text = fs.readFileSync(toFsPath(path), 'utf8');
      root.index.setTitle(path, extractTitle(text.slice(0, 4096)));
    } catch {
      /* vanished meanwhile */
    }
  }

  private updateOpenTitle(doc: ParsedDocument): void {
    if (!doc.path.endsWith('.rst')) return;
    const first = doc.parsed.tree.children.find((b): b is Section => b.type === 'section');
    for (const root of this.roots.values()) {
      if (root.index.exists(doc.path)) root.index.setTitle(doc.path, first?.titleText);
    }
  }

  private fireWorkspaceChange(change: WorkspaceChange): void {
    for (const l of [...this.workspaceListeners]) {
      try {
        l(change);
      } catch (e) {
        this.logError('workspace listener failed', e);
      }
    }
  }
}

const VIRTUAL_ROOT = '/\u0000untitled';

function isUri(s: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(s) && !/^[a-z]:[\\/]/i.test(s);
}

function isDirectory(path: string): boolean {
  try {
    return fs.statSync(toFsPath(path)).isDirectory();
  } catch {
    return false;
  }
}

export { CONFIG_FILE_NAME };
