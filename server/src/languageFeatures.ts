/**
 * Authoring features of the language server: completion, hover, symbols, folding, selection ranges,
 * definition, document links, references, file-rename edits, adornment quick fix and on-type formatting.
 * A thin adapter: every answer comes from the pure providers in `core/features/`, converted from offsets
 * to positions with `LineIndex` here.
 *
 * Called once by server.ts before `initialize`: registers handlers on ctx.connection and adds the matching
 * static capabilities to ctx.capabilities.
 */
import {
  CodeAction,
  CodeActionKind,
  CompletionItemKind,
  DocumentSymbol,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  FileOperationPatternKind,
  type CompletionItem as LspCompletionItem,
  type FoldingRange,
  type Location,
  type LocationLink,
  type SelectionRange,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
  type DocumentLink,
  type Range,
} from 'vscode-languageserver/node';
import type { ServerContext, ParsedDocument } from './context';
import { LineIndex } from './core/lineIndex';
import type { TextEdit } from './core/types';
import { analyse } from './core/engine';
import { parse } from './core/rst/parser';
import type { FeatureDoc } from './core/features/nodes';
import { complete, COMPLETION_TRIGGERS, type CompletionKind } from './core/features/completion';
import { hover } from './core/features/hover';
import { documentSymbols, type DocSymbol } from './core/features/symbols';
import { foldingRanges } from './core/features/folding';
import { selectionRanges } from './core/features/selection';
import { definition, documentLinks } from './core/features/navigation';
import { LinkGraph } from './core/features/linkGraph';
import { renameFileEdits, renameFolderEdits, type FileEdits } from './core/features/rename';
import { adornmentFixes, adornmentOnType, ON_TYPE_TRIGGERS } from './core/features/adornment';

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  reference: CompletionItemKind.Reference,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
  property: CompletionItemKind.Property,
  function: CompletionItemKind.Function,
  text: CompletionItemKind.Text,
  module: CompletionItemKind.Module,
};

const SYMBOL_KIND: Record<DocSymbol['kind'], SymbolKind> = {
  title: SymbolKind.File,
  section: SymbolKind.String,
  target: SymbolKind.Key,
  directive: SymbolKind.Object,
};

/** The adjust-underline code action kind for longer-than-needed adornments (not a problem, a tidy-up). */
const ADORNMENT_REFACTOR_KIND = 'refactor.rewrite.weeklyReport.adornment';

/** The renames we take part in: files links can point to, and folders (everything below them moves). */
const RENAME_FILTERS = [
  { scheme: 'file', pattern: { glob: '**/*.{rst,png,jpg,jpeg,gif,svg,pdf,txt}', matches: FileOperationPatternKind.file } },
  { scheme: 'file', pattern: { glob: '**/*', matches: FileOperationPatternKind.folder } },
];

function today(): { year: number; month: number; day: number } {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** The authoring state shared by the handlers (exported for tests). */
export class Authoring {
  readonly graph = new LinkGraph();
  private graphBuilt: Promise<void> | undefined;
  /** Open documents changed since the graph last saw them (uri). */
  private readonly dirty = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  featureDoc(doc: ParsedDocument): FeatureDoc {
    return { path: doc.path, text: doc.text, parsed: doc.parsed };
  }

  analysis(doc: ParsedDocument) {
    const root = this.ctx.getDocsRoot(doc.path);
    return analyse({ text: doc.text, path: doc.path, parsed: doc.parsed, workspace: root.index, config: root.config, root: root.root });
  }

  /** Build the link graph once in the background (after the workspace scan); later kept current by events. */
  ensureGraph(uri: string): Promise<void> {
    if (this.graphBuilt) return this.graphBuilt;
    this.graphBuilt = (async () => {
      await this.ctx.whenReady(uri);
      for (const r of this.ctx.allDocsRoots()) await r.ready;
      let n = 0;
      for (const r of this.ctx.allDocsRoots()) {
        for (const f of [...r.index.files()]) {
          if (!f.endsWith('.rst') || this.graph.has(f)) continue;
          this.indexFile(f);
          if (++n % 25 === 0) await new Promise((res) => setImmediate(res));
        }
      }
    })().catch((e) => this.ctx.logError('link index failed', e));
    return this.graphBuilt;
  }

  /** (Re)index one file from its open document or from disk. */
  indexFile(path: string): void {
    const uri = this.ctx.pathToUri(path);
    const open = this.ctx.getParsed(uri);
    if (open) {
      this.graph.update(path, open.text, open.parsed, this.ctx.getWorkspace(path));
      return;
    }
    const text = this.ctx.readText(path);
    if (text === undefined) {
      this.graph.remove(path);
      return;
    }
    this.graph.update(path, text, parse(text), this.ctx.getWorkspace(path));
  }

  markDirty(uri: string): void {
    this.dirty.add(uri);
  }

  /** Bring changed open documents into the graph (called before queries, not on keystrokes). */
  flush(): void {
    for (const uri of this.dirty) {
      const doc = this.ctx.getParsed(uri);
      if (doc && doc.path.endsWith('.rst')) this.graph.update(doc.path, doc.text, doc.parsed, this.ctx.getWorkspace(doc.path));
    }
    this.dirty.clear();
  }

  /** LSP WorkspaceEdit from per-file edits (files addressed by their current path). */
  toWorkspaceEdit(edits: FileEdits): WorkspaceEdit {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const [path, list] of edits) {
      const lines = this.linesOf(path);
      if (!lines) continue;
      changes[this.ctx.pathToUri(path)] = list.map((e) => ({ range: range(lines, e.start, e.end), newText: e.newText }));
    }
    return { changes };
  }

  linesOf(path: string): LineIndex | undefined {
    const open = this.ctx.getParsed(this.ctx.pathToUri(path));
    return open?.lines ?? this.graph.lineIndexOf(path);
  }
}

function range(lines: LineIndex, start: number, end: number): Range {
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

function toLspEdits(lines: LineIndex, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: range(lines, e.start, e.end), newText: e.newText }));
}

export function registerLanguageFeatures(ctx: ServerContext): Authoring {
  const { connection } = ctx;
  const a = new Authoring(ctx);
  const caps = ctx.capabilities;

  caps.completionProvider = { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false };
  caps.hoverProvider = true;
  caps.documentSymbolProvider = { label: 'Weekly Report' };
  caps.foldingRangeProvider = true;
  caps.selectionRangeProvider = true;
  caps.definitionProvider = true;
  caps.referencesProvider = true;
  caps.documentLinkProvider = { resolveProvider: false };
  caps.documentOnTypeFormattingProvider = { firstTriggerCharacter: ON_TYPE_TRIGGERS[0], moreTriggerCharacter: ON_TYPE_TRIGGERS.slice(1) };
  caps.codeActionProvider = { codeActionKinds: [CodeActionKind.QuickFix, ADORNMENT_REFACTOR_KIND] };
  caps.workspace = {
    ...(caps.workspace ?? {}),
    fileOperations: {
      ...(caps.workspace?.fileOperations ?? {}),
      willRename: { filters: RENAME_FILTERS },
      // told at once, so that a second rename soon after (an undo) finds the file under its new name
      // before the file watcher reports it
      didRename: { filters: RENAME_FILTERS },
    },
  };

  ctx.documents.onDidOpen((e) => void a.ensureGraph(e.document.uri));
  ctx.documents.onDidChangeContent((e) => a.markDirty(e.document.uri));
  ctx.documents.onDidClose((e) => {
    // the file on disk is the truth again
    const path = ctx.uriToPath(e.document.uri);
    if (path.endsWith('.rst') && a.graph.has(path)) setImmediate(() => a.indexFile(path));
  });
  ctx.onDidChangeWorkspace((change) => {
    if (!a.graph.size) return;
    for (const p of change.deleted) a.graph.remove(p);
    for (const p of [...change.created, ...change.changed]) if (p.endsWith('.rst')) a.indexFile(p);
  });

  const get = (uri: string) => ctx.getParsed(uri);

  connection.onCompletion(async (params) => {
    await ctx.whenReady(params.textDocument.uri);
    const doc = get(params.textDocument.uri);
    if (!doc) return null;
    const an = a.analysis(doc);
    const offset = doc.lines.offsetAt(params.position);
    const res = complete(a.featureDoc(doc), offset, { ws: ctx.getWorkspace(doc.path), profile: an.profile, report: an.report, today: today(), locale: ctx.locale });
    const items: LspCompletionItem[] = res.items.map((i) => ({
      label: i.label,
      kind: COMPLETION_KIND[i.kind],
      detail: i.detail,
      documentation: i.documentation,
      sortText: i.sortText,
      filterText: i.filterText,
      preselect: i.preselect,
      insertTextFormat: i.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: range(doc.lines, i.edit.start, i.edit.end), newText: i.edit.newText },
    }));
    return { isIncomplete: res.isIncomplete, items };
  });

  connection.onHover(async (params) => {
    await ctx.whenReady(params.textDocument.uri);
    const doc = get(params.textDocument.uri);
    if (!doc) return null;
    const an = a.analysis(doc);
    void a.ensureGraph(params.textDocument.uri);
    const h = hover(a.featureDoc(doc), doc.lines.offsetAt(params.position), {
      ws: ctx.getWorkspace(doc.path),
      profile: an.profile,
      report: an.report,
      locale: ctx.locale,
      preview: (p) => a.graph.previewOf(p),
    });
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(doc.lines, h.start, h.end) };
  });

  connection.onDocumentSymbol((params) => {
    const doc = get(params.textDocument.uri);
    if (!doc) return null;
    const conv = (s: DocSymbol): DocumentSymbol => ({
      name: s.name,
      detail: s.detail,
      kind: SYMBOL_KIND[s.kind],
      range: range(doc.lines, s.start, s.end),
      selectionRange: range(doc.lines, s.selectionStart, s.selectionEnd),
      children: s.children.map(conv),
    });
    return documentSymbols(a.featureDoc(doc)).map(conv);
  });

  connection.onFoldingRanges((params) => {
    const doc = get(params.textDocument.uri);
    if (!doc) return null;
    const out: FoldingRange[] = [];
    for (const f of foldingRanges(a.featureDoc(doc))) {
      const startLine = doc.lines.lineAt(f.start);
      const endLine = doc.lines.lineAt(Math.max(f.start, f.end - 1));
      if (endLine <= startLine) continue;
      out.push({ startLine, endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : f.kind === 'region' ? FoldingRangeKind.Region : undefined });
    }
    return out;
  });

  connection.onSelectionRanges((params) => {
    const doc = get(params.textDocument.uri);
    if (!doc) return null;
    const chains = selectionRanges(a.featureDoc(doc), params.positions.map((p) => doc.lines.offsetAt(p)));
    return chains.map((chain, i) => {
      let parent: SelectionRange | undefined;
      for (let k = chain.length - 1; k >= 0; k--) parent = { range: range(doc.lines, chain[k].start, chain[k].end), parent };
      return parent ?? { range: { start: params.positions[i], end: params.positions[i] } };
    });
  });

  connection.onDefinition(async (params) => {
    await ctx.whenReady(params.textDocument.uri);
    const doc = get(params.textDocument.uri);
    if (!doc) return null;
    const d = definition(a.featureDoc(doc), doc.lines.offsetAt(params.position), ctx.getWorkspace(doc.path));
    if (!d || !('path' in d.target)) return null;
    const target = d.target;
    const lines = target.path === doc.path ? doc.lines : a.linesOf(target.path);
    const targetRange = target.start !== undefined && lines ? range(lines, target.start, target.end ?? target.start) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const link: LocationLink = {
      originSelectionRange: range(doc.lines, d.origin.start, d.origin.end),
      targetUri: ctx.pathToUri(target.path),
      targetRange,
      targetSelectionRange: targetRange,
    };
    return [link];
  });

  connection.onDocumentLinks(async (params) => {
    await ctx.whenReady(params.textDocument.uri);
    const doc = get(params.textDocument.uri);
    if (!doc) return null;
    const out: DocumentLink[] = [];
    for (const l of documentLinks(a.featureDoc(doc), ctx.getWorkspace(doc.path))) {
      const target = 'url' in l.target ? l.target.url : ctx.pathToUri(l.target.path);
      out.push({ range: range(doc.lines, l.start, l.end), target, tooltip: l.tooltip });
    }
    return out;
  });

  connection.onReferences(async (params) => {
    const doc = get(params.textDocument.uri);
    if (!doc) return null;
    await a.ensureGraph(params.textDocument.uri);
    a.flush();
    // on a link: references to its target; elsewhere: references to this document
    const d = definition(a.featureDoc(doc), doc.lines.offsetAt(params.position), ctx.getWorkspace(doc.path));
    const target = d && 'path' in d.target && d.target.start === undefined ? d.target.path : doc.path;
    const out: Location[] = [];
    for (const r of a.graph.referencesTo(target)) {
      const lines = a.linesOf(r.from);
      if (!lines) continue;
      out.push({ uri: ctx.pathToUri(r.from), range: range(lines, r.start, r.end) });
    }
    if (params.context?.includeDeclaration && target !== doc.path) out.unshift({ uri: ctx.pathToUri(target), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    return out;
  });

  connection.workspace.onDidRenameFiles((params) => {
    try {
      const events: Array<{ path: string; type: 'created' | 'deleted' }> = [];
      for (const f of params.files) events.push({ path: ctx.uriToPath(f.oldUri), type: 'deleted' }, { path: ctx.uriToPath(f.newUri), type: 'created' });
      // the file watcher reports the same later: applying them twice changes nothing
      if (events.length) ctx.applyFileEvents(events);
    } catch (e) {
      ctx.logError('didRenameFiles failed', e);
    }
  });

  connection.workspace.onWillRenameFiles(async (params) => {
    if (params.files.length === 0) return null;
    await a.ensureGraph(params.files[0].oldUri);
    a.flush();
    const all: FileEdits = new Map();
    for (const f of params.files) {
      const from = ctx.uriToPath(f.oldUri);
      const to = ctx.uriToPath(f.newUri);
      const root = ctx.getDocsRoot(from);
      // a known file (report, page, image) or else a folder: every indexed file below it moves along
      const isFile = root.index.exists(from) || a.graph.has(from);
      const edits = isFile ? renameFileEdits(a.graph, from, to, root.root) : renameFolderEdits(a.graph, root.index.files(), from, to, root.root);
      for (const [p, list] of edits) all.set(p, [...(all.get(p) ?? []), ...list]);
    }
    if (all.size === 0) return null;
    return a.toWorkspaceEdit(all);
  });

  connection.onDocumentOnTypeFormatting((params) => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const text = doc.getText();
    const lines = new LineIndex(text);
    const edits = adornmentOnType(text, lines.offsetAt(params.position));
    return edits.length ? toLspEdits(lines, edits) : null;
  });

  ctx.registerCodeActionProvider((params, doc) => {
    const start = doc.lines.offsetAt(params.range.start);
    const end = doc.lines.offsetAt(params.range.end);
    const out: CodeAction[] = [];
    for (const f of adornmentFixes(a.featureDoc(doc))) {
      if (f.end < start || f.start > end) {
        // also when the cursor is on the adornment lines right below the title
        const lineOfTitle = doc.lines.lineAt(f.start);
        const line = params.range.start.line;
        if (line < lineOfTitle - 1 || line > lineOfTitle + 1) continue;
      }
      const shorter = f.current < f.wanted;
      const title =
        ctx.locale === 'nb'
          ? `Tilpass understrekingen til overskriften (${f.current} → ${f.wanted} tegn)`
          : `Match the underline to the heading (${f.current} → ${f.wanted} characters)`;
      out.push({
        title,
        kind: shorter ? CodeActionKind.QuickFix : ADORNMENT_REFACTOR_KIND,
        edit: { changes: { [doc.uri]: toLspEdits(doc.lines, f.edits) } },
      });
    }
    return out;
  });

  return a;
}
