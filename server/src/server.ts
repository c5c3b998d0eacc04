/**
 * The Weekly Report language server: a thin adapter from LSP to the pure core.
 * Diagnostics for open documents (debounced, stale versions dropped), code actions (quick fixes and
 * fix-all), a workspace index kept current by file-watcher events. Language features (completion,
 * hover, …) are registered by `registerLanguageFeatures` on the same `ServerContext`.
 *
 * Transport: whatever `createConnection()` picks from argv (`--node-ipc`, `--stdio`, `--socket=`).
 */
import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  createConnection,
  Diagnostic,
  DiagnosticSeverity,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocumentEdit,
  TextDocuments,
  TextDocumentSyncKind,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerContext, type DocsRoot, type ParsedDocument } from './context';
import { registerLanguageFeatures } from './languageFeatures';
import { LineIndex } from './core/lineIndex';
import type { Finding, Fix, Severity, TextEdit } from './core/types';
import { fixAll } from './core/fix';
import { capFindings } from './capFindings';
import { localeFrom } from './core/i18n';
import { fromFsPath } from './node/paths';

export const SOURCE = 'weekly-report';
export const FIX_ALL_KIND = 'source.fixAll.weeklyReport';
/** Sent by the server when the initial workspace scan is done: `{ files: number, roots: string[], ms: number }`. */
export const INDEXED_NOTIFICATION = 'weeklyReport/indexed';
/** Request: server-side figures `{ validations, medianValidateMs, maxValidateMs, indexedFiles, roots }` (tests, e2e). */
export const STATS_REQUEST = 'weeklyReport/stats';
/** Notification from the client when the display language setting changes: `{ locale: string }`. */
export const SET_LOCALE_NOTIFICATION = 'weeklyReport/setLocale';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries in `data`: the finding's fixes (offsets into the validated version). */
export interface DiagnosticData {
  version: number;
  fixes: Fix[];
}

export function findingToDiagnostic(f: Finding, lines: LineIndex, version: number): Diagnostic {
  const data: DiagnosticData = { version, fixes: f.fixes };
  return {
    range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.code,
    source: SOURCE,
    message: f.message,
    data,
  };
}

function toLspEdits(edits: readonly TextEdit[], lines: LineIndex): LspTextEdit[] {
  return edits.map((e) => ({ range: { start: lines.positionAt(e.start), end: lines.positionAt(e.end) }, newText: e.newText }));
}

/** One edit covering only what differs between two texts (keeps cursors and folding stable). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < max - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair or a CRLF (in either text).
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  return { start, end: before.length - suffix, newText: after.slice(start, after.length - suffix) };
}

/** True when offset i falls between the two halves of a surrogate pair or of a CRLF. */
function splits(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false;
  const a = s.charCodeAt(i - 1);
  const b = s.charCodeAt(i);
  return (a === 13 && b === 10) || (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff);
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function startServer(connection: Connection): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const ctx = new ServerContext(connection, documents);
  const debounceMs = Number(process.env.WEEKLY_REPORT_DEBOUNCE_MS ?? 5);
  const timers = new Map<string, NodeJS.Timeout>();
  let supportsRename = false;
  let supportsDocumentChanges = false;
  let supportsProgress = false;
  let supportsFolderChanges = false;

  // ---------------------------------------------------------------- diagnostics

  async function validateNow(uri: string): Promise<void> {
    timers.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    try {
      await ctx.whenReady(uri);
      const current = documents.get(uri);
      if (!current || current.version !== version) return; // a newer version is scheduled
      const t0 = performance.now();
      const parsed = ctx.getParsed(uri)!;
      const findings = ctx.getFindings(uri) ?? [];
      recordTiming(performance.now() - t0);
      if (documents.get(uri)?.version !== version) return;
      const diagnostics = capFindings(findings, ctx.locale).map((f) => findingToDiagnostic(f, parsed.lines, version));
      await connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (e) {
      ctx.logError(`validating ${uri} failed`, e);
    }
  }

  /** Recent parse + validate durations (ms), for `weeklyReport/stats`. */
  const timings: number[] = [];
  let validations = 0;
  function recordTiming(ms: number): void {
    validations++;
    timings.push(ms);
    if (timings.length > 200) timings.shift();
  }
  connection.onRequest(STATS_REQUEST, () => {
    const sorted = [...timings].sort((a, b) => a - b);
    return {
      validations,
      medianValidateMs: sorted.length ? sorted[sorted.length >> 1] : 0,
      maxValidateMs: sorted.length ? sorted[sorted.length - 1] : 0,
      indexedFiles: ctx.allDocsRoots().reduce((n, r) => n + r.index.size, 0),
      roots: ctx.allDocsRoots().map((r) => r.root),
    };
  });

  /**
   * Validate soon: at once (next timer tick) when nothing is pending for the document, else after a
   * short debounce that coalesces bursts (paste, multi-cursor, undo). Outdated versions are dropped in
   * validateNow, so a result is only published for the version that is current when it is sent.
   */
  function schedule(uri: string, delay?: number): void {
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.set(uri, setTimeout(() => void validateNow(uri), delay ?? (t ? debounceMs : 0)));
  }

  let revalidateTimer: NodeJS.Timeout | undefined;
  function revalidateOpen(): void {
    if (revalidateTimer) clearTimeout(revalidateTimer);
    revalidateTimer = setTimeout(() => {
      revalidateTimer = undefined;
      ctx.invalidateFindings();
      for (const d of documents.all()) schedule(d.uri, 0);
    }, 20);
  }

  ctx.configListener = (root: DocsRoot, text: string | undefined) => {
    const uri = ctx.pathToUri(root.configPath);
    if (text === undefined) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const lines = new LineIndex(text);
    void connection.sendDiagnostics({ uri, diagnostics: root.configFindings.map((f) => findingToDiagnostic(f, lines, 0)) });
  };

  // Index changes (watcher events, folder scans finishing) can change link findings of open documents.
  ctx.onDidChangeWorkspace(() => revalidateOpen());

  // Fires on open too (TextDocuments fires onDidChangeContent right after onDidOpen).
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    ctx.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // ---------------------------------------------------------------- code actions

  function fixToEdit(doc: ParsedDocument, fix: Fix): WorkspaceEdit | undefined {
    if (fix.rename) {
      if (!supportsRename || !supportsDocumentChanges) return undefined;
      const changes: WorkspaceEdit['documentChanges'] = [];
      if (fix.edits.length > 0) {
        changes.push(TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, toLspEdits(fix.edits, doc.lines)));
      }
      changes.push({ kind: 'rename', oldUri: ctx.pathToUri(fix.rename.from), newUri: ctx.pathToUri(fix.rename.to), options: { overwrite: false, ignoreIfExists: false } });
      return { documentChanges: changes };
    }
    if (supportsDocumentChanges) {
      return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, toLspEdits(fix.edits, doc.lines))] };
    }
    return { changes: { [doc.uri]: toLspEdits(fix.edits, doc.lines) } };
  }

  function wants(only: string[] | undefined, kind: string): boolean {
    if (!only || only.length === 0) return kind !== FIX_ALL_KIND;
    return only.some((k) => k === kind || kind.startsWith(k + '.'));
  }

  function codeActions(params: CodeActionParams): CodeAction[] {
    const uri = params.textDocument.uri;
    const doc = ctx.getParsed(uri);
    if (!doc) return [];
    const findings = ctx.getFindings(uri) ?? [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (wants(only, CodeActionKind.QuickFix)) {
      const range = { start: doc.lines.offsetAt(params.range.start), end: doc.lines.offsetAt(params.range.end) };
      for (const f of findings) {
        if (f.fixes.length === 0) continue;
        const diag = findingToDiagnostic(f, doc.lines, doc.version);
        const requested = params.context.diagnostics.find(
          (d) => d.code === f.code && d.range.start.line === diag.range.start.line && d.range.start.character === diag.range.start.character &&
            d.range.end.line === diag.range.end.line && d.range.end.character === diag.range.end.character,
        );
        if (!requested && !overlaps(f, range)) continue;
        for (const fix of f.fixes) {
          const edit = fixToEdit(doc, fix);
          if (!edit) continue;
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [requested ?? diag], isPreferred: fix.isPreferred, edit });
        }
      }
    }
    if (wants(only, FIX_ALL_KIND)) {
      const root = ctx.getDocsRoot(doc.uri);
      const fixed = findings.some((f) => f.fixes.length > 0)
        ? fixAll({ text: doc.text, path: doc.path, workspace: root.index, config: root.config, locale: ctx.locale, parsed: doc.parsed }).text
        : doc.text;
      const edit = minimalEdit(doc.text, fixed);
      if (edit) {
        const title = ctx.locale === 'nb' ? 'Rett alle feil i rapporten som kan rettes automatisk' : 'Fix all auto-fixable problems in this report';
        actions.push({ title, kind: FIX_ALL_KIND, edit: { changes: { [uri]: toLspEdits([edit], doc.lines) } } });
      }
    }
    // Contributed actions (authoring) honour `only` the same way.
    for (const a of ctx.extraCodeActions(params, doc)) {
      if (!only || only.length === 0 || (a.kind !== undefined && only.some((k) => k === a.kind || a.kind!.startsWith(k + '.')))) actions.push(a);
    }
    return actions;
  }

  connection.onCodeAction((params) => {
    try {
      return codeActions(params);
    } catch (e) {
      ctx.logError('codeAction failed', e);
      return [];
    }
  });

  // ---------------------------------------------------------------- workspace

  connection.onDidChangeWatchedFiles((params) => {
    try {
      const events = params.changes.map((c) => ({
        path: ctx.uriToPath(c.uri),
        type: c.type === FileChangeType.Created ? ('created' as const) : c.type === FileChangeType.Deleted ? ('deleted' as const) : ('changed' as const),
      }));
      // Plain content changes of files other than config/.rst do not affect findings.
      if (events.every((e) => e.type === 'changed' && !e.path.endsWith('.json') && !e.path.endsWith('.rst') && !e.path.endsWith('conf.py'))) return;
      ctx.applyFileEvents(events); // fires onDidChangeWorkspace → revalidateOpen
    } catch (e) {
      ctx.logError('didChangeWatchedFiles failed', e);
    }
  });

  connection.onNotification(SET_LOCALE_NOTIFICATION, (p: { locale?: string }) => {
    const next = localeFrom(p?.locale);
    if (next === ctx.locale) return;
    ctx.locale = next;
    // Config findings carry localised messages too.
    for (const root of ctx.allDocsRoots()) ctx.reloadConfig(root);
    revalidateOpen();
  });

  // ---------------------------------------------------------------- lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    ctx.clientCapabilities = params.capabilities ?? {};
    const opts = (params.initializationOptions ?? {}) as Record<string, unknown>;
    ctx.initializationOptions = opts;
    ctx.locale = localeFrom(typeof opts.locale === 'string' ? opts.locale : params.locale);
    const we = params.capabilities?.workspace?.workspaceEdit;
    supportsDocumentChanges = !!we?.documentChanges;
    supportsRename = !!we?.resourceOperations?.includes('rename');
    supportsProgress = !!params.capabilities?.window?.workDoneProgress;
    supportsFolderChanges = !!params.capabilities?.workspace?.workspaceFolders;
    const folders = params.workspaceFolders?.map((f) => ctx.uriToPath(f.uri)) ?? [];
    if (folders.length === 0 && params.rootUri) folders.push(ctx.uriToPath(params.rootUri));
    else if (folders.length === 0 && params.rootPath) folders.push(fromFsPath(params.rootPath));
    ctx.workspaceFolders = folders;
    return {
      capabilities: {
        ...ctx.capabilities,
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ...extraKinds(ctx.capabilities)], resolveProvider: false },
        workspace: { ...(ctx.capabilities.workspace ?? {}), workspaceFolders: { supported: true, changeNotifications: supportsFolderChanges } },
      },
      serverInfo: { name: 'weekly-report', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void (async () => {
      const start = Date.now();
      let progress: { begin(t: string, p?: number, m?: string, c?: boolean): void; report(m: string): void; done(): void } | undefined;
      if (supportsProgress && ctx.workspaceFolders.length > 0) {
        try {
          progress = await connection.window.createWorkDoneProgress();
          progress.begin(ctx.locale === 'nb' ? 'Weekly Report: leser arbeidsområdet' : 'Weekly Report: indexing workspace', undefined, undefined, false);
        } catch {
          progress = undefined;
        }
      }
      await ctx.scanWorkspaceFolders((m) => progress?.report(m));
      progress?.done();
      const files = ctx.allDocsRoots().reduce((n, r) => n + r.index.size, 0);
      const ms = Date.now() - start;
      connection.console.info(`[weekly-report] indexed ${files} files in ${ctx.allDocsRoots().length} docs root(s) in ${ms} ms`);
      void connection.sendNotification(INDEXED_NOTIFICATION, { files, roots: ctx.allDocsRoots().map((r) => r.root), ms });
      revalidateOpen();
    })().catch((e) => ctx.logError('initial scan failed', e));
    if (supportsFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        ctx
          .changeWorkspaceFolders(e.added.map((f) => ctx.uriToPath(f.uri)), e.removed.map((f) => ctx.uriToPath(f.uri)))
          .catch((err) => ctx.logError('workspace folder change failed', err));
      });
    }
  });

  try {
    registerLanguageFeatures(ctx);
  } catch (e) {
    ctx.logError('registering language features failed', e);
  }

  documents.listen(connection);
  connection.listen();
  return ctx;
}

function extraKinds(caps: { codeActionProvider?: unknown }): string[] {
  const p = caps.codeActionProvider;
  if (p && typeof p === 'object' && Array.isArray((p as { codeActionKinds?: unknown }).codeActionKinds)) {
    return ((p as { codeActionKinds: string[] }).codeActionKinds).filter((k) => k !== CodeActionKind.QuickFix && k !== FIX_ALL_KIND);
  }
  return [];
}

// Never crash on a bad document or a bug in one feature: log and keep serving.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (e: unknown) => {
    try {
      // eslint-disable-next-line no-console
      console.error(`[weekly-report] ${event}`, e);
    } catch {
      /* ignore */
    }
  });
}

if (require.main === module || process.env.WEEKLY_REPORT_SERVER_MAIN === '1') {
  startServer(createConnection(ProposedFeatures.all));
}
