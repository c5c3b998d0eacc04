/**
 * reStructuredText syntax tree → HTML (pure: no vscode, fs or path).
 *
 * The output follows docutils' html5 writer (`rst2html5`) closely — same elements, classes and ids where
 * it matters (section ids, `#anchors`, footnote/citation ids) — with Sphinx's rendering for Sphinx roles and
 * directives (`:doc:`, `toctree`, `code-block` …). Everything from the source is escaped; URLs with a
 * dangerous scheme are dropped; `raw` content is shown as escaped code, never injected. Never throws.
 */
import type {
  Block, BlockQuote, Citation, DefinitionList, Directive, DirectiveOption, Document, EnumeratedList, FieldList,
  Footnote, Inline, LineBlock, ListItem, OptionList, ParseResult, Problem, Reference, Role, Section, Span, Table,
  TableRow, Target,
} from '../rst/ast';
import { parse } from '../rst/parser';
import { parseInline } from '../rst/inline';
import { problemMessage } from '../rst/problems';
import { LineIndex } from '../lineIndex';
import type { Workspace } from '../types';
import { globToRegExp, posixDirName, posixJoin, posixRelative } from '../paths';
import { esc, hasScheme, safeLength, safeUrl } from './escape';
import { IdAllocator, makeId, normalizeName } from './ids';
import { STANDALONE_CSS } from './css';
import { QuoteEducator, type SmartQuotes } from './smartquotes';

export interface RenderOptions {
  /** Absolute posix path of the document being rendered. */
  path: string;
  /** Workspace index: `:doc:` titles (`title(path)`), existence checks, toctree `:glob:` expansion. */
  workspace?: Workspace;
  /**
   * Map a local image to the URL to load it from (e.g. a webview resource URI). `absPath` is the resolved
   * absolute posix path, `written` the path as written. Return undefined to refuse it (shown as a placeholder).
   * Without this hook the path is used as written (relative to the output file).
   */
  resolveResource?(absPath: string, written: string): string | undefined;
  /**
   * Rewrite a link. `kind` 'doc' for document links (`:doc:`, toctree; `target` is the absolute .rst path),
   * 'url' for other links (`target` as written). Return undefined to keep the renderer's href.
   */
  resolveLink?(kind: 'doc' | 'url', target: string): string | undefined;
  /** Put `data-line="N"` (0-based source line) on blocks, for scroll sync. */
  dataLines: boolean;
  /** Allow `https:` images (otherwise only workspace images load). */
  allowHttpsImages: boolean;
  /** Language of the few generated words (problem messages). Default 'en'. */
  locale?: 'en' | 'nb';
  /** Emit `style="width: …"` for sized images (standalone output; the webview's CSP forbids inline styles and uses data-width). */
  inlineStyles?: boolean;
  /** Show parser problems inline (default true). */
  showProblems?: boolean;
  /** Called for a referenced document the workspace knows but whose title it does not (the adapter may load it and re-render). */
  onMissingTitle?(path: string): void;
  /**
   * Sphinx's smart quotes: the language whose quotes to use (Sphinx's `language`, e.g. 'en', 'nb', with
   * `smartquotes_action` 'qDe': dashes and ellipses too), or the language and action, or false/undefined
   * for none (plain docutils).
   */
  smartQuotes?: string | SmartQuotes | false;
}

const PREBIB = new Set(['comment', 'target', 'substitution_definition']);
/** docutils' PreBibliographic elements, which do not stop a title's promotion: a rejected directive is its system message. */
function isPreBibliographic(b: Block): boolean {
  return PREBIB.has(b.type) || (b.type === 'directive' && b.invalid !== undefined);
}

const ADMONITION_TITLES: Record<string, string> = {
  // docutils' English labels (Sphinx drops the exclamation marks)
  attention: 'Attention!', caution: 'Caution!', danger: '!DANGER!', error: 'Error', hint: 'Hint',
  important: 'Important', note: 'Note', tip: 'Tip', warning: 'Warning', seealso: 'See also', todo: 'Todo',
  versionadded: 'New in version', versionchanged: 'Changed in version', deprecated: 'Deprecated since version',
};

const FOOTNOTE_SYMBOLS = ['*', '\u2020', '\u2021', '\u00a7', '\u00b6', '#', '\u2660', '\u2665', '\u2666', '\u2663'];

/** Directives that produce nothing visible. */
const SILENT_DIRECTIVES = new Set([
  'highlight', 'index', 'meta', 'default-role', 'role', 'title', 'sectnum', 'section-numbering', 'header', 'footer',
  'tabularcolumns', 'currentmodule', 'module', 'default-domain', 'codeauthor', 'sectionauthor', 'moduleauthor',
  'target-notes', 'footnotes', 'cssclass', 'class',
]);

/** Directives whose body is rST, rendered as a plain container. */
const CONTAINER_DIRECTIVES = new Set(['container', 'compound', 'only', 'ifconfig', 'centered', 'hlist', 'glossary', 'tabs', 'tab', 'cssclass', 'class']);

const LITERAL_ROLES = new Set([
  'literal', 'file', 'samp', 'envvar', 'option', 'makevar', 'mimetype', 'regexp', 'token', 'keyword', 'manpage',
]);

/** Sphinx cross-reference roles: shown as their text (linked when resolvable inside this document). */
const XREF_ROLES = new Set([
  'ref', 'numref', 'any', 'term', 'envvar', 'keyword', 'option', 'token', 'confval',
  'py:func', 'py:class', 'py:meth', 'py:mod', 'py:attr', 'py:data', 'py:exc', 'py:obj', 'py:const',
  'func', 'class', 'meth', 'mod', 'attr', 'data', 'exc', 'obj', 'const',
  'c:func', 'c:type', 'c:macro', 'c:data', 'c:member', 'cpp:func', 'cpp:class', 'js:func', 'js:class',
]);

const KNOWN_ROLES = new Set([
  'emphasis', 'strong', 'literal', 'code', 'sub', 'subscript', 'sup', 'superscript', 't', 'title', 'title-reference',
  'abbreviation', 'ab', 'acronym', 'ac', 'abbr', 'kbd', 'math', 'pep', 'pep-reference', 'rfc', 'rfc-reference',
  'doc', 'download', 'command', 'program', 'guilabel', 'menuselection', 'dfn', 'raw', 'eq', 'index',
  ...LITERAL_ROLES, ...XREF_ROLES,
]);

type TargetInfo = { url?: string; refname?: string; id?: string; sectionTitle?: Inline[] };

interface FootnoteInfo { id: string; label: string; refIds: string[] }

/** Render a parse result to body HTML (no `<html>`/`<body>` wrapper). Never throws. */
export function renderHtml(parsed: ParseResult, text: string, opts: RenderOptions): string {
  try {
    return new HtmlRenderer(parsed, text, opts).render();
  } catch (e) {
    return `<pre class="literal-block wr-render-failed">${esc(text)}</pre>`;
  }
}

/**
 * Title of a parsed document as plain text, as Sphinx takes it (TitleCollector): its first section's title,
 * wherever that section starts (the workspace scan's extractTitle does the same).
 */
export function documentTitle(parsed: ParseResult): string | undefined {
  for (const b of parsed.tree.children) if (b.type === 'section') return b.titleText;
  return undefined;
}

/**
 * A complete, self-contained HTML document (styles inlined, no script, a CSP that forbids scripts) for
 * "Export to HTML", "Copy as HTML" and `weekly-report render`.
 * `path` is the absolute posix path of the source; options default to no data-lines, https images allowed.
 */
export function renderStandaloneHtml(text: string, path: string, opts: Partial<RenderOptions> = {}): string {
  let parsed: ParseResult;
  try {
    parsed = parse(text);
  } catch {
    parsed = { tree: { type: 'document', start: 0, end: text.length, children: [] }, problems: [] };
  }
  const body = renderHtml(parsed, text, {
    dataLines: false,
    allowHttpsImages: true,
    inlineStyles: true,
    ...opts,
    path,
  });
  let title = path.slice(path.lastIndexOf('/') + 1);
  try {
    title = documentTitle(parsed) ?? title;
  } catch { /* keep the file name */ }
  const lang = opts.locale === 'nb' ? 'nb' : 'en';
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src * data:; style-src 'unsafe-inline'">\n` +
    '<meta name="generator" content="weekly-report">\n' +
    `<title>${esc(title)}</title>\n<style>\n${STANDALONE_CSS}</style>\n</head>\n<body>\n` +
    `<main class="wr-document">\n${body}</main>\n</body>\n</html>\n`
  );
}

/** Maximum block nesting rendered as markup; deeper content is shown as plain text (no stack overflow). */
const MAX_DEPTH = 120;

class HtmlRenderer {
  private readonly out: string[] = [];
  private readonly ids = new IdAllocator();
  private readonly sectionIds = new Map<Section, string>();
  private readonly targetIds = new Map<Target, string>();
  private readonly inlineTargetIds = new Map<Inline, string>();
  private readonly targets = new Map<string, TargetInfo>();
  private readonly anonTargets: Target[] = [];
  private anonRefCount = 0;
  private readonly substitutions = new Map<string, Directive>();
  private readonly substitutionsLower = new Map<string, Directive>();
  private readonly footnotes = new Map<Footnote, FootnoteInfo>();
  private readonly footnoteByLabel = new Map<string, FootnoteInfo>();
  private readonly anonAutoFootnotes: FootnoteInfo[] = [];
  private readonly symbolFootnotes: FootnoteInfo[] = [];
  private anonAutoRefCount = 0;
  private symbolRefCount = 0;
  private readonly citationIds = new Map<string, string>();
  private footnoteRefCounter = 0;
  private citationRefCounter = 0;
  private tocEntryCounter = 0;
  private readonly problems: Problem[];
  private problemIndex = 0;
  private lines?: LineIndex;
  private readonly root: string;
  private readonly dir: string;
  private tocTop: Section[] = [];
  private depth = 0;
  private substDepth = 0;
  /** Sections enclosing the block being rendered (for `contents :local:`). */
  private readonly sectionStack: Section[] = [];

  /** Smart quotes (when on): one stream of text per block, as docutils educates each TextElement. */
  private readonly quotes?: QuoteEducator;
  /** Nesting of inlines(): 0 at a block's text, where the quotes' context starts afresh. */
  private inlineDepth = 0;
  /** Inside a literal block (`parsed-literal`): no smart quotes. */
  private literalText = 0;

  constructor(private readonly parsed: ParseResult, private readonly text: string, private readonly opts: RenderOptions) {
    const sq = opts.smartQuotes;
    if (sq) this.quotes = typeof sq === 'string' ? new QuoteEducator(sq) : new QuoteEducator(sq.language, sq.action);
    this.problems = opts.showProblems === false ? [] : [...(parsed.problems ?? [])].sort((a, b) => a.start - b.start);
    this.dir = posixDirName(opts.path || '/');
    this.root = opts.workspace?.root ?? this.dir;
  }

  render(): string {
    const doc = this.parsed.tree;
    this.collect(doc);
    this.renderDocument(doc);
    this.flushProblems(Infinity);
    return this.out.join('');
  }

  // ------------------------------------------------------------------ pre-pass

  /** Assign ids, gather targets, substitutions and footnotes (iterative, linear). */
  private collect(doc: Document): void {
    const pendingInternal: Target[] = [];
    const stack: any[] = [doc];
    let autoNumber = 0;
    const usedNumbers = new Set<string>();
    const footnotesInOrder: Footnote[] = [];
    while (stack.length) {
      const node = stack.pop();
      if (!node || typeof node !== 'object') continue;
      switch (node.type) {
        case 'section': {
          const s = node as Section;
          const id = this.ids.take(s.id || makeId(s.titleText ?? ''));
          this.sectionIds.set(s, id);
          const name = normalizeName(s.titleText ?? '');
          if (name && !this.targets.has(name)) this.targets.set(name, { id, sectionTitle: s.title });
          for (const t of pendingInternal) {
            const info = this.targets.get(t.name);
            if (info && info.id === this.targetIds.get(t)) info.sectionTitle = s.title;
          }
          pendingInternal.length = 0;
          break;
        }
        case 'target': {
          const t = node as Target;
          if (t.anonymous) this.anonTargets.push(t);
          else if (t.url !== undefined) this.setTarget(t.name, { url: t.url });
          else if (t.refname !== undefined) this.setTarget(t.name, { refname: t.refname });
          else {
            const id = this.ids.take(makeId(t.name));
            this.targetIds.set(t, id);
            this.setTarget(t.name, { id });
            pendingInternal.push(t);
          }
          break;
        }
        case 'inline_target': {
          const id = this.ids.take(makeId(node.name ?? ''));
          this.inlineTargetIds.set(node, id);
          this.setTarget(normalizeName(node.name ?? ''), { id });
          break;
        }
        case 'reference': {
          const r = node as Reference;
          if (r.embedded && r.kind === 'named' && r.refname && r.url !== undefined) {
            if (!this.targets.has(r.refname)) this.targets.set(r.refname, { url: r.url });
          }
          break;
        }
        case 'substitution_definition':
          if (node.directive) {
            if (!this.substitutions.has(node.name)) this.substitutions.set(node.name, node.directive);
            const lower = String(node.name).toLowerCase();
            if (!this.substitutionsLower.has(lower)) this.substitutionsLower.set(lower, node.directive);
          }
          break;
        case 'footnote':
          footnotesInOrder.push(node as Footnote);
          if (/^\d+$/.test(node.label)) usedNumbers.add(node.label);
          break;
        case 'citation': {
          const id = this.ids.take(makeId(node.label ?? ''));
          this.citationIds.set(normalizeName(node.label ?? ''), id);
          break;
        }
        default:
          if (pendingInternal.length && node.type !== 'document' && node.type !== 'comment' && node.type !== 'target' && !isInlineType(node.type)) {
            pendingInternal.length = 0;
          }
      }
      const kids = childNodes(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
    // Footnotes: numbers and ids in document order.
    let symbolIndex = 0;
    for (const f of footnotesInOrder) {
      const raw = f.label ?? '';
      let label: string;
      if (raw === '*') {
        const n = symbolIndex++;
        const sym = FOOTNOTE_SYMBOLS[n % FOOTNOTE_SYMBOLS.length];
        label = sym.repeat(Math.floor(n / FOOTNOTE_SYMBOLS.length) + 1);
      } else if (raw.startsWith('#')) {
        do autoNumber++;
        while (usedNumbers.has(String(autoNumber)));
        label = String(autoNumber);
        usedNumbers.add(label);
      } else label = raw;
      // docutils: `[#name]` footnotes take the id of their name; others `footnote-N`
      const named = raw.startsWith('#') && raw.length > 1 ? makeId(raw.slice(1)) : '';
      const info: FootnoteInfo = { id: named && !this.ids.has(named) ? this.ids.take(named) : this.ids.fresh('footnote-'), label, refIds: [] };
      this.footnotes.set(f, info);
      if (raw === '*') this.symbolFootnotes.push(info);
      else if (raw === '#') {
        this.anonAutoFootnotes.push(info);
        // docutils names an unnamed auto-numbered footnote by its number: `[1]_` then refers to it
        // (found by name, as any target: the footnote gets no back-link for it)
        if (!this.footnoteByLabel.has(label)) this.footnoteByLabel.set(label, { ...info, refIds: [] });
      } else if (raw.startsWith('#')) this.footnoteByLabel.set(normalizeName(raw.slice(1)), info);
      else this.footnoteByLabel.set(normalizeName(raw), info);
    }
    // Sections listed by a `contents` directive that is not :local:.
    const top = doc.children;
    const promoted = this.promotedTitle(doc);
    if (promoted) {
      const sub = this.promotedSubtitle(promoted);
      this.tocTop = (sub ?? promoted).children.filter((c): c is Section => c.type === 'section');
    } else this.tocTop = top.filter((c): c is Section => c.type === 'section');
  }

  private setTarget(name: string, info: TargetInfo): void {
    if (!this.targets.has(name)) this.targets.set(name, info);
    else {
      // explicit targets win over section titles (implicit)
      const old = this.targets.get(name)!;
      if (old.sectionTitle && old.id && this.isSectionId(old.id)) this.targets.set(name, info);
    }
  }

  private isSectionId(id: string): boolean {
    for (const v of this.sectionIds.values()) if (v === id) return true;
    return false;
  }

  /** The lone top-level section docutils promotes to the document title (doctitle_xform). */
  private promotedTitle(doc: Document): Section | undefined {
    const kids = doc.children;
    let i = 0;
    while (i < kids.length && isPreBibliographic(kids[i])) i++;
    if (i === kids.length - 1 && kids[i].type === 'section') return kids[i] as Section;
    return undefined;
  }

  private promotedSubtitle(title: Section): Section | undefined {
    const kids = title.children;
    let i = 0;
    while (i < kids.length && isPreBibliographic(kids[i])) i++;
    if (i === kids.length - 1 && kids[i].type === 'section') return kids[i] as Section;
    return undefined;
  }

  // ------------------------------------------------------------------ helpers

  private line(offset: number): number {
    if (!this.lines) this.lines = new LineIndex(this.text);
    return this.lines.lineAt(offset);
  }

  /** ` data-line="N"` for a block, when asked for. */
  private dl(node: Span): string {
    return this.opts.dataLines ? ` data-line="${this.line(node.start)}"` : '';
  }

  private flushProblems(upTo: number): void {
    while (this.problemIndex < this.problems.length && this.problems[this.problemIndex].start < upTo) {
      const p = this.problems[this.problemIndex++];
      let msg: string;
      try {
        msg = problemMessage(p.kind, this.opts.locale ?? 'en', p.data);
      } catch {
        msg = p.kind;
      }
      const ln = this.line(p.start);
      const sev = p.severity === 'error' || p.severity === 'warning' ? p.severity : 'info';
      this.out.push(
        `<aside class="wr-problem wr-problem-${sev}"${this.opts.dataLines ? ` data-line="${ln}"` : ''} role="note">` +
        `<span class="wr-problem-where">${esc(String(ln + 1))}:</span> ${esc(msg)}</aside>\n`,
      );
    }
  }

  private src(span: Span | undefined): string {
    if (!span) return '';
    return this.text.slice(Math.max(0, span.start), Math.max(0, span.end));
  }

  private option(d: Directive, name: string): string | undefined {
    for (const o of d.options ?? []) if (o.name === name) return o.value ?? '';
    return undefined;
  }

  private hasOption(d: Directive, name: string): boolean {
    return (d.options ?? []).some((o: DirectiveOption) => o.name === name);
  }

  private docPathFor(target: string): string {
    let t = target.trim();
    if (t.endsWith('.rst')) t = t.slice(0, -4);
    const abs = t.startsWith('/') ? posixJoin(this.root, t) : posixJoin(this.dir, t);
    return abs + '.rst';
  }

  /** href for a document (absolute .rst path): relative `.html` like Sphinx, unless the adapter rewrites it. */
  private docHref(absRst: string, anchor = ''): string {
    const custom = this.opts.resolveLink?.('doc', absRst);
    if (custom !== undefined) return custom + anchor;
    return posixRelative(this.dir, absRst.replace(/\.rst$/, '.html')) + anchor;
  }

  private docTitle(absRst: string): string | undefined {
    const ws = this.opts.workspace;
    if (!ws) return undefined;
    const t = ws.title?.(absRst);
    if (t === undefined && ws.exists(absRst)) this.opts.onMissingTitle?.(absRst);
    return t;
  }

  private urlHref(url: string): string | undefined {
    const safe = safeUrl(url);
    if (safe === undefined) return undefined;
    const custom = this.opts.resolveLink?.('url', safe);
    return custom !== undefined ? safeUrl(custom) ?? undefined : safe;
  }

  private link(href: string | undefined, cls: string, inner: string, extra = ''): string {
    if (href === undefined) return `<span class="${cls} wr-unsafe-link">${inner}</span>`;
    return `<a class="${cls}" href="${esc(href)}"${extra}>${inner}</a>`;
  }

  /** Inline segments of an indented body (e.g. directive content), common indentation removed. */
  private contentSegments(span: Span | undefined): Span[] {
    if (!span) return [];
    const segs: Span[] = [];
    let pos = span.start;
    let minIndent = Infinity;
    const raw: Array<[number, number]> = [];
    while (pos <= span.end) {
      let eol = this.text.indexOf('\n', pos);
      if (eol < 0 || eol > span.end) eol = span.end;
      let e = eol;
      if (e > pos && this.text.charCodeAt(e - 1) === 13) e--;
      raw.push([pos, e]);
      let i = pos;
      while (i < e && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
      if (i < e) minIndent = Math.min(minIndent, i - pos);
      if (eol >= span.end) break;
      pos = eol + 1;
    }
    if (minIndent === Infinity) minIndent = 0;
    for (const [s, e] of raw) segs.push({ start: Math.min(s + minIndent, e), end: e });
    while (segs.length && segs[segs.length - 1].start >= segs[segs.length - 1].end) segs.pop();
    while (segs.length && segs[0].start >= segs[0].end) segs.shift();
    return segs;
  }

  private inlineFrom(segs: Span[]): string {
    if (segs.length === 0) return '';
    try {
      return this.inlines(parseInline(this.text, segs).nodes);
    } catch {
      return esc(segs.map((s) => this.src(s)).join('\n'));
    }
  }

  // ------------------------------------------------------------------ blocks

  private renderDocument(doc: Document): void {
    const title = this.promotedTitle(doc);
    if (!title) {
      this.blocks(doc.children, 1);
      return;
    }
    const kids = doc.children;
    const id = this.sectionIds.get(title)!;
    this.flushProblems(title.start);
    this.out.push(`<h1 class="title" id="${esc(id)}"${this.dl(title)}>${this.inlines(title.title)}</h1>\n`);
    const before = kids.slice(0, kids.indexOf(title));
    this.sectionStack.push(title);
    this.blocks(before, 1);
    const sub = this.promotedSubtitle(title);
    if (sub) {
      const rest = title.children.slice(0, title.children.indexOf(sub));
      const subId = this.sectionIds.get(sub)!;
      this.flushProblems(sub.start);
      this.out.push(`<p class="subtitle" id="${esc(subId)}"${this.dl(sub)}>${this.inlines(sub.title)}</p>\n`);
      this.blocks(rest, 1);
      this.sectionStack.push(sub);
      this.blocks(sub.children, 1);
      this.sectionStack.pop();
    } else this.blocks(title.children, 1);
    this.sectionStack.pop();
  }

  private blocks(blocks: Block[] | undefined, secDepth: number): void {
    if (!blocks) return;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.type === 'footnote') {
        // consecutive footnotes are grouped like docutils' footnote-list
        let j = i;
        while (j + 1 < blocks.length && (blocks[j + 1].type === 'footnote' || blocks[j + 1].type === 'comment')) j++;
        this.out.push('<aside class="footnote-list brackets">\n');
        for (let k = i; k <= j; k++) this.block(blocks[k], secDepth);
        this.out.push('</aside>\n');
        i = j;
        continue;
      }
      this.block(b, secDepth);
    }
  }

  private block(b: Block, secDepth: number): void {
    if (!b || typeof b !== 'object') return;
    this.flushProblems(b.start);
    if (this.depth > MAX_DEPTH) {
      this.out.push(`<pre class="literal-block">${esc(this.src(b))}</pre>\n`);
      this.flushProblems(b.end);
      return;
    }
    this.depth++;
    try {
      this.blockInner(b, secDepth);
    } finally {
      this.depth--;
    }
    this.flushProblems(b.end);
  }

  private blockInner(b: Block, secDepth: number): void {
    const out = this.out;
    switch (b.type) {
      case 'section': {
        const id = this.sectionIds.get(b) ?? this.ids.take(b.id);
        const h = Math.min(6, secDepth + 1);
        out.push(`<section id="${esc(id)}"${this.dl(b)}>\n<h${h}${this.dl(b.titleSpan ?? b)}>${this.inlines(b.title)}</h${h}>\n`);
        this.sectionStack.push(b);
        this.blocks(b.children, secDepth + 1);
        this.sectionStack.pop();
        out.push('</section>\n');
        return;
      }
      case 'paragraph':
        out.push(`<p${this.dl(b)}>${this.inlines(b.children)}</p>\n`);
        return;
      case 'bullet_list':
        out.push(`<ul${this.dl(b)}>\n`);
        this.listItems(b.items);
        out.push('</ul>\n');
        return;
      case 'enumerated_list':
        this.enumerated(b);
        return;
      case 'list_item':
        this.listItems([b]);
        return;
      case 'definition_list':
        this.definitionList(b);
        return;
      case 'definition_list_item':
        this.definitionList({ type: 'definition_list', start: b.start, end: b.end, items: [b] });
        return;
      case 'field_list':
        this.fieldList(b);
        return;
      case 'field':
        this.fieldList({ type: 'field_list', start: b.start, end: b.end, fields: [b] });
        return;
      case 'option_list':
        this.optionList(b);
        return;
      case 'option_list_item':
        this.optionList({ type: 'option_list', start: b.start, end: b.end, items: [b] });
        return;
      case 'literal_block':
        if (b.language) out.push(`<pre class="code ${esc(b.language)} literal-block"${this.dl(b)}><code>${esc(b.value)}</code></pre>\n`);
        else out.push(`<pre class="literal-block"${this.dl(b)}>${esc(b.value)}</pre>\n`);
        return;
      case 'doctest_block':
        out.push(`<pre class="code python doctest"${this.dl(b)}>${esc(b.value)}</pre>\n`);
        return;
      case 'block_quote':
        this.blockQuote(b, secDepth);
        return;
      case 'line_block':
        this.lineBlock(b);
        return;
      case 'line':
        this.lineBlock({ type: 'line_block', start: b.start, end: b.end, lines: [b] });
        return;
      case 'comment':
      case 'substitution_definition':
        return;
      case 'transition':
        out.push(`<hr class="docutils"${this.dl(b)} />\n`);
        return;
      case 'target': {
        const id = this.targetIds.get(b);
        if (id) out.push(`<span class="target" id="${esc(id)}"></span>`);
        return;
      }
      case 'footnote':
        this.footnote(b, secDepth);
        return;
      case 'citation':
        this.citation(b, secDepth);
        return;
      case 'table':
        this.table(b, undefined);
        return;
      case 'table_row':
        out.push('<table>\n<tbody>\n');
        this.row(b, 'td');
        out.push('</tbody>\n</table>\n');
        return;
      case 'table_cell':
        this.blocks(b.children, secDepth);
        return;
      case 'directive':
        this.directive(b, secDepth);
        return;
      default:
        // Unknown node kind (newer parser): show its source text, escaped.
        out.push(`<pre class="literal-block">${esc(this.src(b as Span))}</pre>\n`);
    }
  }

  private listItems(items: ListItem[] | undefined): void {
    for (const it of items ?? []) {
      this.flushProblems(it.start);
      this.out.push(`<li${this.dl(it)}>`);
      this.depth++;
      try {
        this.blocks(it.children, this.sectionDepthHere());
      } finally {
        this.depth--;
      }
      this.flushProblems(it.end);
      this.out.push('</li>\n');
    }
  }

  private sectionDepthHere(): number {
    return this.sectionStack.length + 1;
  }

  private enumerated(b: EnumeratedList): void {
    const type = b.enumtype === 'auto' ? 'arabic' : b.enumtype;
    const attr: Record<string, string> = {
      arabic: '', loweralpha: ' type="a"', upperalpha: ' type="A"', lowerroman: ' type="i"', upperroman: ' type="I"',
    };
    const start = Number.isFinite(b.startNumber) && b.startNumber !== 1 ? ` start="${Math.trunc(b.startNumber)}"` : '';
    const cls: string[] = [type];
    if (b.prefix === '(' && b.suffix === ')') cls.push('parens');
    else if (b.suffix === ')') cls.push('rparen');
    else if (b.suffix === '.') cls.push('period');
    this.out.push(`<ol class="${esc(cls.join(' '))}"${attr[type] ?? ''}${start}${this.dl(b)}>\n`);
    this.listItems(b.items);
    this.out.push('</ol>\n');
  }

  private definitionList(b: DefinitionList): void {
    this.out.push(`<dl${this.dl(b)}>\n`);
    for (const it of b.items ?? []) {
      this.flushProblems(it.start);
      let classifiers = '';
      // like docutils' html5 writer: the " : " delimiter comes from the stylesheet
      for (const c of it.classifiers ?? []) classifiers += `<span class="classifier">${this.inlines(c)}</span>`;
      this.out.push(`<dt${this.dl(it)}>${this.inlines(it.term)}${classifiers}</dt>\n<dd>`);
      this.blocks(it.definition, this.sectionDepthHere());
      this.flushProblems(it.end);
      this.out.push('</dd>\n');
    }
    this.out.push('</dl>\n');
  }

  private fieldList(b: FieldList): void {
    this.out.push(`<dl class="field-list"${this.dl(b)}>\n`);
    for (const f of b.fields ?? []) {
      this.flushProblems(f.start);
      this.out.push(`<dt${this.dl(f)}>${this.inlines(f.name)}<span class="colon">:</span></dt>\n<dd>`);
      this.blocks(f.body, this.sectionDepthHere());
      this.flushProblems(f.end);
      this.out.push('</dd>\n');
    }
    this.out.push('</dl>\n');
  }

  private optionList(b: OptionList): void {
    this.out.push(`<dl class="option-list"${this.dl(b)}>\n`);
    for (const it of b.items ?? []) {
      this.flushProblems(it.start);
      const opts = (it.options ?? '').split(/,\s+/).map((o) => `<span class="option">${esc(o)}</span>`).join(', ');
      this.out.push(`<dt${this.dl(it)}><kbd>${opts}</kbd></dt>\n<dd>`);
      this.blocks(it.description, this.sectionDepthHere());
      this.flushProblems(it.end);
      this.out.push('</dd>\n');
    }
    this.out.push('</dl>\n');
  }

  private blockQuote(b: BlockQuote, secDepth: number, cls = ''): void {
    this.out.push(`<blockquote${cls ? ` class="${esc(cls)}"` : ''}${this.dl(b)}>\n`);
    this.blocks(b.children, secDepth);
    if (b.attribution && b.attribution.length) {
      this.flushProblems(b.attributionSpan?.start ?? b.end);
      this.out.push(`<p class="attribution"${this.dl(b.attributionSpan ?? b)}>\u2014${this.inlines(b.attribution)}</p>\n`);
    }
    this.out.push('</blockquote>\n');
  }

  private lineBlock(b: LineBlock): void {
    this.out.push(`<div class="line-block"${this.dl(b)}>\n`);
    for (const l of b.lines ?? []) {
      if (l.type === 'line_block') {
        if (this.depth > MAX_DEPTH) this.out.push(`<pre class="literal-block">${esc(this.src(l))}</pre>\n`);
        else {
          this.depth++;
          try {
            this.lineBlock(l);
          } finally {
            this.depth--;
          }
        }
        continue;
      }
      const inner = this.inlines(l.children);
      this.out.push(`<div class="line"${this.dl(l)}>${inner || '<br />'}</div>\n`);
    }
    this.out.push('</div>\n');
  }

  private footnote(f: Footnote, secDepth: number): void {
    const info = this.footnotes.get(f) ?? { id: this.ids.fresh('footnote-'), label: f.label, refIds: [] };
    let backrefs = '';
    if (info.refIds.length === 1) backrefs = `<a role="doc-backlink" href="#${esc(info.refIds[0])}">${esc(info.label)}</a>`;
    else backrefs = esc(info.label);
    this.out.push(
      `<aside class="footnote brackets" id="${esc(info.id)}" role="note"${this.dl(f)}>\n` +
      `<span class="label"><span class="fn-bracket">[</span>${backrefs}<span class="fn-bracket">]</span></span>\n`,
    );
    if (info.refIds.length > 1) {
      this.out.push(`<span class="backrefs">(${info.refIds.map((r, i) => `<a role="doc-backlink" href="#${esc(r)}">${i + 1}</a>`).join(',')})</span>\n`);
    }
    this.blocks(f.children, secDepth);
    this.out.push('</aside>\n');
  }

  private citation(c: Citation, secDepth: number): void {
    const id = this.citationIds.get(normalizeName(c.label ?? '')) ?? this.ids.fresh('citation-');
    this.out.push(
      `<div class="citation" id="${esc(id)}" role="doc-biblioentry"${this.dl(c)}>\n` +
      `<span class="label"><span class="fn-bracket">[</span>${esc(c.label ?? '')}<span class="fn-bracket">]</span></span>\n`,
    );
    this.blocks(c.children, secDepth);
    this.out.push('</div>\n');
  }

  private table(t: Table, title: string | undefined, cls = ''): void {
    this.out.push(`<table${cls ? ` class="${esc(cls)}"` : ''}${this.dl(t)}>\n`);
    if (title) this.out.push(`<caption>${title}</caption>\n`);
    if (t.header && t.header.length) {
      this.out.push('<thead>\n');
      for (const r of t.header) this.row(r, 'th');
      this.out.push('</thead>\n');
    }
    this.out.push('<tbody>\n');
    for (const r of t.body ?? []) this.row(r, 'td');
    this.out.push('</tbody>\n</table>\n');
  }

  private row(r: TableRow, tag: 'th' | 'td'): void {
    this.flushProblems(r.start);
    this.out.push(`<tr${this.dl(r)}>`);
    for (const c of r.cells ?? []) {
      const span =
        (c.morecols > 0 ? ` colspan="${Math.trunc(c.morecols) + 1}"` : '') + (c.morerows > 0 ? ` rowspan="${Math.trunc(c.morerows) + 1}"` : '');
      this.out.push(`<${tag}${tag === 'th' ? ' class="head"' : ''}${span}>`);
      this.depth++;
      try {
        this.blocks(c.children, this.sectionDepthHere());
      } finally {
        this.depth--;
      }
      this.flushProblems(c.end);
      this.out.push(`</${tag}>\n`);
    }
    this.out.push('</tr>\n');
  }

  // ------------------------------------------------------------------ directives

  private directive(d: Directive, secDepth: number): void {
    // rejected by docutils (see Directive.invalid): its error is all that Sphinx shows, and so do we
    // (an unknown directive's text is shown, below)
    if (d.invalid !== undefined && d.invalid !== 'unknown') return;
    const name = (d.name ?? '').toLowerCase();
    const out = this.out;
    if (name in ADMONITION_TITLES || name === 'admonition') {
      this.admonition(d, name, secDepth);
      return;
    }
    if (SILENT_DIRECTIVES.has(name)) return;
    switch (name) {
      case 'image':
        out.push(this.image(d, false) + '\n');
        return;
      case 'figure':
        this.figure(d, secDepth);
        return;
      case 'code':
      case 'code-block':
      case 'sourcecode': {
        const lang = d.language ?? (d.argument ? d.argument.trim() : '');
        const value = d.content ?? '';
        const cls = lang ? `code ${lang} literal-block` : 'code literal-block';
        out.push(`<pre class="${esc(cls)}"${this.dl(d)}><code>${esc(value)}</code></pre>\n`);
        return;
      }
      case 'literalinclude':
      case 'include':
        out.push(`<p class="wr-include"${this.dl(d)}><code class="docutils literal">${esc(name)}:: ${esc(d.argument ?? '')}</code></p>\n`);
        return;
      case 'parsed-literal': {
        // a literal block: its text keeps straight quotes (docutils skips FixedTextElements)
        this.literalText++;
        let inner: string;
        try {
          inner = this.inlineFrom(this.contentSegments(d.contentSpan));
        } finally {
          this.literalText--;
        }
        out.push(`<pre class="literal-block"${this.dl(d)}>${inner}</pre>\n`);
        return;
      }
      case 'line-block':
        // the parser made its content a line block (docutils LineBlock): rendered as `|` lines are
        this.directiveBody(d, secDepth);
        return;
      case 'math':
        out.push(`<div class="math"${this.dl(d)}><pre>${esc([d.argument, d.content].filter(Boolean).join('\n'))}</pre></div>\n`);
        return;
      case 'raw':
        // Never injected: shown as escaped code, marked as raw.
        out.push(`<pre class="literal-block wr-raw" data-format="${esc(d.argument ?? '')}"${this.dl(d)}>${esc(d.content ?? '')}</pre>\n`);
        return;
      case 'contents':
        this.contents(d);
        return;
      case 'toctree':
        this.toctree(d);
        return;
      case 'rubric':
        out.push(`<p class="rubric"${this.dl(d)}>${this.inlineFrom(d.argumentSpan ? [d.argumentSpan] : [])}</p>\n`);
        return;
      case 'topic':
      case 'sidebar': {
        const tag = name === 'topic' ? 'aside' : 'aside';
        out.push(`<${tag} class="${name}"${this.dl(d)}>\n<p class="${name}-title">${this.inlineFrom(d.argumentSpan ? [d.argumentSpan] : [])}</p>\n`);
        const sub = this.option(d, 'subtitle');
        if (name === 'sidebar' && sub) out.push(`<p class="sidebar-subtitle">${esc(sub)}</p>\n`);
        this.directiveBody(d, secDepth);
        out.push(`</${tag}>\n`);
        return;
      }
      case 'epigraph':
      case 'highlights':
      case 'pull-quote': {
        out.push(`<div class="${name}"${this.dl(d)}>\n`);
        this.directiveBody(d, secDepth);
        out.push('</div>\n');
        return;
      }
      case 'table':
      case 'csv-table':
      case 'list-table': {
        const title = d.argumentSpan ? this.inlineFrom([d.argumentSpan]) : '';
        const kids = d.children ?? [];
        const table = kids.find((k): k is Table => k.type === 'table');
        if (table) {
          this.table(table, title || undefined);
          return;
        }
        out.push(`<pre class="literal-block"${this.dl(d)}>${esc(d.content ?? '')}</pre>\n`);
        return;
      }
      case 'unicode':
      case 'replace':
      case 'date':
        return; // only meaningful in substitution definitions
      default:
        break;
    }
    if (CONTAINER_DIRECTIVES.has(name)) {
      out.push(`<div class="${esc(name)}"${this.dl(d)}>\n`);
      this.directiveBody(d, secDepth);
      out.push('</div>\n');
      return;
    }
    // Unknown directive: docutils reports an error; show the directive's text, unobtrusively.
    out.push(`<pre class="literal-block wr-unknown-directive"${this.dl(d)}>${esc(this.src(d))}</pre>\n`);
  }

  /** Body of a directive whose content is rST; the argument (if not part of the parsed children) first. */
  private directiveBody(d: Directive, secDepth: number, argumentAsParagraph = false): void {
    const kids = d.children ?? [];
    if (argumentAsParagraph && d.argument && d.argumentSpan && !(kids.length && kids[0].start <= d.argumentSpan.start)) {
      this.out.push(`<p${this.dl(d.argumentSpan)}>${this.inlineFrom(this.argumentSegments(d.argumentSpan))}</p>\n`);
    }
    if (d.children) this.blocks(kids, secDepth);
    else if (d.content) this.out.push(`<pre class="literal-block">${esc(d.content)}</pre>\n`);
  }

  /** The argument may span several lines; each line's indentation is excluded. */
  private argumentSegments(span: Span): Span[] {
    const segs: Span[] = [];
    let pos = span.start;
    while (pos < span.end) {
      let eol = this.text.indexOf('\n', pos);
      if (eol < 0 || eol > span.end) eol = span.end;
      let s = pos;
      while (s < eol && (this.text[s] === ' ' || this.text[s] === '\t')) s++;
      let e = eol;
      if (e > s && this.text.charCodeAt(e - 1) === 13) e--;
      if (e > s) segs.push({ start: s, end: e });
      pos = eol + 1;
    }
    return segs;
  }

  private admonition(d: Directive, name: string, secDepth: number): void {
    let titleHtml: string;
    let cls: string;
    let argIsBody = true;
    if (name === 'admonition') {
      titleHtml = d.argumentSpan ? this.inlineFrom(this.argumentSegments(d.argumentSpan)) : esc(d.argument ?? '');
      cls = `admonition admonition-${makeId(d.argument ?? '')}`;
      argIsBody = false;
    } else if (name.startsWith('version') || name === 'deprecated') {
      titleHtml = esc(`${ADMONITION_TITLES[name]} ${(d.argument ?? '').split(/\s/)[0]}`);
      cls = `versionmodified ${name}`;
      this.out.push(`<div class="${cls}"${this.dl(d)}><p><span class="versionmodified">${titleHtml}</span></p>\n`);
      this.directiveBody(d, secDepth);
      this.out.push('</div>\n');
      return;
    } else {
      titleHtml = esc(ADMONITION_TITLES[name]);
      cls = `admonition ${name}`;
    }
    const klass = this.option(d, 'class');
    if (klass) cls += ' ' + klass.split(/\s+/).map(makeId).filter(Boolean).join(' ');
    this.out.push(`<aside class="${esc(cls)}"${this.dl(d)}>\n<p class="admonition-title">${titleHtml}</p>\n`);
    this.directiveBody(d, secDepth, argIsBody);
    this.out.push('</aside>\n');
  }

  /** `<img>` for an image/figure directive or an image substitution. */
  private image(d: Directive, inline: boolean): string {
    const written = (d.argument ?? '').replace(/\s+/g, '');
    const alt = this.option(d, 'alt') ?? (inline ? '' : written);
    const src = this.imageSrc(written);
    const align = this.option(d, 'align');
    const cls: string[] = [];
    if (align && /^(left|center|right|top|middle|bottom)$/.test(align.trim())) cls.push(`align-${align.trim()}`);
    const klass = this.option(d, 'class');
    if (klass) cls.push(...klass.split(/\s+/).map(makeId).filter(Boolean));
    let width = safeLength(this.option(d, 'width'));
    let height = safeLength(this.option(d, 'height'));
    const scaleRaw = this.option(d, 'scale');
    const scale = scaleRaw !== undefined ? Number.parseFloat(scaleRaw.replace('%', '')) : NaN;
    if (Number.isFinite(scale) && scale > 0) {
      const apply = (v: string | undefined) => {
        if (!v) return v;
        const m = /^([\d.]+)(.*)$/.exec(v);
        return m ? `${Number((Number.parseFloat(m[1]) * scale / 100).toFixed(3))}${m[2]}` : v;
      };
      width = apply(width);
      height = apply(height);
    }
    let attrs = '';
    if (cls.length) attrs += ` class="${esc(cls.join(' '))}"`;
    if (width) attrs += ` data-width="${esc(width)}"`;
    if (height) attrs += ` data-height="${esc(height)}"`;
    if (this.opts.inlineStyles && (width || height)) {
      attrs += ` style="${esc([width ? `width: ${width};` : '', height ? `height: ${height};` : ''].filter(Boolean).join(' '))}"`;
    }
    let img: string;
    if (src === undefined) img = `<span class="wr-image-blocked"${attrs} title="${esc(written)}">[${esc(alt || written)}]</span>`;
    else img = `<img alt="${esc(alt)}" src="${esc(src)}"${attrs} />`;
    const target = this.option(d, 'target');
    if (target !== undefined) {
      const t = target.trim();
      let href: string | undefined;
      if (/_$/.test(t) && !/\s/.test(t)) href = this.resolveRefname(normalizeName(t.replace(/^`|`?_$/g, '')));
      else href = this.urlHref(t.replace(/\s+/g, ''));
      img = this.link(href, 'reference external image-reference', img);
    }
    return img;
  }

  private imageSrc(written: string): string | undefined {
    if (written === '') return undefined;
    if (hasScheme(written)) {
      if (/^https:/i.test(written) && this.opts.allowHttpsImages) return safeUrl(written);
      if (/^http:/i.test(written) && this.opts.allowHttpsImages && !this.opts.resolveResource) return safeUrl(written);
      return undefined;
    }
    if (written.startsWith('//')) return undefined; // protocol-relative: remote
    const abs = written.startsWith('/') ? posixJoin(this.root, written) : posixJoin(this.dir, written);
    if (this.opts.resolveResource) {
      try {
        return this.opts.resolveResource(abs, written);
      } catch {
        return undefined;
      }
    }
    return safeUrl(written);
  }

  private figure(d: Directive, secDepth: number): void {
    const cls: string[] = [];
    const align = this.option(d, 'align');
    if (align && /^(left|center|right)$/.test(align.trim())) cls.push(`align-${align.trim()}`);
    const figclass = this.option(d, 'figclass');
    if (figclass) cls.push(...figclass.split(/\s+/).map(makeId).filter(Boolean));
    const figwidth = safeLength(this.option(d, 'figwidth'));
    let attrs = cls.length ? ` class="${esc(cls.join(' '))}"` : '';
    if (figwidth) attrs += ` data-width="${esc(figwidth)}"` + (this.opts.inlineStyles ? ` style="width: ${esc(figwidth)};"` : '');
    // the image itself must not carry the figure's align as a class
    const imgDirective: Directive = { ...d, options: (d.options ?? []).filter((o) => o.name !== 'align') };
    this.out.push(`<figure${attrs}${this.dl(d)}>\n${this.image(imgDirective, false)}\n`);
    const kids = d.children ?? [];
    if (kids.length) {
      this.out.push('<figcaption>\n');
      const [first, ...rest] = kids;
      if (first.type === 'paragraph') this.out.push(`<p${this.dl(first)}>${this.inlines(first.children)}</p>\n`);
      else if (first.type !== 'comment') this.block(first, secDepth);
      if (rest.length) {
        this.out.push('<div class="legend">\n');
        this.blocks(rest, secDepth);
        this.out.push('</div>\n');
      }
      this.out.push('</figcaption>\n');
    }
    this.out.push('</figure>\n');
  }

  private contents(d: Directive): void {
    const local = this.hasOption(d, 'local');
    const depthOpt = this.option(d, 'depth');
    const depth = depthOpt !== undefined && /^\s*\d+\s*$/.test(depthOpt) ? Number.parseInt(depthOpt, 10) : Infinity;
    let sections: Section[];
    if (local) {
      const here = this.sectionStack[this.sectionStack.length - 1];
      // docutils: every subsection of the section holding the directive
      sections = here ? here.children.filter((c): c is Section => c.type === 'section') : this.tocTop;
    } else sections = this.tocTop;
    if (sections.length === 0) return; // docutils drops an empty table of contents
    const title = d.argument && d.argument.trim() ? d.argument.trim() : 'Contents';
    const id = this.ids.take(makeId(title) || 'contents');
    this.out.push(`<nav class="contents${local ? ' local' : ''}" id="${esc(id)}" role="doc-toc"${this.dl(d)}>\n`);
    if (!local) {
      const titleHtml = d.argumentSpan ? this.inlineFrom(this.argumentSegments(d.argumentSpan)) : esc(title);
      this.out.push(`<p class="topic-title">${titleHtml}</p>\n`);
    }
    this.tocList(sections, depth, true);
    this.out.push('</nav>\n');
  }

  private tocList(sections: Section[], depth: number, simple: boolean): void {
    if (sections.length === 0 || depth < 1) return;
    this.out.push(simple ? '<ul class="simple">\n' : '<ul>\n');
    for (const s of sections) {
      const id = this.sectionIds.get(s) ?? s.id;
      const entry = this.ids.fresh('toc-entry-');
      this.tocEntryCounter++;
      this.out.push(`<li><p><a class="reference internal" href="#${esc(id)}" id="${esc(entry)}">${this.inlines(s.title, true)}</a></p>`);
      const subs = (s.children ?? []).filter((c): c is Section => c.type === 'section');
      if (subs.length && depth > 1) {
        this.out.push('\n');
        this.tocList(subs, depth - 1, false);
      }
      this.out.push('</li>\n');
    }
    this.out.push('</ul>\n');
  }

  private toctree(d: Directive): void {
    if (this.hasOption(d, 'hidden')) return;
    const glob = this.hasOption(d, 'glob');
    const ws = this.opts.workspace;
    const entries: Array<{ title?: string; path?: string; url?: string; missing?: string }> = [];
    const curDocname = this.docname(this.opts.path);
    const curDir = posixDirName('/' + curDocname).slice(1);
    for (const rawLine of (d.content ?? '').split('\n')) {
      const line = rawLine.trim();
      if (!line) continue;
      let title: string | undefined;
      let target = line;
      const m = /^(.+?)\s*<([^<>]+)>$/.exec(line);
      if (m) {
        title = m[1];
        target = m[2].trim();
      }
      if (target === 'self') continue;
      if (hasScheme(target)) {
        entries.push({ title: title ?? target, url: target });
        continue;
      }
      if (glob && /[*?[]/.test(target) && ws) {
        const pattern = target.startsWith('/') ? target.slice(1) : curDir ? `${curDir}/${target}` : target;
        let re: RegExp;
        try {
          re = globToRegExp(pattern.replace(/\[[^\]]*\]/g, '?'));
        } catch {
          continue;
        }
        const matches: string[] = [];
        for (const f of ws.files()) {
          if (!f.endsWith('.rst')) continue;
          const dn = this.docname(f);
          if (dn === curDocname || dn.startsWith('../')) continue;
          if (re.test(dn)) matches.push(dn);
        }
        matches.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        for (const dn of matches) entries.push({ path: posixJoin(this.root, dn) + '.rst' });
        continue;
      }
      const abs = this.docPathFor(target);
      if (ws && !ws.exists(abs)) entries.push({ title, missing: target });
      else entries.push({ title, path: abs });
    }
    if (this.hasOption(d, 'reversed')) entries.reverse();
    this.out.push(`<div class="toctree-wrapper compound"${this.dl(d)}>\n`);
    const caption = this.option(d, 'caption');
    if (caption) this.out.push(`<p class="caption" role="heading"><span class="caption-text">${esc(caption)}</span></p>\n`);
    if (entries.length) {
      this.out.push('<ul>\n');
      for (const e of entries) {
        if (e.url !== undefined) {
          this.out.push(`<li class="toctree-l1">${this.link(this.urlHref(e.url), 'reference external', esc(e.title ?? e.url))}</li>\n`);
        } else if (e.path !== undefined) {
          const t = e.title ?? this.docTitle(e.path) ?? this.docname(e.path);
          this.out.push(`<li class="toctree-l1"><a class="reference internal" href="${esc(this.docHref(e.path))}">${esc(t)}</a></li>\n`);
        } else {
          this.out.push(`<li class="toctree-l1 wr-unresolved" title="${esc(e.missing ?? '')}">${esc(e.title ?? e.missing ?? '')}</li>\n`);
        }
      }
      this.out.push('</ul>\n');
    }
    this.out.push('</div>\n');
  }

  /** Sphinx docname (root-relative path without `.rst`). */
  private docname(abs: string): string {
    const rel = posixRelative(this.root, abs);
    return rel.endsWith('.rst') ? rel.slice(0, -4) : rel;
  }

  // ------------------------------------------------------------------ inline

  /** Render inline nodes. `plain` drops links (used for table-of-contents entries). */
  private inlines(nodes: Inline[] | undefined, plain = false): string {
    if (!nodes) return '';
    if (this.inlineDepth === 0) this.quotes?.reset();
    this.inlineDepth++;
    let s = '';
    try {
      for (const n of nodes) s += this.inline(n, plain);
    } finally {
      this.inlineDepth--;
    }
    return s;
  }

  /**
   * Document text, escaped for HTML, with smart quotes when they are on. `span`: where the text comes from
   * in the source, to find characters escaped with a backslash (they keep their straight form).
   */
  private txt(value: string, span?: Span): string {
    if (!this.quotes || this.literalText > 0) return esc(value);
    return esc(this.quotes.plain(span ? nullEscaped(this.text, value, span) : value));
  }

  /** Text shown as written (literals, problematic markup): escaped; context for the quotes after it. */
  private lit(value: string): string {
    this.quotes?.literal(value);
    return esc(value);
  }

  private inline(n: Inline, plain: boolean): string {
    if (!n || typeof n !== 'object') return '';
    switch (n.type) {
      case 'text':
        return this.txt(n.value ?? '', n);
      case 'emphasis':
        return `<em>${this.inlines(n.children, plain)}</em>`;
      case 'strong':
        return `<strong>${this.inlines(n.children, plain)}</strong>`;
      case 'literal':
        return `<span class="docutils literal">${this.lit(n.value ?? '')}</span>`;
      case 'role':
        return this.role(n, plain);
      case 'reference':
        return this.reference(n, plain);
      case 'inline_target': {
        const id = this.inlineTargetIds.get(n);
        const t = this.txt(n.text ?? '');
        return plain || !id ? t : `<span class="target" id="${esc(id)}">${t}</span>`;
      }
      case 'substitution_reference':
        return this.substitution(n.name ?? '', n.linked, plain, n);
      case 'footnote_reference':
        // a title's text in the table of contents (or a :ref:'s link text) leaves footnote and citation
        // references out, as docutils' ContentsFilter does, and must not take an auto-number from the body
        return plain ? '' : this.footnoteReference(n.label ?? '', n);
      case 'citation_reference': {
        if (plain) return '';
        const id = this.citationIds.get(normalizeName(n.label ?? ''));
        // unresolved: docutils shows the reference as written (`[CIT]_`), marked problematic
        if (!id) return `<span class="problematic">${this.lit(this.src(n))}</span>`;
        const inner = `[${esc(n.label ?? '')}]`;
        const refId = this.ids.fresh('citation-reference-');
        this.citationRefCounter++;
        return `<a class="citation-reference" href="#${esc(id)}" id="${esc(refId)}" role="doc-biblioref">${inner}</a>`;
      }
      case 'problematic':
        return `<span class="problematic">${this.lit(n.value ?? '')}</span>`;
      default:
        return this.lit(this.src(n as Span));
    }
  }

  private footnoteReference(label: string, node: Span): string {
    let info: FootnoteInfo | undefined;
    if (label === '*') info = this.symbolFootnotes[this.symbolRefCount++];
    else if (label === '#') info = this.anonAutoFootnotes[this.anonAutoRefCount++];
    else if (label.startsWith('#')) info = this.footnoteByLabel.get(normalizeName(label.slice(1)));
    else info = this.footnoteByLabel.get(normalizeName(label));
    // unresolved: docutils shows the reference as written (`[1]_`), marked problematic
    if (!info) return `<span class="problematic">${this.lit(this.src(node))}</span>`;
    const inner = `<span class="fn-bracket">[</span>${esc(info.label)}<span class="fn-bracket">]</span>`;
    const refId = this.ids.fresh('footnote-reference-');
    this.footnoteRefCounter++;
    info.refIds.push(refId);
    return `<a class="footnote-reference brackets" href="#${esc(info.id)}" id="${esc(refId)}" role="doc-noteref">${inner}</a>`;
  }

  /** Follow a reference name to an href ('#id' or URL); undefined when unknown or unsafe. */
  private resolveRefname(name: string): string | undefined {
    const seen = new Set<string>();
    let cur: string | undefined = name;
    while (cur !== undefined && !seen.has(cur) && seen.size < 50) {
      seen.add(cur);
      const t = this.targets.get(cur);
      if (!t) return undefined;
      if (t.url !== undefined) return this.urlHref(t.url);
      if (t.id !== undefined) return `#${t.id}`;
      cur = t.refname;
    }
    return undefined;
  }

  private reference(r: Reference, plain: boolean): string {
    // the text is educated only where it is shown (the quotes' context follows what is shown)
    const text = () => this.txt(r.text ?? '', r.textSpan);
    if (plain) return text();
    if (r.kind === 'standalone' || r.kind === 'email') {
      return this.link(this.urlHref(r.url ?? r.text ?? ''), 'reference external', text());
    }
    if (r.kind === 'anonymous') {
      if (r.embedded && r.url !== undefined) return this.link(this.urlHref(r.url), 'reference external', text());
      if (r.embedded && r.embeddedRefname) return this.internalOrExternal(this.resolveRefname(r.embeddedRefname), text, r);
      const t = this.anonTargets[this.anonRefCount++];
      if (!t) return `<span class="problematic">${this.lit(this.src(r))}</span>`;
      if (t.url !== undefined) return this.link(this.urlHref(t.url), 'reference external', text());
      if (t.refname !== undefined) return this.internalOrExternal(this.resolveRefname(t.refname), text, r);
      return text();
    }
    // named
    if (r.embedded && r.url !== undefined) return this.link(this.urlHref(r.url), 'reference external', text());
    if (r.embedded && r.embeddedRefname) return this.internalOrExternal(this.resolveRefname(r.embeddedRefname), text, r);
    const name = r.refname ?? normalizeName(r.text ?? '');
    if (!this.targets.has(name)) return `<span class="problematic">${this.lit(this.src(r))}</span>`;
    return this.internalOrExternal(this.resolveRefname(name), text, r);
  }

  private internalOrExternal(href: string | undefined, text: () => string, r: Reference): string {
    if (href === undefined) {
      const name = r.refname ?? r.embeddedRefname;
      return name && this.targets.has(name) ? `<span class="reference wr-unsafe-link">${text()}</span>` : `<span class="problematic">${this.lit(this.src(r))}</span>`;
    }
    return this.link(href, href.startsWith('#') ? 'reference internal' : 'reference external', text());
  }

  private substitution(name: string, linked: boolean, plain: boolean, node: Span): string {
    const d = this.substitutions.get(name) ?? this.substitutionsLower.get(name.toLowerCase());
    if (!d || this.substDepth > 8) return `<span class="problematic">${esc(this.src(node))}</span>`;
    this.substDepth++;
    let html: string;
    try {
      html = this.substitutionContent(d);
    } finally {
      this.substDepth--;
    }
    if (linked && !plain) {
      const href = this.resolveRefname(normalizeName(name));
      if (href !== undefined) html = this.link(href, href.startsWith('#') ? 'reference internal' : 'reference external', html);
    }
    return html;
  }

  private substitutionContent(d: Directive): string {
    const name = (d.name ?? '').toLowerCase();
    switch (name) {
      case 'replace': {
        const segs = [...(d.argumentSpan ? this.argumentSegments(d.argumentSpan) : []), ...this.contentSegments(d.contentSpan)];
        return this.inlineFrom(segs);
      }
      case 'unicode':
        return esc(unicodeDirective(d.argument ?? ''));
      case 'date':
        return esc(formatDate(new Date(), (d.argument ?? '').trim() || '%Y-%m-%d'));
      case 'image':
        return this.image(d, true);
      default:
        return esc(d.argument ?? '');
    }
  }

  private role(r: Role, plain: boolean): string {
    const role = r.role === null || r.role === undefined ? null : r.role.toLowerCase();
    const text = r.text ?? '';
    // shown text, educated when smart quotes are on (only where it is shown: the quotes' context follows it)
    const t = () => this.txt(text);
    // text of literal-like roles (docutils: literal, math and raw nodes are not educated)
    const lt = () => this.lit(text);
    if (role === null || role === 't' || role === 'title' || role === 'title-reference') return `<cite>${t()}</cite>`;
    switch (role) {
      case 'emphasis':
      case 'dfn':
        return `<em>${t()}</em>`;
      case 'strong':
        return `<strong>${t()}</strong>`;
      case 'command':
      case 'program':
        return `<strong class="${role}">${t()}</strong>`;
      case 'literal':
        return `<span class="docutils literal">${lt()}</span>`;
      case 'code':
        return `<code>${lt()}</code>`;
      case 'sub':
      case 'subscript':
        return `<sub>${t()}</sub>`;
      case 'sup':
      case 'superscript':
        return `<sup>${t()}</sup>`;
      case 'kbd':
        return `<kbd class="kbd docutils literal">${lt()}</kbd>`;
      case 'math':
        return `<span class="math">${lt()}</span>`;
      case 'abbreviation':
      case 'ab':
        return `<abbr>${t()}</abbr>`;
      case 'acronym':
      case 'ac':
        return `<acronym>${t()}</acronym>`;
      case 'abbr': {
        const m = /^(.+?)\s*\((.+)\)$/s.exec(text);
        return m ? `<abbr title="${esc(m[2])}">${this.txt(m[1])}</abbr>` : `<abbr>${t()}</abbr>`;
      }
      case 'guilabel':
        return `<span class="guilabel">${this.txt(text.replace(/&(&)?/g, (_m, dbl) => (dbl ? '&' : '')))}</span>`;
      case 'menuselection':
        return `<span class="menuselection">${this.txt(text.replace(/&(&)?/g, (_m, dbl) => (dbl ? '&' : '')).replace(/-->/g, '\u2023'))}</span>`;
      case 'pep':
      case 'pep-reference': {
        const n = Number.parseInt(text, 10);
        if (!Number.isFinite(n) || plain) return `PEP ${t()}`;
        return this.link(`https://peps.python.org/pep-${String(n).padStart(4, '0')}/`, 'pep reference external', `<strong>PEP ${t()}</strong>`);
      }
      case 'rfc':
      case 'rfc-reference': {
        const n = Number.parseInt(text, 10);
        if (!Number.isFinite(n) || plain) return `RFC ${t()}`;
        return this.link(`https://datatracker.ietf.org/doc/html/rfc${n}.html`, 'rfc reference external', `<strong>RFC ${t()}</strong>`);
      }
      case 'doc':
        return this.docRole(r, plain);
      case 'download': {
        const target = (r.target ?? text).trim();
        const inner = `<code class="xref download docutils literal">${this.lit(r.title ?? target)}</code>`;
        if (plain) return inner;
        return this.link(this.urlHref(target), 'reference download internal', inner);
      }
      case 'ref':
      case 'numref':
      case 'any':
        return this.refRole(r, plain);
      case 'index':
        return this.txt(text.replace(/^!/, ''));
      case 'raw':
        return `<span class="problematic">${this.lit(this.src(r))}</span>`;
      default:
        break;
    }
    if (role !== null && LITERAL_ROLES.has(role)) {
      return `<code class="${esc(role)} docutils literal">${this.lit(r.title ?? text)}</code>`;
    }
    if (role !== null && (XREF_ROLES.has(role) || /^[a-z]+:[a-z-]+$/.test(role))) {
      return `<code class="xref docutils literal">${this.lit(r.title ?? r.target ?? text)}</code>`;
    }
    if (role !== null && role.startsWith('raw-')) {
      // custom raw roles (`.. role:: raw-html(raw)`): shown as text, never injected
      return `<span class="wr-raw">${lt()}</span>`;
    }
    // Unknown role: docutils reports an error and shows the source as "problematic".
    return `<span class="problematic">${this.lit(this.src(r))}</span>`;
  }

  private docRole(r: Role, plain: boolean): string {
    const raw = (r.target ?? r.text ?? '').trim();
    const abs = this.docPathFor(raw);
    const ws = this.opts.workspace;
    const title = r.title ?? this.docTitle(abs) ?? raw;
    const shown = this.txt(title);
    if (plain) return shown;
    if (ws && !ws.exists(abs)) return `<span class="xref std std-doc wr-unresolved" title="${esc(raw)}">${shown}</span>`;
    return `<a class="reference internal" href="${esc(this.docHref(abs))}"><span class="doc">${shown}</span></a>`;
  }

  private refRole(r: Role, plain: boolean): string {
    const label = normalizeName(r.target ?? r.text ?? '');
    const t = this.targets.get(label);
    let titleHtml: string;
    if (r.title !== undefined) titleHtml = this.txt(r.title);
    else if (t?.sectionTitle) titleHtml = this.inlines(t.sectionTitle, true);
    else titleHtml = this.txt(r.text ?? '');
    const inner = `<span class="std std-ref">${titleHtml}</span>`;
    if (plain) return titleHtml;
    if (!t) return `<span class="xref std std-ref">${titleHtml}</span>`;
    const href = this.resolveRefname(label);
    return href !== undefined ? this.link(href, href.startsWith('#') ? 'reference internal' : 'reference external', inner) : inner;
  }
}

/** The `date` directive's strftime subset. */
export function formatDate(d: Date, fmt: string): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return fmt.replace(/%([a-zA-Z%])/g, (m, c: string) => {
    switch (c) {
      case 'Y': return String(d.getFullYear());
      case 'y': return pad(d.getFullYear() % 100);
      case 'm': return pad(d.getMonth() + 1);
      case 'd': return pad(d.getDate());
      case 'H': return pad(d.getHours());
      case 'M': return pad(d.getMinutes());
      case 'S': return pad(d.getSeconds());
      case 'j': return pad(Math.floor((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(d.getFullYear(), 0, 1)) / 864e5) + 1, 3);
      case 'A': return days[d.getDay()];
      case 'a': return days[d.getDay()].slice(0, 3);
      case 'B': return months[d.getMonth()];
      case 'b': return months[d.getMonth()].slice(0, 3);
      case '%': return '%';
      default: return m;
    }
  });
}

function unicodeDirective(arg: string): string {
  let s = '';
  for (const tok of arg.split(/\s+/)) {
    if (tok.startsWith('..')) break;
    const m = /^(?:0x|x|\\x|U\+|u|\\u|&#x)([0-9a-f]+);?$/i.exec(tok);
    const d = /^&#(\d+);$/.exec(tok);
    const n = m ? Number.parseInt(m[1], 16) : d ? Number.parseInt(d[1], 10) : /^\d+$/.test(tok) ? Number.parseInt(tok, 10) : NaN;
    if (Number.isFinite(n) && n >= 0 && n <= 0x10ffff) s += String.fromCodePoint(n);
    else s += tok;
  }
  return s;
}

function isInlineType(t: string): boolean {
  switch (t) {
    case 'text': case 'emphasis': case 'strong': case 'literal': case 'role': case 'reference':
    case 'inline_target': case 'substitution_reference': case 'footnote_reference':
    case 'citation_reference': case 'problematic':
      return true;
    default:
      return false;
  }
}

/** Children of any node for the pre-pass (blocks and inlines). */
function childNodes(n: any): any[] {
  switch (n.type) {
    case 'section': return [...(n.title ?? []), ...(n.children ?? [])];
    case 'bullet_list': case 'enumerated_list': case 'definition_list': case 'option_list': return n.items ?? [];
    case 'definition_list_item': return [...(n.term ?? []), ...((n.classifiers ?? []) as Inline[][]).flat(), ...(n.definition ?? [])];
    case 'field_list': return n.fields ?? [];
    case 'field': return [...(n.name ?? []), ...(n.body ?? [])];
    case 'option_list_item': return n.description ?? [];
    case 'line_block': return n.lines ?? [];
    case 'line': return n.children ?? [];
    case 'block_quote': return [...(n.children ?? []), ...(n.attribution ?? [])];
    case 'directive': return n.children ?? [];
    case 'substitution_definition': return [];
    case 'table': return [...(n.header ?? []), ...(n.body ?? [])];
    case 'table_row': return n.cells ?? [];
    default: return Array.isArray(n.children) ? n.children : [];
  }
}

/**
 * docutils' Text nodes hold the null-escaped text ('\0' before each character escaped with a backslash),
 * which smart quotes need (an escaped quote stays straight); our Text.value is unescaped. Rebuild the
 * markers from the source: the value is the source range without the escaping backslashes, escaped spaces
 * and line breaks, and the continuation lines' indentation. When the two cannot be aligned (a value not
 * read from its range), the value is returned as it is.
 */
function nullEscaped(src: string, value: string, span: Span): string {
  const b = src.indexOf('\\', span.start);
  if (b < 0 || b >= span.end) return value;
  let out = '';
  let j = 0;
  for (let i = span.start; i < span.end; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < span.end) {
      const d = src[i + 1];
      if (d === ' ' || d === '\n') {
        // docutils' unescape drops an escaped space or line break with its marker
        out += '\0' + d;
        i++;
        continue;
      }
      if (value[j] === d) {
        out += '\0' + d;
        j++;
        i++;
        continue;
      }
    }
    if (j < value.length && value[j] === c) {
      out += c;
      j++;
    }
  }
  return j === value.length ? out : value;
}
