/**
 * Block-level reStructuredText parser (docutils semantics, see docutils/parsers/rst/states.py).
 *
 * - Position-exact: every node carries 0-based UTF-16 offsets into the ORIGINAL text. Nested bodies
 *   (list items, block quotes, directive content …) are parsed recursively on the same source, as a
 *   "window" of lines with a column offset, never on a copied substring.
 * - Never throws: the top level is wrapped in a safety net that returns the tree built so far plus an
 *   `internal-error` problem.
 * - Linear time in the document (times the nesting depth, like docutils; depth is capped).
 *
 * Inline markup is delegated to `parseInline(src, segments)`; document-level reference checks to
 * `resolveReferences(tree, text)`.
 */
import type {
  Block, BlockQuote, BulletList, Citation, Comment, DefinitionList, DefinitionListItem, Directive,
  DirectiveOption, DoctestBlock, Document, EnumeratedList, Field, FieldList, Footnote, Inline, Line,
  LineBlock, ListItem, LiteralBlock, Node, OptionList, OptionListItem, Paragraph, ParseResult, Problem,
  ProblemSeverity, Section, Span, SubstitutionDefinition, Target, Transition,
} from './ast';
import { escape2null, parseInline, shortcuts, tight, unescape } from './inline';
import { makeId, normalizeName } from './names';
import { resolveReferences } from './references';
import { lineLengthProblem } from './lineLimit';
import { hasOtherPythonLineBreak, isPythonLineBreakNotLF, isPythonSpace } from './pyStr';
import { columnWidth } from './width';
import { isMark, rememberMarks } from './walk';
import { parseGridTable, parseSimpleTable, TableHost } from './blocks-tables';
import { DIRECTIVE_SPECS, OPTION_VALUE_KINDS } from './directiveSpecs';

/** Maximum nesting depth of bodies; deeper content is kept as a plain paragraph. */
const MAX_DEPTH = 1000;
/** BlockParser.ind of a line whose indentation holds a whitespace other than space and tab (indentOf has its column). */
const IND_UNI = -2;

/** A window of lines [lo, hi): content starts at column `col` (`fc` for the first line). */
export interface Win { lo: number; hi: number; col: number; fc: number }

interface Indented { win: Win; end: number; bf: boolean }

// ---------------------------------------------------------------- patterns (docutils Body.patterns)

const SIMPLENAME = String.raw`(?:(?!_)[\p{L}\p{N}_])+(?:[-._+:](?:(?!_)[\p{L}\p{N}_])+)*`;
const RE_BULLET = /^[-+*\u2022\u2023\u2043]( +|$)/;
const ENUM = '([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)';
const RE_ENUM = new RegExp(`^(?:\\(${ENUM}\\)|${ENUM}\\)|${ENUM}\\.)( +|$)`);
/** Cheap pre-check: could this line start with an enumerator ("12.", "a)", "iv.")? */
const RE_ENUM_START = /^(?:[0-9]+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)]/;
/** RE_ENUM_START at lastIndex of the whole text (sticky), without slicing the line out. */
const RE_ENUM_START_AT = /(?:[0-9]+|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)]/y;
const RE_FIELD = /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):( +|$)/;
const OPTARG = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
const SHORTOPT = `(?:-|\\+)[a-zA-Z0-9](?: ?${OPTARG})?`;
const LONGOPT = `(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${OPTARG})?`;
const OPTION = `(?:${SHORTOPT}|${LONGOPT})`;
const RE_OPTION = new RegExp(`^${OPTION}(?:, ${OPTION})*(?:  +| ?$)`);
const RE_DOCTEST = /^>>>( +|$)/;
const RE_LINEBLOCK = /^\|( +|$)/;
const RE_GRID_TOP = /^\+-[-+]+-\+ *$/;
const RE_SIMPLE_TOP = /^=+( +=+)+ *$/;
const RE_EXPLICIT = /^\.\.( +|$)/;
const RE_ANON = /^__( +|$)/;
const RE_LINE = /^([!-/:-@[-`{-~])\1* *$/;
/** The separator of a definition list term's classifiers. */
const RE_CLASSIFIER = / +: +/;
/** A term without classifiers (nearly all of them) shares this list; trees are not modified after parse. */
const NO_CLASSIFIERS: Inline[][] = Object.freeze([]) as unknown as Inline[][];
/** The first character class of RE_LINE: ASCII punctuation. */
const isPunctuation = (c: number) => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
const RE_NONALNUM7 = /^[!-/:-@[-`{-~]/;

const RE_FOOTNOTE = new RegExp(String.raw`^\.\.[ ]+\[([0-9]+|#|#${SIMPLENAME}|\*)\]([ ]+|$)`, 'u');
const RE_CITATION = new RegExp(String.raw`^\.\.[ ]+\[(${SIMPLENAME})\]([ ]+|$)`, 'u');
const RE_TARGET_START = /^\.\.[ ]+_(?![ ]|$)/;
const RE_SUBST_START = /^\.\.[ ]+\|(?![ ]|$)/;
const RE_DIRECTIVE = new RegExp(String.raw`^\.\.[ ]+(${SIMPLENAME})[ ]?::([ ]+|$)`, 'u');
const RE_EMBEDDED_DIRECTIVE = new RegExp(String.raw`^(${SIMPLENAME})::( +|$)`, 'u');
// explicit.patterns.target (escapes already turned into \x00)
const RE_TARGET = /^(?:_|(?!_)(`?)(?![ `])(.+?)(?<![\s\x00])\1)(?<!(?<!\x00):)(?<![\s\x00])[ ]?:([ ]+|$)/s;
const RE_REFERENCE = new RegExp('^(?:(' + SIMPLENAME + ')_|`(?![ ])(.+?)(?<![\\s\\x00])`_)$', 'su');
const RE_SUBST = /^(?![ ])(.+?)(?<![\s\x00])\|([ ]+|$)/s;
const RE_ATTRIBUTION = /^(---?(?!-)|\u2014) *(?=[^ \n])/;

/**
 * Directives parsed on purpose other than their class declares (DIRECTIVE_SPECS): `role` reads
 * `name(base)` from its first line itself; in a substitution definition `replace` and `date` read their
 * text from the first line (kept as the argument; the renderer reads argument and content alike); docutils'
 * test directive is not for reports.
 */
const OWN_WAY: ReadonlyMap<string, [number, number, boolean] | undefined> = new Map<string, [number, number, boolean] | undefined>([
  ['role', [1, 0, true]], ['date', [0, 1, true]], ['replace', undefined], ['restructuredtext-test-directive', undefined],
]);
/** Directives of Sphinx's domains and extensions and an alias, which DIRECTIVE_SPECS (docutils and Sphinx core) lacks. */
const EXTENSION_DIRECTIVES = [
  'section-numbering', 'glossary', 'productionlist', 'autosummary', 'automodule', 'autoclass', 'autofunction', 'automethod',
  'autoattribute', 'autodata', 'autoexception', 'autoproperty', 'currentmodule', 'module', 'function', 'data', 'exception',
  'method', 'attribute', 'classmethod', 'staticmethod', 'decorator', 'todo', 'todolist', 'ifconfig', 'graphviz', 'digraph',
  'graph', 'inheritance-diagram', 'doctest', 'testcode', 'testoutput', 'testsetup', 'testcleanup', 'plot', 'program',
  'option', 'envvar', 'cmdoption', 'versionremoved',
];
/** docutils' and Sphinx's registered directives, and the extension ones above. */
const KNOWN_DIRECTIVES = new Set([...DIRECTIVE_SPECS.keys(), ...EXTENSION_DIRECTIVES]);
/** Directives that take no arguments: text on the first line is content. */
const NO_ARGUMENTS = new Set([
  ...[...DIRECTIVE_SPECS].filter(([n, [req, opt]]) => req + opt === 0 && !OWN_WAY.has(n)).map(([n]) => n),
  'section-numbering', 'glossary', 'autosummary', 'todo', 'doctest', 'testcode', 'testoutput', 'testsetup', 'testcleanup',
]);
/** Directives whose content is rST body elements. */
const BODY_DIRECTIVES = new Set([
  'note', 'tip', 'warning', 'important', 'attention', 'caution', 'danger', 'error', 'hint', 'admonition',
  'seealso', 'topic', 'sidebar', 'container', 'compound', 'figure', 'only', 'epigraph', 'highlights',
  'pull-quote', 'versionadded', 'versionchanged', 'deprecated', 'versionremoved', 'hlist', 'glossary', 'table',
  'list-table', 'class', 'rst-class', 'cssclass', 'todo', 'ifconfig', 'tab', 'tabs', 'group-tab', 'code-tab', 'header', 'footer',
]);
const CODE_DIRECTIVES = new Set(['code', 'code-block', 'sourcecode']);
/**
 * Directives that take no content (their class's `has_content = False`): text after their arguments and
 * options is "Error in "image" directive: no content permitted."
 */
const NO_CONTENT = new Set([...[...DIRECTIVE_SPECS].filter(([, spec]) => !spec[3]).map(([n]) => n), 'section-numbering']);
/**
 * Directives whose run() requires content (docutils `assert_has_content()` and the table directives' own
 * checks; Sphinx's `seealso` is an admonition). `code-block` and Sphinx's `math` accept an empty body, so
 * they are not here. raw and csv-table may take their content from a :file: or :url: option instead.
 */
const CONTENT_REQUIRED = new Map<string, { kind: string; severity: ProblemSeverity; unlessOption?: true }>([
  ...['admonition', 'attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'seealso',
    'code', 'compound', 'container', 'epigraph', 'footer', 'header', 'highlights', 'line-block', 'meta', 'parsed-literal',
    'pull-quote', 'sidebar', 'topic'].map((n) => [n, { kind: 'directive-content-missing', severity: 'error' as const }] as const),
  ['raw', { kind: 'directive-content-missing', severity: 'error', unlessOption: true }],
  ['table', { kind: 'directive-content-missing', severity: 'warning' }],
  ['csv-table', { kind: 'csv-table-content-missing', severity: 'warning', unlessOption: true }],
  ['list-table', { kind: 'list-table-empty', severity: 'error' }],
]);
/**
 * Argument specs [required, optional, final argument may contain whitespace], as the classes declare them.
 * A Map: looked up with the lower-cased name, a fresh string, which an object's keyed lookup must first
 * find in V8's string table (0.46% of a corpus pass), while the Map reuses the hash KNOWN_DIRECTIVES took.
 */
const ARGUMENT_SPECS = new Map<string, [number, number, boolean]>();
for (const [n, [req, opt, finalWs]] of DIRECTIVE_SPECS) if (req + opt > 0 && !OWN_WAY.has(n)) ARGUMENT_SPECS.set(n, [req, opt, finalWs]);
for (const [n, own] of OWN_WAY) if (own) ARGUMENT_SPECS.set(n, own);

// ---------------------------------------------------------------- helpers

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'],
  [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
const RE_ROMAN = /^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
function fromRoman(s: string): number | null {
  if (!s || !RE_ROMAN.test(s)) return null;
  let result = 0;
  let i = 0;
  for (const [v, r] of ROMAN) {
    while (s.startsWith(r, i)) { result += v; i += r.length; }
  }
  return result;
}
function toRoman(n: number): string | null {
  if (n <= 0 || n >= 5000) return null;
  let out = '';
  for (const [v, r] of ROMAN) while (n >= v) { out += r; n -= v; }
  return out;
}

type Seq = 'arabic' | 'loweralpha' | 'upperalpha' | 'lowerroman' | 'upperroman';
const SEQUENCES: Seq[] = ['arabic', 'loweralpha', 'upperalpha', 'lowerroman', 'upperroman'];
const SEQ_RE: Record<Seq, RegExp> = {
  arabic: /^[0-9]+$/, loweralpha: /^[a-z]$/, upperalpha: /^[A-Z]$/, lowerroman: /^[ivxlcdm]+$/, upperroman: /^[IVXLCDM]+$/,
};
const FORMATS = {
  parens: { prefix: '(', suffix: ')' },
  rparen: { prefix: '', suffix: ')' },
  period: { prefix: '', suffix: '.' },
} as const;
type Format = keyof typeof FORMATS;

function toOrdinal(seq: Seq, text: string): number | null {
  switch (seq) {
    case 'arabic': return parseInt(text, 10);
    case 'loweralpha': return text.charCodeAt(0) - 96;
    case 'upperalpha': return text.charCodeAt(0) - 64;
    case 'lowerroman': return fromRoman(text.toUpperCase());
    case 'upperroman': return fromRoman(text);
  }
}


export { makeId, normalizeName } from './names';


/** Plain text of inline nodes (like docutils' astext for titles). */
export function inlineText(nodes: Inline[]): string {
  let s = '';
  for (const n of nodes) {
    switch (n.type) {
      case 'text': s += n.value; break;
      case 'emphasis': case 'strong': s += inlineText(n.children); break;
      case 'literal': s += n.value; break;
      case 'role': s += n.title ?? n.text; break;
      case 'reference': s += n.text; break;
      case 'inline_target': s += n.text; break;
      case 'substitution_reference': s += n.name; break;
      case 'footnote_reference': if (!/^[#*]/.test(n.label)) s += n.label; break; // auto-numbered: no text yet
      case 'citation_reference': s += n.label; break;
      case 'problematic': s += n.value; break;
    }
  }
  return s;
}

function expandTabs(s: string, startCol = 0): string {
  if (s.indexOf('\t') < 0) return s;
  let out = '';
  let col = startCol;
  for (const ch of s) {
    if (ch === '\t') { const n = 8 - (col % 8); out += ' '.repeat(n); col += n; } else { out += ch; col += ch.length; }
  }
  return out;
}

// ---------------------------------------------------------------- the parser

export { shortcuts };

/** The five per-line tables of a parser (see the fields of BlockParser). */
interface LineTables { ls: Int32Array; le: Int32Array; ind: Int32Array; fs: Int32Array; tab: Uint8Array }

/**
 * Line tables handed back by finished parsers, for the next one: five fresh typed arrays cost about 1 µs
 * each, more than parsing a short table cell (a document with a few tables has thousands of cells), and
 * a sixth of parsing a typical report. parse() and the table-cell parsers take their tables from here. A
 * parser may get longer tables than it has lines; it reads only indices below its `n`. Cells nest (a
 * table in a cell), so this is a stack: a parser takes one set and gives it back when it is done.
 */
const lineTablePool: LineTables[] = [];
const POOLED_LINES_MAX = 8192;
function takeLineTables(count: number, room = 0): LineTables {
  const t = lineTablePool.pop();
  if (t && t.ls.length >= count) return t;
  // `room`: as many lines as the text has characters (up to the pool's limit), so that the next
  // documents of that size need not count their lines first
  const cap = Math.max(count, Math.min(room, POOLED_LINES_MAX), t ? t.ls.length * 2 : 16);
  return { ls: new Int32Array(cap), le: new Int32Array(cap), ind: new Int32Array(cap), fs: new Int32Array(cap), tab: new Uint8Array(cap) };
}

export class BlockParser implements TableHost {
  readonly src: string;
  /** Line start offsets. */
  readonly ls: Int32Array;
  /** Line end offsets, trailing whitespace removed. */
  readonly le: Int32Array;
  /** Indentation column (tabs to 8) of the first non-whitespace character; -1 for blank lines, IND_UNI (see indentOf). */
  readonly ind: Int32Array;
  /** Offset of the first non-whitespace character (= le for blank lines). */
  readonly fs: Int32Array;
  /** Line has a tab before its end (1) or not (0). */
  readonly tab: Uint8Array;
  readonly problems: Problem[];
  /**
   * The tree's marks (`isMark` in walk.ts: what the reference checks, the link facts and the syntax rule
   * look at), in the order of a preorder walk of the finished
   * tree, collected as the nodes are made (shared with table cells' parsers, which parse the cells in the
   * table's order). A node made after nodes it contains takes its place first (reserveMark); a hole left by
   * a node never made is skipped. Whatever a node contains is parsed in source order (a definition's term
   * before its definition, a field's name before its body). A property test compares this list with the
   * walk (architecture.md, invariant 12).
   */
  readonly marks: Array<Node | undefined>;
  /** Section title styles in order of first use ('u=' underline-only, 'o=' over+under). */
  readonly styles: string[];
  readonly doc: Document;
  n = 0;
  /** Element ids given so far (docutils document.ids), for de-duplication like docutils' set_id. */
  readonly ids: Set<string>;
  readonly idCounter: Map<string, number>;
  /** Offset of the next tab character at or after the line being added (-1: none). */
  private nextTab = -2;
  /** `src.indexOf('\t')` as computed at construction (-1: the text has no tab). */
  private nextTabAtStart = -2;
  /** The lines are a table cell's: docutils strips their common indentation with lstrip(), Unicode spaces too. */
  private readonly cellLines: boolean;
  /**
   * Indentation of the lines whose indentation holds a whitespace other than space and tab (their `ind` is
   * IND_UNI, so that the hot paths of rel() and startOff() stay as they are: few documents have such lines).
   */
  private uniInd?: Map<number, number>;

  /**
   * @param parent share problems, ids and title styles with this parser (table cells)
   * @param segments parse these source ranges as the lines (table cells) instead of the text's lines
   * The line tables come from the pool; whoever is done with the parser may give them back with
   * releaseLineTables() (parse() and the table cells do).
   */
  constructor(src: string, parent?: BlockParser, segments?: Span[]) {
    this.src = src;
    this.cellLines = segments !== undefined;
    this.doc = { type: 'document', start: 0, end: src.length, children: [] };
    this.problems = parent ? parent.problems : [];
    this.marks = parent ? parent.marks : [];
    this.styles = parent ? parent.styles : [];
    this.ids = parent ? parent.ids : new Set();
    this.idCounter = parent ? parent.idCounter : new Map();
    // a table cell's parser reuses the root's answer when the text has no tab at all (no rescan per cell)
    this.nextTab = parent && parent.nextTabAtStart < 0 ? -1 : src.indexOf('\t');
    this.nextTabAtStart = this.nextTab;
    const len = src.length;
    // docutils splits lines as Python's str.splitlines() does: also at \x1c-\x1e, \x85, U+2028 and U+2029
    // (not at \v and \f, which it turns into spaces first); texts with any of these or '\r' take the slow loops
    const hasCR = !segments && (src.indexOf('\r') >= 0 || hasOtherPythonLineBreak(src));
    let count = 1;
    const pooled = lineTablePool.length ? lineTablePool[lineTablePool.length - 1].ls.length : 0;
    if (segments) count = segments.length;
    else if (len < pooled) count = len + 1; // the pooled tables hold more lines than the text can have: no need to count
    else if (!hasCR) for (let q = src.indexOf('\n'); q >= 0; q = src.indexOf('\n', q + 1)) count++;
    else for (let q = 0; q < len; q++) { const c = src.charCodeAt(q); if (c === 10 || (isPythonLineBreakNotLF(c) && !(c === 13 && src.charCodeAt(q + 1) === 10))) count++; }
    const t = takeLineTables(count, segments ? 0 : len + 1);
    this.ls = t.ls;
    this.le = t.le;
    this.ind = t.ind;
    this.fs = t.fs;
    this.tab = t.tab;
    if (segments) {
      for (const sg of segments) this.addLine(sg.start, sg.end);
      return;
    }
    let i = src.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first line
    while (i <= len) {
      const start = i;
      let j: number;
      if (!hasCR) {
        j = src.indexOf('\n', i);
        if (j < 0) j = len;
      } else {
        j = i;
        while (j < len) {
          const c = src.charCodeAt(j);
          if (c === 10 || isPythonLineBreakNotLF(c)) break;
          j++;
        }
      }
      this.addLine(start, j);
      if (j >= len) break;
      i = src.charCodeAt(j) === 13 && src.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    }
    // A final empty line after a trailing newline is not a line (like str.splitlines()).
    if (this.n > 1 && this.ls[this.n - 1] === len) this.n--;
  }

  private addLine(start: number, j: number): void {
    const src = this.src;
    let e = j;
    while (e > start) {
      // docutils' string2lines rstrip()s each line: Python's whitespace, e.g. a no-break space, too
      const c = src.charCodeAt(e - 1);
      if (isPythonSpace(c)) e--; else break;
    }
    let col = 0;
    let k = start;
    let hasTab = false;
    let uni = false;
    for (; k < e; k++) {
      const c = src.charCodeAt(k);
      if (c === 32 || c === 12 || c === 11) col++;
      else if (c === 9) { col = col - (col % 8) + 8; hasTab = true; }
      // docutils: a line is indented when it starts with a space (get_indented: line[0] == ' ', after tabs,
      // \v and \f became spaces), and its indentation is all of its leading Python whitespace (lstrip());
      // a table cell's common indentation is lstrip()'s from the start (get_2D_block)
      else if ((col > 0 || this.cellLines) && isPythonSpace(c)) { col++; uni = true; }
      else break;
    }
    if (!hasTab && k < e) {
      // tabs after the indentation: a running pointer to the next tab keeps this linear
      if (this.nextTab >= 0 && this.nextTab < k) this.nextTab = src.indexOf('\t', k);
      hasTab = this.nextTab >= 0 && this.nextTab < e;
    }
    const n = this.n++;
    this.ls[n] = start;
    this.le[n] = e;
    this.fs[n] = k;
    this.ind[n] = k >= e ? -1 : uni ? IND_UNI : col;
    this.tab[n] = hasTab ? 1 : 0;
    if (uni && k < e) (this.uniInd ??= new Map()).set(n, col);
  }

  run(): void {
    this.body({ lo: 0, hi: this.n, col: 0, fc: 0 }, true, 0, this.doc.children);
  }

  /**
   * A table cell whose only line with text starts with an ASCII letter or digit that does not begin an
   * enumerator, and does not end with '::', is one paragraph: what body() would make of it, without a
   * child parser. Most cells are like this. Anything else returns undefined (parse the cell in full).
   */
  plainCell(segs: Span[], depth: number): Block[] | undefined {
    if (depth > MAX_DEPTH || !shortcuts.plainCells) return undefined;
    const src = this.src;
    const ws = (c: number) => c === 32 || c === 9 || c === 11 || c === 12;
    let s = -1;
    let e = -1;
    for (const sg of segs) {
      let a = sg.start;
      let b = sg.end;
      while (a < b && ws(src.charCodeAt(a))) a++;
      if (a >= b) continue;
      if (s >= 0) return undefined; // a second line with text
      while (b > a && ws(src.charCodeAt(b - 1))) b--;
      s = a;
      e = b;
    }
    if (s < 0) return [];
    const c0 = src.charCodeAt(s);
    if (!((c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return undefined;
    if (src.endsWith('::', e) && e - s >= 2) return undefined;
    if (RE_ENUM_START.test(src.slice(s, e))) return undefined;
    const slot = this.reserveMark();
    const p: Paragraph = { type: 'paragraph', start: s, end: e, children: this.inline([{ start: s, end: e }]) };
    this.fillMark(slot, p);
    return [p];
  }

  /** The parser is done: its line tables go back to the pool (it must not be used after this). */
  releaseLineTables(): void {
    // a very long document's tables are left to the garbage collector rather than kept for ever
    if (this.ls.length <= POOLED_LINES_MAX) lineTablePool.push({ ls: this.ls, le: this.le, ind: this.ind, fs: this.fs, tab: this.tab });
  }

  // ------------------------------------------------------------ line geometry

  /** Offset of column `c` on line k (clamped to the trimmed line end). */
  off(k: number, c: number): number {
    const s = this.ls[k];
    const e = this.le[k];
    if (!this.tab[k]) return Math.min(s + c, e);
    let col = 0;
    let o = s;
    while (o < e && col < c) {
      const ch = this.src.charCodeAt(o);
      if (ch === 9) col = col - (col % 8) + 8; else col++;
      o++;
    }
    return o;
  }

  /** Column of offset o on line k. */
  colOf(k: number, o: number): number {
    const s = this.ls[k];
    if (!this.tab[k]) return o - s;
    let col = 0;
    for (let q = s; q < o; q++) {
      if (this.src.charCodeAt(q) === 9) col = col - (col % 8) + 8; else col++;
    }
    return col;
  }

  blank(k: number): boolean { return this.ind[k] === -1; }

  /** Indentation column of line k (tabs to 8, Unicode spaces after a space or tab count 1); -1 when blank. */
  indentOf(k: number): number {
    const ind = this.ind[k];
    return ind === IND_UNI ? this.uniInd!.get(k)! : ind;
  }

  /**
   * Is the character at column c of line k a whitespace other than a space or tab (a no-break space,
   * U+3000, ...)? Then, in a window at column c, docutils sees a line that starts with that character: not
   * indented (get_indented tests line[0] == ' '), its text starting there.
   */
  private unicodeSpaceAt(k: number, c: number): boolean {
    let col = 0;
    for (let o = this.ls[k]; o < this.le[k]; o++) {
      const ch = this.src.charCodeAt(o);
      const next = ch === 9 ? col - (col % 8) + 8 : col + 1;
      if (c < next) return !(ch === 32 || ch === 9 || ch === 11 || ch === 12);
      col = next;
    }
    return false;
  }

  /** rel() of a line whose indentation holds a whitespace other than space and tab. */
  private relUni(w: Win, k: number): number {
    const ind = this.uniInd!.get(k)!;
    const c = this.cOf(w, k);
    if (ind >= c) return ind > c && this.unicodeSpaceAt(k, c) ? 0 : ind - c;
    return this.relAfterMarker(k, c);
  }

  /** rel() of the first line of a window starting after a marker (column c lies inside the line's text). */
  private relAfterMarker(k: number, c: number): number {
    let o = this.off(k, c);
    const e = this.le[k];
    while (o < e && (this.src.charCodeAt(o) === 32 || this.src.charCodeAt(o) === 9)) o++;
    if (o >= e) return -1;
    return this.colOf(k, o) - c;
  }

  cOf(w: Win, k: number): number { return k === w.lo ? w.fc : w.col; }

  /** Indentation of line k relative to the window; -1 when blank (from the window's start column). */
  rel(w: Win, k: number): number {
    const ind = this.ind[k];
    if (ind < 0) return ind === IND_UNI ? this.relUni(w, k) : -1;
    const c = this.cOf(w, k);
    if (ind >= c) return ind - c;
    return this.relAfterMarker(k, c);
  }

  /** Offset of the first non-blank character of line k within the window. */
  startOff(w: Win, k: number): number {
    const c = this.cOf(w, k);
    if (this.ind[k] >= c) return this.fs[k];
    if (this.ind[k] === IND_UNI) {
      const ind = this.uniInd!.get(k)!;
      if (ind >= c) return ind > c && this.unicodeSpaceAt(k, c) ? this.off(k, c) : this.fs[k];
    }
    let o = this.off(k, c);
    const e = this.le[k];
    while (o < e && (this.src.charCodeAt(o) === 32 || this.src.charCodeAt(o) === 9)) o++;
    return o;
  }

  /** Text of line k from column c (tabs expanded when the line has any). */
  textFrom(k: number, c: number): string {
    if (!this.tab[k]) return this.src.slice(Math.min(this.ls[k] + c, this.le[k]), this.le[k]);
    return expandTabs(this.src.slice(this.ls[k], this.le[k])).slice(c);
  }

  /** Text of a rel-0 line of the window. */
  txt(w: Win, k: number): string { return this.textFrom(k, this.cOf(w, k)); }

  lineSpan(k: number): Span { return { start: this.fs[k], end: this.le[k] }; }

  problem(kind: string, severity: ProblemSeverity, start: number, end: number, data?: Record<string, string | number>): void {
    const p: Problem = { kind, severity, start, end };
    if (data) p.data = data;
    this.problems.push(p);
  }

  /** A place in `marks` for a node made after the nodes it contains (fill it with fillMark). */
  reserveMark(): number {
    return this.marks.push(undefined) - 1;
  }
  fillMark(slot: number, node: Node): void {
    this.marks[slot] = node;
  }

  inline(segments: Span[]): Inline[] {
    let segs = segments;
    for (const sg of segments) if (sg.end < sg.start) { segs = segments.filter((x) => x.end >= x.start); break; }
    if (segs.length === 0) return [];
    try {
      const r = parseInline(this.src, segs);
      for (const p of r.problems) this.problems.push(p);
      // inline nodes hold no marks (emphasis and strong hold only text)
      const nodes = r.nodes;
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if (n.type !== 'text' && isMark(n)) this.marks.push(n);
      }
      return nodes;
    } catch (e) {
      const start = segs[0].start;
      const end = segs[segs.length - 1].end;
      this.problem('internal-error', 'error', start, end, { message: 'inline: ' + String((e as Error)?.message ?? e) });
      return [{ type: 'text', start, end, value: segs.map((s) => this.src.slice(s.start, s.end)).join('\n') }];
    }
  }

  /** docutils document.set_id: id from the first usable name, else `<base>-N` / `<tag>-N`. */
  setId(names: string[], tag: string): string {
    let id = '';
    let base = '';
    for (const name of names) {
      id = makeId(name);
      base = id;
      if (id && !this.ids.has(id)) { this.ids.add(id); return id; }
    }
    const prefix = base ? id + '-' : tag + '-';
    for (;;) {
      const c = (this.idCounter.get(prefix) ?? 0) + 1;
      this.idCounter.set(prefix, c);
      id = prefix + c;
      if (!this.ids.has(id)) { this.ids.add(id); return id; }
    }
  }

  // ------------------------------------------------------------ indented blocks (docutils StringList.get_indented)

  /** Lines from k on that are blank or indented (relative to w); strips the minimal indent. */
  getIndented(w: Win, k: number, untilBlank = false): Indented {
    let end = k;
    let min = -1;
    let bf = true;
    while (end < w.hi) {
      const r = this.rel(w, end);
      if (r < 0) {
        if (untilBlank) { bf = true; break; }
        end++;
        continue;
      }
      if (r === 0) { bf = end > k && this.blank(end - 1); break; }
      if (min < 0 || r < min) min = r;
      end++;
    }
    if (min < 0) min = 0;
    const win: Win = { lo: k, hi: end, col: w.col + min, fc: this.cOf(w, k) + min };
    return { win, end, bf };
  }

  /** First line from column `firstCol`; following lines while indented; strips their minimal indent. */
  getFirstKnownIndented(w: Win, k: number, firstCol: number, untilBlank = false, stripTop = true): Indented {
    let end = k + 1;
    let min = -1;
    let bf = true;
    while (end < w.hi) {
      const r = this.rel(w, end);
      if (r < 0) {
        if (untilBlank) { bf = true; break; }
        end++;
        continue;
      }
      if (r === 0) { bf = this.blank(end - 1); break; }
      if (min < 0 || r < min) min = r;
      end++;
    }
    if (min < 0) min = 0;
    const win: Win = { lo: k, hi: end, col: w.col + min, fc: firstCol };
    if (stripTop) this.stripTop(win);
    return { win, end, bf };
  }

  /** Lines indented at least `bi` columns (the first line from its column + bi). */
  getKnownIndented(w: Win, k: number, bi: number): Indented {
    let end = k + 1;
    let bf = true;
    while (end < w.hi) {
      const r = this.rel(w, end);
      if (r >= 0 && r < bi) { bf = this.blank(end - 1); break; }
      end++;
    }
    const win: Win = { lo: k, hi: end, col: w.col + bi, fc: this.cOf(w, k) + bi };
    this.stripTop(win);
    return { win, end, bf };
  }

  stripTop(win: Win): void {
    while (win.lo < win.hi && this.rel(win, win.lo) < 0) { win.lo++; win.fc = win.col; }
  }

  /** Last non-blank line in the window, or -1. */
  lastNonBlank(w: Win): number {
    for (let k = w.hi - 1; k >= w.lo; k--) if (this.rel(w, k) >= 0) return k;
    return -1;
  }

  /** Text lines of a window, common indent removed, trailing blank lines trimmed. */
  windowText(w: Win): string {
    const last = this.lastNonBlank(w);
    const out: string[] = [];
    for (let k = w.lo; k <= last; k++) {
      if (this.blank(k)) { out.push(''); continue; }
      const c = this.cOf(w, k);
      out.push(this.textFrom(k, c));
    }
    return out.join('\n');
  }

  /** Span of a window's non-blank content: start of its first line (at the window column) to end of the last. */
  windowSpan(w: Win): Span | undefined {
    let first = w.lo;
    while (first < w.hi && this.rel(w, first) < 0) first++;
    const last = this.lastNonBlank(w);
    if (first >= w.hi || last < 0) return undefined;
    const start = Math.min(this.off(first, this.cOf(w, first)), this.startOff(w, first));
    return { start, end: this.le[last] };
  }

  // ------------------------------------------------------------ body

  /** Parse a window of body elements into `out` (the document when `titles`). */
  body(w: Win, titles: boolean, depth: number, into?: Block[]): Block[] {
    const out = into ?? [];
    if (depth > MAX_DEPTH) {
      const span = this.windowSpan(w);
      if (span) {
        const segs: Span[] = [];
        for (let k = w.lo; k < w.hi; k++) if (!this.blank(k)) segs.push({ start: this.startOff(w, k), end: this.le[k] });
        const p: Paragraph = { type: 'paragraph', start: span.start, end: span.end, children: [{ type: 'text', start: segs[0].start, end: segs[segs.length - 1].end, value: this.src.slice(segs[0].start, segs[segs.length - 1].end) }] };
        this.marks.push(p);
        out.push(p);
      }
      return out;
    }
    const ctx: BodyCtx = { w, titles, depth, out, stack: titles ? [{ level: 0, children: out, node: undefined }] : undefined };
    let k = w.lo;
    while (k < w.hi) {
      const r = this.rel(w, k);
      if (r < 0) { k++; continue; }
      const next = r > 0 ? this.blockQuote(ctx, k) : this.construct(ctx, k);
      k = next > k ? next : k + 1; // always progress
    }
    return into ? out : tight(out);
  }

  emit(ctx: BodyCtx, b: Block): void {
    if (ctx.stack) ctx.stack[ctx.stack.length - 1].children.push(b);
    else ctx.out.push(b);
  }

  /** A rel-0 line: try docutils' transitions in order. Returns the next line index. */
  construct(ctx: BodyCtx, k: number): number {
    const w = ctx.w;
    // the line's text starts at its first non-blank character (rel 0); look there before slicing it
    const o = this.startOff(w, k);
    const c0 = this.src.charCodeAt(o);
    // fast paths: an ASCII letter or digit can only start an enumerator or text; other non-ASCII only bullets or text
    const alnum = (c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122);
    if (alnum) {
      RE_ENUM_START_AT.lastIndex = o; // (the pattern matches no blank, tab or line break: same as on the sliced line)
      if (!RE_ENUM_START_AT.test(this.src)) return this.text(ctx, k);
    }
    if (c0 >= 128 && c0 !== 0x2022 && c0 !== 0x2023 && c0 !== 0x2043) return this.text(ctx, k);
    const t = this.txt(w, k);
    let m: RegExpExecArray | null;
    if ((m = RE_BULLET.exec(t))) return this.bulletList(ctx, k, m[0].length);
    if (c0 === 40 || alnum || c0 === 35) {
      if ((m = RE_ENUM.exec(t))) {
        const r = this.enumeratedList(ctx, k, m);
        if (r >= 0) return r;
        return this.text(ctx, k);
      }
    }
    if (c0 === 58 && (m = RE_FIELD.exec(t))) return this.fieldList(ctx, k, m);
    if ((c0 === 45 || c0 === 43 || c0 === 47) && (m = RE_OPTION.exec(t))) {
      const r = this.optionList(ctx, k, m);
      if (r >= 0) return r;
      return this.text(ctx, k);
    }
    if (c0 === 62 && RE_DOCTEST.test(t)) return this.doctest(ctx, k);
    if (c0 === 124 && RE_LINEBLOCK.test(t)) return this.lineBlock(ctx, k);
    if (c0 === 43 && RE_GRID_TOP.test(t)) return parseGridTable(this, ctx, k);
    if (c0 === 61 && RE_SIMPLE_TOP.test(t)) return parseSimpleTable(this, ctx, k);
    if (c0 === 46 && RE_EXPLICIT.test(t)) return this.explicit(ctx, k);
    if (c0 === 95 && RE_ANON.test(t)) return this.explicit(ctx, k);
    if (RE_LINE.test(t)) return this.line(ctx, k, t);
    return this.text(ctx, k);
  }

  /** Does a rel-0 line start any Body construct other than plain text? (SpecializedBody) */
  isMarkerLine(t: string): boolean {
    const c0 = t.charCodeAt(0);
    if ((c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122)) return RE_ENUM.test(t);
    if (c0 >= 128 && c0 !== 0x2022 && c0 !== 0x2023 && c0 !== 0x2043) return false;
    return RE_BULLET.test(t) || RE_ENUM.test(t) || RE_FIELD.test(t) || RE_OPTION.test(t) || RE_DOCTEST.test(t) ||
      RE_LINEBLOCK.test(t) || RE_GRID_TOP.test(t) || RE_SIMPLE_TOP.test(t) || RE_EXPLICIT.test(t) ||
      RE_ANON.test(t) || RE_LINE.test(t);
  }

  unindentWarning(kind: string, w: Win, end: number, bf: boolean): void {
    if (bf || end >= w.hi) return;
    const sp = this.lineSpan(end);
    this.problem(kind, 'warning', sp.start, sp.end);
  }

  // ------------------------------------------------------------ block quote

  blockQuote(ctx: BodyCtx, k: number): number {
    const { win, end, bf } = this.getIndented(ctx.w, k);
    // split attributions (docutils Body.block_quote / split_attribution)
    let lo = win.lo;
    const hi = win.hi;
    while (lo < hi) {
      const part: Win = { lo, hi, col: win.col, fc: lo === win.lo ? win.fc : win.col };
      let blankAt = -2;
      let nonblankSeen = false;
      let attr: { i: number; end: number; indent: number; mlen: number } | undefined;
      for (let i = lo; i < hi; i++) {
        const r = this.rel(part, i);
        if (r >= 0) {
          if (nonblankSeen && blankAt === i - 1 && r === 0) {
            const m = RE_ATTRIBUTION.exec(this.txt(part, i));
            if (m) {
              const chk = this.checkAttribution(part, i);
              if (chk) { attr = { i, end: chk.end, indent: chk.indent, mlen: m[0].length }; break; }
            }
          }
          nonblankSeen = true;
        } else blankAt = i;
      }
      const quoteWin: Win = { lo, hi: attr ? attr.i : hi, col: part.col, fc: part.fc };
      const children = this.body(quoteWin, false, ctx.depth + 1);
      const span = this.windowSpan(quoteWin);
      const bq: BlockQuote = { type: 'block_quote', start: span?.start ?? this.startOff(part, lo), end: span?.end ?? this.startOff(part, lo), children };
      if (children.length) { bq.start = Math.min(bq.start, children[0].start); bq.end = Math.max(bq.end, children[children.length - 1].end); }
      if (attr) {
        const segs: Span[] = [];
        for (let i = attr.i; i < attr.end; i++) {
          const st = i === attr.i ? this.off(i, part.col + attr.mlen) : this.startOff(part, i);
          segs.push({ start: st, end: this.le[i] });
        }
        bq.attribution = this.inline(segs);
        bq.attributionSpan = { start: segs[0].start, end: segs[segs.length - 1].end };
        bq.end = Math.max(bq.end, bq.attributionSpan.end);
        if (!children.length && !span) bq.start = this.startOff(part, attr.i);
      }
      if (children.length || attr || span) this.emit(ctx, bq);
      if (!attr) break;
      lo = attr.end;
      while (lo < hi && this.blank(lo)) lo++;
    }
    this.unindentWarning('block-quote-unindent', ctx.w, end, bf);
    return end;
  }

  checkAttribution(w: Win, start: number): { end: number; indent: number } | undefined {
    let indent = -1;
    let i = start + 1;
    for (; i < w.hi; i++) {
      const r = this.rel(w, i);
      if (r < 0) break;
      if (indent < 0) indent = r;
      else if (r !== indent) return undefined;
    }
    return { end: i, indent: Math.max(indent, 0) };
  }

  // ------------------------------------------------------------ lists

  listItem(ctx: BodyCtx, k: number, markerLen: number): { item: ListItem; end: number; bf: boolean } {
    const w = ctx.w;
    const c = this.cOf(w, k);
    const ms = this.off(k, c);
    const t = this.txt(w, k);
    let markerEnd = markerLen; // the marker without the spaces after it
    while (markerEnd > 0 && t.charCodeAt(markerEnd - 1) === 32) markerEnd--;
    const markerSpan = { start: ms, end: this.off(k, c + markerEnd) };
    const ind = t.length > markerLen ? this.getKnownIndented(w, k, markerLen) : this.getFirstKnownIndented(w, k, c + markerLen);
    const children = this.body(ind.win, false, ctx.depth + 1);
    const end = children.length ? Math.max(children[children.length - 1].end, markerSpan.end) : markerSpan.end;
    return { item: { type: 'list_item', start: ms, end, markerSpan, children }, end: ind.end, bf: ind.bf };
  }

  skipBlank(w: Win, k: number): number {
    while (k < w.hi && this.blank(k)) k++;
    return k;
  }

  bulletList(ctx: BodyCtx, k: number, markerLen: number): number {
    const w = ctx.w;
    const bullet = this.txt(w, k)[0];
    const items: ListItem[] = [];
    let end = k;
    let bf = true;
    let j = k;
    let ml = markerLen;
    for (;;) {
      const r = this.listItem(ctx, j, ml);
      items.push(r.item);
      end = r.end; bf = r.bf;
      const j2 = this.skipBlank(w, end);
      if (j2 >= w.hi || this.rel(w, j2) !== 0) break;
      const t2 = this.txt(w, j2);
      const m = RE_BULLET.exec(t2);
      if (!m || t2[0] !== bullet) break;
      j = j2; ml = m[0].length;
    }
    const list: BulletList = { type: 'bullet_list', start: items[0].start, end: items[items.length - 1].end, bullet, items: tight(items) };
    this.emit(ctx, list);
    this.unindentWarning('list-unindent', w, end, bf);
    return end;
  }

  parseEnumerator(m: RegExpExecArray, expected?: Seq): { format: Format; seq: Seq | '#'; text: string; ordinal: number | null } {
    const format: Format = m[1] !== undefined ? 'parens' : m[2] !== undefined ? 'rparen' : 'period';
    const text = (m[1] ?? m[2] ?? m[3])!;
    let seq: Seq | '#' | '' = '';
    if (text === '#') seq = '#';
    else if (expected && SEQ_RE[expected].test(text)) seq = expected;
    else if (!expected && text === 'i') seq = 'lowerroman';
    else if (!expected && text === 'I') seq = 'upperroman';
    if (!seq) {
      for (const s of SEQUENCES) if (SEQ_RE[s].test(text)) { seq = s; break; }
    }
    if (!seq) seq = 'arabic';
    const ordinal = seq === '#' ? 1 : toOrdinal(seq, text);
    return { format, seq, text, ordinal };
  }

  makeEnumerator(ordinal: number, seq: Seq | '#', format: Format): [string, string] | null {
    let e: string | null;
    if (seq === '#') e = '#';
    else if (seq === 'arabic') e = String(ordinal);
    else if (seq.endsWith('alpha')) {
      if (ordinal > 26) return null;
      e = String.fromCharCode(ordinal + 96);
      if (seq === 'upperalpha') e = e.toUpperCase();
    } else {
      e = toRoman(ordinal);
      if (e === null) return null;
      if (seq === 'lowerroman') e = e.toLowerCase();
    }
    const f = FORMATS[format];
    return [f.prefix + e + f.suffix + ' ', f.prefix + '#' + f.suffix + ' '];
  }

  isEnumeratedListItem(w: Win, k: number, ordinal: number | null, seq: Seq | '#', format: Format): boolean {
    if (ordinal === null) return false;
    if (k + 1 >= w.hi) return true;
    if (this.rel(w, k + 1) !== 0) return true; // blank or indented
    const next = this.txt(w, k + 1);
    // docutils tests `not next_line[:1].strip()`: a line starting with any whitespace, e.g. a no-break space
    if (isPythonSpace(next.charCodeAt(0))) return true;
    const r = this.makeEnumerator(ordinal + 1, seq, format);
    if (!r) return false;
    return next.startsWith(r[0]) || next.startsWith(r[1]);
  }

  enumeratedList(ctx: BodyCtx, k: number, m: RegExpExecArray): number {
    const w = ctx.w;
    const first = this.parseEnumerator(m);
    if (!this.isEnumeratedListItem(w, k, first.ordinal, first.seq, first.format)) return -1;
    const enumtype: Seq = first.seq === '#' ? 'arabic' : first.seq;
    const items: ListItem[] = [];
    let last = first.ordinal!;
    let auto = first.seq === '#';
    if (last !== 1) {
      const c = this.cOf(w, k);
      this.problem('enumerated-list-start', 'info', this.off(k, c), this.off(k, c + m[0].replace(/ +$/, '').length), { text: first.text, ordinal: last });
    }
    let j = k;
    let ml = m[0].length;
    let end = k;
    let bf = true;
    for (;;) {
      const r = this.listItem(ctx, j, ml);
      items.push(r.item);
      end = r.end; bf = r.bf;
      const j2 = this.skipBlank(w, end);
      if (j2 >= w.hi || this.rel(w, j2) !== 0) break;
      const t2 = this.txt(w, j2);
      const m2 = RE_ENUM.exec(t2);
      if (!m2) break;
      const e = this.parseEnumerator(m2, enumtype);
      if (e.format !== first.format) break;
      if (e.seq !== '#' && (e.seq !== enumtype || auto || e.ordinal !== last + 1)) break;
      if (!this.isEnumeratedListItem(w, j2, e.ordinal, e.seq, e.format)) break;
      if (e.seq === '#') auto = true;
      last = e.ordinal!;
      j = j2; ml = m2[0].length;
    }
    const f = FORMATS[first.format];
    const list: EnumeratedList = {
      type: 'enumerated_list', start: items[0].start, end: items[items.length - 1].end,
      enumtype, prefix: f.prefix, suffix: f.suffix, startNumber: first.ordinal!, items: tight(items),
    };
    this.emit(ctx, list);
    this.unindentWarning('enumerated-list-unindent', w, end, bf);
    return end;
  }

  fieldList(ctx: BodyCtx, k: number, m0: RegExpExecArray): number {
    const w = ctx.w;
    const fields: Field[] = [];
    let j = k;
    let m = m0;
    let end = k;
    let bf = true;
    for (;;) {
      const c = this.cOf(w, j);
      const mt = m[0];
      const inner = mt.slice(1);
      const nameLen = inner.lastIndexOf(':');
      const nameSpan = { start: this.off(j, c + 1), end: this.off(j, c + 1 + nameLen) };
      const ind = this.getFirstKnownIndented(w, j, c + mt.length);
      // the name first: its marks come before the body's
      const name = this.inline([nameSpan]);
      const body = this.body(ind.win, false, ctx.depth + 1);
      const fstart = this.off(j, c);
      const fend = Math.max(this.off(j, c + 2 + nameLen), body.length ? body[body.length - 1].end : 0);
      fields.push({ type: 'field', start: fstart, end: fend, name, nameText: this.src.slice(nameSpan.start, nameSpan.end), nameSpan, body });
      end = ind.end; bf = ind.bf;
      const j2 = this.skipBlank(w, end);
      if (j2 >= w.hi || this.rel(w, j2) !== 0) break;
      const m2 = RE_FIELD.exec(this.txt(w, j2));
      if (!m2) break;
      j = j2; m = m2;
    }
    const fl: FieldList = { type: 'field_list', start: fields[0].start, end: fields[fields.length - 1].end, fields };
    this.emit(ctx, fl);
    this.unindentWarning('field-list-unindent', w, end, bf);
    return end;
  }

  optionList(ctx: BodyCtx, k: number, m0: RegExpExecArray): number {
    const w = ctx.w;
    const items: OptionListItem[] = [];
    let j = k;
    let m = m0;
    let end = k;
    let bf = true;
    for (;;) {
      const c = this.cOf(w, j);
      const ind = this.getFirstKnownIndented(w, j, c + m[0].length);
      if (ind.win.lo >= ind.win.hi || this.lastNonBlank(ind.win) < 0) {
        if (items.length === 0) return -1;
        break;
      }
      const opts = m[0].replace(/ +$/, '');
      const optionsSpan = { start: this.off(j, c), end: this.off(j, c + opts.length) };
      const description = this.body(ind.win, false, ctx.depth + 1);
      const iend = description.length ? description[description.length - 1].end : optionsSpan.end;
      items.push({ type: 'option_list_item', start: optionsSpan.start, end: iend, options: opts, optionsSpan, description });
      end = ind.end; bf = ind.bf;
      const j2 = this.skipBlank(w, end);
      if (j2 >= w.hi || this.rel(w, j2) !== 0) break;
      const t2 = this.txt(w, j2);
      const m2 = RE_BULLET.test(t2) || RE_ENUM.test(t2) || RE_FIELD.test(t2) ? null : RE_OPTION.exec(t2);
      if (!m2) break;
      j = j2; m = m2;
    }
    const ol: OptionList = { type: 'option_list', start: items[0].start, end: items[items.length - 1].end, items };
    this.emit(ctx, ol);
    this.unindentWarning('option-list-unindent', w, end, bf);
    return end;
  }

  doctest(ctx: BodyCtx, k: number): number {
    const w = ctx.w;
    let e = k;
    while (e < w.hi && !this.blank(e)) e++;
    const lines: string[] = [];
    for (let i = k; i < e; i++) lines.push(this.textFrom(i, i === k ? this.cOf(w, k) : w.col));
    const node: DoctestBlock = { type: 'doctest_block', start: this.startOff(w, k), end: this.le[e - 1], value: lines.join('\n') };
    this.emit(ctx, node);
    return e;
  }

  lineBlock(ctx: BodyCtx, k: number): number {
    const w = ctx.w;
    const lines: Line[] = [];
    let j = k;
    let end = k;
    let bf = true;
    for (;;) {
      const c = this.cOf(w, j);
      const t = this.txt(w, j);
      const m = RE_LINEBLOCK.exec(t)!;
      const ind = this.getFirstKnownIndented(w, j, c + m[0].length, true);
      const segs: Span[] = [];
      for (let i = ind.win.lo; i < ind.win.hi; i++) {
        if (this.rel(ind.win, i) < 0) continue;
        segs.push({ start: this.startOff(ind.win, i), end: this.le[i] });
      }
      const slot = this.reserveMark();
      const children = this.inline(segs);
      const lstart = this.off(j, c);
      const lend = segs.length ? segs[segs.length - 1].end : this.off(j, c + 1);
      // an empty line ("|" alone) takes the indent of the previous line (docutils nest_line_block_lines)
      const indent = t.trimEnd() === '|' ? (lines.length ? lines[lines.length - 1].indent : 0) : Math.max(0, m[1].length - 1);
      const line: Line = { type: 'line', start: lstart, end: lend, indent, children };
      this.fillMark(slot, line);
      lines.push(line);
      end = ind.end; bf = ind.bf;
      if (end >= w.hi || this.blank(end) || this.rel(w, end) !== 0) break;
      if (!RE_LINEBLOCK.test(this.txt(w, end))) break;
      j = end;
    }
    // docutils: a line block ending on an unindented, non-line-block line warns
    if (end < w.hi && !this.blank(end)) bf = false;
    const nested = nestLines(lines);
    const lb: LineBlock = { type: 'line_block', start: nested[0].start, end: nested[nested.length - 1].end, lines: nested };
    this.emit(ctx, lb);
    this.unindentWarning('line-block-unindent', w, end, bf);
    return end;
  }

  // ------------------------------------------------------------ text, paragraphs, titles, definition lists

  text(ctx: BodyCtx, k: number): number {
    const w = ctx.w;
    const n1 = k + 1;
    if (n1 < w.hi) {
      const r1 = this.rel(w, n1);
      if (r1 > 0) return this.definitionList(ctx, k);
      // an underline starts with ASCII punctuation: look at that character before slicing the line
      if (r1 === 0 && isPunctuation(this.src.charCodeAt(this.startOff(w, n1)))) {
        const t1 = this.txt(w, n1);
        if (RE_LINE.test(t1)) {
          const r = this.underlineTitle(ctx, k, n1, t1);
          if (r >= 0) return r;
        }
      }
    }
    return this.paragraph(ctx, k);
  }

  /** Text line k + underline line u. Returns -1 to treat as paragraph text. */
  underlineTitle(ctx: BodyCtx, k: number, u: number, ut: string): number {
    const w = ctx.w;
    const title = this.txt(w, k);
    const underline = ut;
    const tspan = { start: this.startOff(w, k), end: this.le[k] };
    const uspan = { start: this.startOff(w, u), end: this.le[u] };
    let short = false;
    if (columnWidth(title) > underline.length) {
      if (underline.length < 4) {
        if (ctx.titles) this.problem('possible-title-underline', 'info', uspan.start, uspan.end);
        return -1;
      }
      short = true;
    }
    if (!ctx.titles) {
      if (short) this.problem('title-underline-too-short', 'warning', uspan.start, uspan.end);
      this.problem('unexpected-section-title', 'error', tspan.start, uspan.end);
      return u + 1;
    }
    this.section(ctx, 'u' + underline[0], tspan, { char: underline[0], overline: false, underlineSpan: uspan }, tspan.start,
      short ? () => this.problem('title-underline-too-short', 'warning', uspan.start, uspan.end, { title: this.src.slice(tspan.start, tspan.end) }) : undefined);
    return u + 1;
  }

  /** A punctuation line at rel 0: overline of a title, a transition, or text. */
  line(ctx: BodyCtx, k: number, t: string): number {
    const w = ctx.w;
    const marker = t.trim();
    const sp = this.lineSpan(k);
    if (!ctx.titles) {
      if (marker === '::' || marker.length < 4) return this.text(ctx, k);
      this.problem('unexpected-section-title-or-transition', 'error', sp.start, sp.end);
      return k + 1;
    }
    const n1 = k + 1;
    const r1 = n1 < w.hi ? this.rel(w, n1) : -1;
    if (r1 < 0) {
      if (marker.length < 4) return this.text(ctx, k);
      const tr: Transition = { type: 'transition', start: sp.start, end: sp.end };
      this.emit(ctx, tr);
      return n1 < w.hi ? n1 + 1 : n1;
    }
    const overline = t.replace(/ +$/, '');
    const short = overline.length < 4;
    if (r1 === 0 && RE_LINE.test(this.txt(w, n1))) {
      if (short) return this.text(ctx, k);
      this.problem('invalid-section-title', 'error', sp.start, this.le[n1]);
      return n1 + 1;
    }
    // potential over- and underlined title
    const titleRaw = this.textFrom(n1, this.cOf(w, n1)).replace(/\s+$/, '');
    const tspan = { start: this.startOff(w, n1), end: this.le[n1] };
    const u = n1 + 1;
    if (u >= w.hi) {
      if (short) return this.text(ctx, k);
      this.problem('incomplete-section-title', 'error', sp.start, tspan.end);
      return u;
    }
    const ur = this.rel(w, u);
    const ut = ur === 0 ? this.txt(w, u) : '';
    const uend = this.blank(u) ? this.le[n1] : this.le[u];
    if (ur !== 0 || !RE_LINE.test(ut)) {
      if (short) return this.text(ctx, k);
      this.problem('missing-underline', 'error', sp.start, uend);
      return u + 1;
    }
    const underline = ut.replace(/ +$/, '');
    if (overline !== underline) {
      if (short) return this.text(ctx, k);
      this.problem('overline-underline-mismatch', 'error', sp.start, uend);
      return u + 1;
    }
    let warn: (() => void) | undefined;
    if (columnWidth(titleRaw) > overline.length) {
      if (short) return this.text(ctx, k);
      warn = () => this.problem('title-overline-too-short', 'warning', sp.start, sp.end, { title: this.src.slice(tspan.start, tspan.end) });
    }
    const uspan = this.lineSpan(u);
    this.section(ctx, 'o' + overline[0], tspan, { char: overline[0], overline: true, overlineSpan: sp, underlineSpan: uspan }, sp.start, warn);
    return u + 1;
  }

  section(ctx: BodyCtx, style: string, tspan: Span, adornment: Section['adornment'], start: number, warn?: () => void): void {
    const stack = ctx.stack!;
    const mylevel = stack.length - 1;
    let level: number;
    const idx = this.styles.indexOf(style);
    const end = adornment.underlineSpan.end;
    if (idx < 0) {
      if (this.styles.length === mylevel) { this.styles.push(style); level = mylevel + 1; }
      else { this.problem('title-level-inconsistent', 'error', start, end); return; }
    } else {
      level = idx + 1;
      if (level > mylevel + 1) { this.problem('title-level-inconsistent', 'error', start, end); return; }
    }
    if (warn) warn();
    const slot = this.reserveMark();
    const title = this.inline([tspan]);
    const titleText = inlineText(title).trim();
    const sec: Section = {
      type: 'section', start, end, level, title, titleText, titleSpan: tspan, adornment, id: this.setId([normalizeName(titleText)], 'section'), children: [],
    };
    this.fillMark(slot, sec);
    while (stack.length - 1 >= level) stack.pop();
    stack[stack.length - 1].children.push(sec);
    stack.push({ level, children: sec.children, node: sec });
  }

  paragraph(ctx: BodyCtx, k: number): number {
    const w = ctx.w;
    let m = k + 1;
    while (m < w.hi && this.rel(w, m) === 0) m++;
    if (m < w.hi && this.rel(w, m) > 0) {
      const sp = this.lineSpan(m);
      this.problem('unexpected-indentation', 'error', sp.start, sp.end);
    }
    const segs: Span[] = new Array(m - k); // sized up front: a pushed-to array keeps room for 16 more
    for (let i = k; i < m; i++) segs[i - k] = { start: this.startOff(w, i), end: this.le[i] };
    const last = segs[segs.length - 1];
    const endsWithMarker = last.end - last.start >= 2 && this.src.endsWith('::', last.end);
    const lastText = endsWithMarker ? this.src.slice(last.start, last.end) : '';
    let literalNext = false;
    let emitPara = true;
    const mm = endsWithMarker ? /(?<!\\)(?:\\\\)*::$/.exec(lastText) : null;
    if (mm) {
      literalNext = true;
      if (segs.length === 1 && lastText === '::') emitPara = false;
      else if (lastText === '::') {
        segs.pop(); // "\n::": the marker line disappears
      } else if (lastText[lastText.length - 3] === ' ' || lastText[lastText.length - 3] === '\t') {
        let e = last.end - 3;
        while (e > last.start && /\s/.test(this.src[e - 1])) e--;
        segs[segs.length - 1] = { start: last.start, end: e };
      } else {
        segs[segs.length - 1] = { start: last.start, end: last.end - 1 };
      }
    }
    const pstart = this.startOff(w, k);
    const pend = this.le[m - 1];
    if (emitPara) {
      // trim trailing empty segments produced by "\n::"
      const slot = this.reserveMark();
      const p: Paragraph = { type: 'paragraph', start: pstart, end: pend, children: this.inline(segs) };
      this.fillMark(slot, p);
      this.emit(ctx, p);
    }
    if (!literalNext) return m;
    return this.literalBlock(ctx, m, { start: pend - 2, end: pend });
  }

  /** Literal block after a `::` paragraph, starting at line m. */
  literalBlock(ctx: BodyCtx, m: number, marker: Span): number {
    const w = ctx.w;
    if (m < w.hi) {
      const ind = this.getIndented(w, m);
      const win = ind.win;
      this.stripTop(win);
      const last = this.lastNonBlank(win);
      if (last >= 0 && win.lo < win.hi) {
        win.hi = last + 1;
        const span = this.windowSpan(win)!;
        const lb: LiteralBlock = { type: 'literal_block', start: span.start, end: span.end, value: this.windowText(win) };
        this.emit(ctx, lb);
        this.unindentWarning('literal-block-unindent', w, ind.end, ind.bf);
        return ind.end;
      }
    }
    // quoted literal block
    // docutils reports where the literal block was expected: the next non-blank line (else the `::`)
    let j = this.skipBlank(w, m);
    if (j >= w.hi || this.rel(w, j) !== 0) {
      this.problem('literal-block-expected', 'warning', marker.start, marker.end);
      return j;
    }
    const first = this.txt(w, j);
    if (!RE_NONALNUM7.test(first)) {
      const sp = this.lineSpan(j);
      this.problem('literal-block-expected', 'warning', sp.start, sp.end);
      return j;
    }
    const q = first[0];
    const start = j;
    j++;
    while (j < w.hi) {
      const r = this.rel(w, j);
      if (r < 0) break;
      if (r > 0) { const sp = this.lineSpan(j); this.problem('unexpected-indentation', 'error', sp.start, sp.end); break; }
      if (this.txt(w, j)[0] !== q) { const sp = this.lineSpan(j); this.problem('inconsistent-literal-quoting', 'error', sp.start, sp.end); break; }
      j++;
    }
    const qwin: Win = { lo: start, hi: j, col: this.cOf(w, start), fc: this.cOf(w, start) };
    if (start === w.lo) qwin.fc = w.fc;
    qwin.col = w.col;
    const lb: LiteralBlock = { type: 'literal_block', start: this.startOff(w, start), end: this.le[j - 1], value: this.windowText(qwin) };
    this.emit(ctx, lb);
    return j;
  }

  definitionList(ctx: BodyCtx, k: number): number {
    const w = ctx.w;
    const items: DefinitionListItem[] = [];
    let j = k;
    let end = k;
    let bf = true;
    for (;;) {
      const termSpan = { start: this.startOff(w, j), end: this.le[j] };
      const ind = this.getIndented(w, j + 1);
      // the term first: its marks come before the definition's
      const slot = this.reserveMark();
      const { term, classifiers } = this.term(termSpan);
      const definition = this.body(ind.win, false, ctx.depth + 1);
      if (this.src.endsWith('::', termSpan.end)) {
        this.problem('definition-list-literal', 'info', termSpan.end - 2, termSpan.end);
      }
      const iend = definition.length ? Math.max(definition[definition.length - 1].end, termSpan.end) : termSpan.end;
      const item: DefinitionListItem = { type: 'definition_list_item', start: termSpan.start, end: iend, term, termSpan, classifiers, definition };
      this.fillMark(slot, item);
      items.push(item);
      end = ind.end; bf = ind.bf;
      const j2 = this.skipBlank(w, end);
      if (j2 + 1 >= w.hi || this.rel(w, j2) !== 0 || this.rel(w, j2 + 1) <= 0) break;
      if (this.isMarkerLine(this.txt(w, j2))) break;
      j = j2;
    }
    const dl: DefinitionList = { type: 'definition_list', start: items[0].start, end: items[items.length - 1].end, items: tight(items) };
    this.emit(ctx, dl);
    this.unindentWarning('definition-list-unindent', w, end, bf);
    return end;
  }

  /** Term and classifiers (split on " : " in the term's text nodes). */
  term(span: Span): { term: Inline[]; classifiers: Inline[][] } {
    const nodes = this.inline([span]);
    // most terms have no classifier: their nodes as they are, and one shared empty list (no array grown by push)
    let split = !shortcuts.plainTerms;
    if (!split) for (const n of nodes) if (n.type === 'text' && n.value.indexOf(':') >= 0 && RE_CLASSIFIER.test(n.value)) { split = true; break; }
    if (!split) return { term: nodes, classifiers: NO_CLASSIFIERS };
    const parts: Inline[][] = [[]];
    const re = new RegExp(RE_CLASSIFIER, 'g');
    for (const n of nodes) {
      if (n.type !== 'text') { parts[parts.length - 1].push(n); continue; }
      const raw = this.src.slice(n.start, n.end);
      if (raw.length !== n.value.length || raw.indexOf(':') < 0) { parts[parts.length - 1].push(n); continue; }
      re.lastIndex = 0;
      let pos = 0;
      let mm: RegExpExecArray | null;
      while ((mm = re.exec(raw))) {
        const a = n.start + pos;
        const b = n.start + mm.index;
        if (b > a) parts[parts.length - 1].push({ type: 'text', start: a, end: b, value: raw.slice(pos, mm.index) });
        parts.push([]);
        pos = mm.index + mm[0].length;
      }
      if (pos < raw.length) parts[parts.length - 1].push({ type: 'text', start: n.start + pos, end: n.end, value: raw.slice(pos) });
    }
    return { term: tight(parts[0]), classifiers: parts.slice(1).map(tight) };
  }

  // ------------------------------------------------------------ explicit markup

  explicit(ctx: BodyCtx, k: number): number {
    const w = ctx.w;
    const t = this.txt(w, k);
    let r: { end: number; bf: boolean };
    let m: RegExpExecArray | null;
    if (t[0] === '_') r = this.anonymousTarget(ctx, k, t);
    else if ((m = RE_FOOTNOTE.exec(t))) r = this.footnote(ctx, k, m, true);
    else if ((m = RE_CITATION.exec(t))) r = this.footnote(ctx, k, m, false);
    else if ((m = RE_TARGET_START.exec(t))) r = this.target(ctx, k, m) ?? this.comment(ctx, k);
    else if ((m = RE_SUBST_START.exec(t))) r = this.substitution(ctx, k, m) ?? this.comment(ctx, k);
    else if ((m = RE_DIRECTIVE.exec(t))) r = this.directive(ctx, k, m);
    else r = this.comment(ctx, k);
    // Explicit markup list: continues with further explicit constructs; else must end with a blank line.
    if (!r.bf && r.end < w.hi && !this.blank(r.end)) {
      const nt = this.rel(w, r.end) === 0 ? this.txt(w, r.end) : '';
      if (!(RE_EXPLICIT.test(nt) || RE_ANON.test(nt))) this.unindentWarning('explicit-markup-unindent', w, r.end, false);
    }
    return r.end;
  }

  comment(ctx: BodyCtx, k: number): { end: number; bf: boolean } {
    const w = ctx.w;
    const c = this.cOf(w, k);
    const t = this.txt(w, k);
    const m = RE_EXPLICIT.exec(t)!;
    const start = this.off(k, c);
    if ((k + 1 >= w.hi || this.blank(k + 1)) && t.slice(m[0].length).trim() === '') {
      const node: Comment = { type: 'comment', start, end: this.off(k, c + 2), value: '' };
      this.emit(ctx, node);
      return { end: k + 1, bf: true };
    }
    const ind = this.getFirstKnownIndented(w, k, c + m[0].length);
    const last = this.lastNonBlank(ind.win);
    const value = last >= 0 ? this.windowText(ind.win) : '';
    const node: Comment = { type: 'comment', start, end: last >= 0 ? Math.max(this.le[last], this.off(k, c + 2)) : this.off(k, c + 2), value };
    this.emit(ctx, node);
    return { end: ind.end, bf: ind.bf };
  }

  footnote(ctx: BodyCtx, k: number, m: RegExpExecArray, isFootnote: boolean): { end: number; bf: boolean } {
    const w = ctx.w;
    const c = this.cOf(w, k);
    const t = this.txt(w, k);
    const lb = t.indexOf('[');
    const label = m[1];
    const labelSpan = { start: this.off(k, c + lb + 1), end: this.off(k, c + lb + 1 + label.length) };
    const ind = this.getFirstKnownIndented(w, k, c + m[0].length);
    const slot = this.reserveMark();
    const children = this.body(ind.win, false, ctx.depth + 1);
    const start = this.off(k, c);
    const end = Math.max(labelSpan.end + 1, children.length ? children[children.length - 1].end : 0);
    if (isFootnote) {
      const nm = label === '*' || label === '#' ? [] : [normalizeName(label.replace(/^#/, ''))];
      this.setId(nm, 'footnote');
      const node: Footnote = { type: 'footnote', start, end, label, labelSpan, children };
      this.fillMark(slot, node);
      this.emit(ctx, node);
    } else {
      this.setId([normalizeName(label)], 'citation');
      const node: Citation = { type: 'citation', start, end, label, labelSpan, children };
      this.fillMark(slot, node);
      this.emit(ctx, node);
    }
    return { end: ind.end, bf: ind.bf };
  }

  /** Lines of a block as [line, startOffset, text] from a window (first line from its fc). */
  blockLines(win: Win, keepIndent: boolean, parentCol: number): Array<{ k: number; start: number; text: string }> {
    const out: Array<{ k: number; start: number; text: string }> = [];
    for (let k = win.lo; k < win.hi; k++) {
      const c = k === win.lo ? win.fc : keepIndent ? parentCol : win.col;
      out.push({ k, start: this.off(k, c), text: this.textFrom(k, c) });
    }
    return out;
  }

  target(ctx: BodyCtx, k: number, m: RegExpExecArray): { end: number; bf: boolean } | undefined {
    const w = ctx.w;
    const c = this.cOf(w, k);
    const ind = this.getFirstKnownIndented(w, k, c + m[0].length, true, false);
    const lines = this.blockLines(ind.win, true, w.col);
    // find the target name (it may span lines); try prefixes ending on lines containing ':'
    let escaped = '';
    let tm: RegExpExecArray | null = null;
    let bi = 0;
    let tries = 0;
    for (; bi < lines.length; bi++) {
      escaped += escape2null(lines[bi].text);
      if (lines[bi].text.indexOf(':') < 0) continue;
      if (++tries > 64) break;
      tm = RE_TARGET.exec(escaped);
      if (tm) break;
    }
    if (!tm) {
      const sp = this.lineSpan(k);
      this.problem('malformed-hyperlink-target', 'warning', sp.start, sp.end);
      return undefined;
    }
    const start = this.off(k, c);
    const anonymous = tm[0].startsWith('_') && tm[2] === undefined;
    // name span: only exact when on the first line
    const nameText = anonymous ? '' : tm[2];
    let nameSpan: Span;
    const nameOffsetInEscaped = anonymous ? 0 : tm[1].length;
    if (bi === 0) {
      nameSpan = { start: lines[0].start + nameOffsetInEscaped, end: lines[0].start + nameOffsetInEscaped + nameText.length };
    } else {
      nameSpan = { start: lines[0].start, end: this.le[lines[bi].k] };
    }
    if (anonymous) nameSpan = { start: lines[0].start - 1, end: lines[0].start };
    // the rest after the match
    const restLen = escaped.length - tm[0].length; // characters of the block remaining on line bi
    const lineBi = lines[bi];
    const restInLine = lineBi.text.length - Math.min(restLen, lineBi.text.length);
    const rest: Array<{ k: number; start: number; text: string }> = [];
    const restFirst = lineBi.text.slice(restInLine);
    rest.push({ k: lineBi.k, start: lineBi.start + restInLine, text: restFirst });
    for (let i = bi + 1; i < lines.length; i++) rest.push(lines[i]);
    const name = anonymous ? '' : normalizeName(unescape(nameText));
    const node: Target = { type: 'target', start, end: this.le[lines[lines.length - 1].k], name, nameSpan, anonymous };
    this.marks.push(node);
    this.setId(name ? [name] : [], 'target');
    this.finishTarget(node, rest);
    node.end = Math.max(node.end, nameSpan.end);
    this.emit(ctx, node);
    return { end: ind.end, bf: ind.bf };
  }

  finishTarget(node: Target, rest: Array<{ k: number; start: number; text: string }>): void {
    const parts = rest.map((r) => r.text.trim()).filter((s) => s.length > 0);
    if (parts.length === 0) return;
    const firstLine = rest.findIndex((r) => r.text.trim().length > 0);
    const fr = rest[firstLine];
    const urlStart = fr.start + (fr.text.length - fr.text.trimStart().length);
    const lastR = rest[rest.length - 1];
    const urlSpan = { start: urlStart, end: this.le[lastR.k] };
    const joined = parts.join(' ');
    if (parts[parts.length - 1].endsWith('_')) {
      const rm = RE_REFERENCE.exec(normalizeName(escape2null(joined)).length ? escape2null(joined).split(/\s+/).join(' ') : '');
      if (rm) {
        node.refname = normalizeName(unescape(rm[1] ?? rm[2]));
        node.urlSpan = urlSpan;
        return;
      }
    }
    // URI: all whitespace removed except escaped whitespace (docutils split_escaped_whitespace)
    const esc = escape2null(joined);
    const url = esc.split(/\x00(?=\s)/).map((p) => unescape(p).replace(/\s+/g, '')).join(' ');
    node.url = url;
    node.urlSpan = urlSpan;
  }

  anonymousTarget(ctx: BodyCtx, k: number, t: string): { end: number; bf: boolean } {
    const w = ctx.w;
    const c = this.cOf(w, k);
    const m = RE_ANON.exec(t)!;
    const ind = this.getFirstKnownIndented(w, k, c + m[0].length, true);
    const start = this.off(k, c);
    const node: Target = { type: 'target', start, end: this.off(k, c + 2), name: '', nameSpan: { start, end: this.off(k, c + 2) }, anonymous: true };
    this.marks.push(node);
    this.setId([], 'target');
    const lines = ind.win.lo < ind.win.hi ? this.blockLines(ind.win, false, w.col) : [];
    this.finishTarget(node, lines);
    if (node.urlSpan) node.end = node.urlSpan.end;
    this.emit(ctx, node);
    return { end: ind.end, bf: ind.bf };
  }

  substitution(ctx: BodyCtx, k: number, m: RegExpExecArray): { end: number; bf: boolean } | undefined {
    const w = ctx.w;
    const c = this.cOf(w, k);
    const ind = this.getFirstKnownIndented(w, k, c + m[0].length, false, false);
    const start = this.off(k, c);
    // name on the first line (docutils allows continuation; we support the first line only)
    const firstText = this.textFrom(k, c + m[0].length);
    const sm = RE_SUBST.exec(escape2null(firstText));
    if (!sm) {
      const sp = this.lineSpan(k);
      this.problem('malformed-substitution-definition', 'warning', sp.start, sp.end);
      return undefined;
    }
    const nameStart = this.off(k, c + m[0].length);
    const nameSpan = { start: nameStart, end: nameStart + sm[1].length };
    const rest = firstText.slice(sm[0].length);
    const restCol = c + m[0].length + sm[0].length;
    const dm = RE_EMBEDDED_DIRECTIVE.exec(rest);
    if (!dm) {
      const sp = this.lineSpan(k);
      const empty = rest.trim() === '' && this.lastNonBlank({ ...ind.win, lo: k + 1, fc: ind.win.col }) < 0;
      this.problem(empty ? 'substitution-missing-contents' : 'substitution-invalid', 'warning', sp.start, sp.end, { name: sm[1] });
      return { end: ind.end, bf: ind.bf };
    }
    const dwin: Win = { lo: k, hi: ind.end, col: ind.win.col, fc: restCol };
    const slot = this.reserveMark();
    const directive = this.directiveNode(ctx, dwin, k, restCol, dm[1], restCol + dm[0].length);
    const node: SubstitutionDefinition = {
      type: 'substitution_definition', start, end: Math.max(directive.end, nameSpan.end + 1), name: sm[1].split(/\s+/).join(' '), nameSpan, directive,
    };
    this.fillMark(slot, node);
    this.emit(ctx, node);
    return { end: ind.end, bf: ind.bf };
  }

  directive(ctx: BodyCtx, k: number, m: RegExpExecArray): { end: number; bf: boolean } {
    const w = ctx.w;
    const c = this.cOf(w, k);
    const ind = this.getFirstKnownIndented(w, k, c + m[0].length, false, false);
    const nameCol = c + m[0].indexOf(m[1]);
    const win: Win = { lo: k, hi: ind.end, col: ind.win.col, fc: c };
    const d = this.directiveNode(ctx, win, k, nameCol, m[1], c + m[0].length);
    d.start = this.off(k, c);
    this.emit(ctx, d);
    return { end: ind.end, bf: ind.bf };
  }

  /**
   * Build a directive whose name starts at column nameCol of line k; the argument starts at argCol;
   * further lines of `win` (lo = k) belong to it with win.col as their common indent.
   */
  directiveNode(ctx: BodyCtx, win: Win, k: number, nameCol: number, rawName: string, argCol: number): Directive {
    const name = rawName.toLowerCase();
    const nameSpan = { start: this.off(k, nameCol), end: this.off(k, nameCol + rawName.length) };
    const known = KNOWN_DIRECTIVES.has(name) || name.includes(':');
    if (!known) this.problem('unknown-directive', 'error', nameSpan.start, nameSpan.end, { name: rawName });
    // block lines: first line from argCol, others from win.col
    const bw: Win = { lo: k, hi: win.hi, col: win.col, fc: argCol };
    let lo = k;
    const firstBlank = this.rel(bw, k) < 0;
    const last = this.lastNonBlank(bw);
    const hi = last + 1;
    const d: Directive = { type: 'directive', start: this.off(k, nameCol), end: Math.max(nameSpan.end + 2, last >= 0 ? this.le[last] : 0), name, nameSpan, argument: '', options: [], content: '' };
    if (!known) d.invalid = 'unknown';
    this.marks.push(d);
    d.end = Math.min(d.end, Math.max(this.le[k], last >= 0 ? this.le[last] : this.le[k]));
    if (d.end < nameSpan.end) d.end = nameSpan.end;
    if (firstBlank) lo = k + 1;
    const noArgs = NO_ARGUMENTS.has(name);
    // the option names the class declares; null: it parses no options; undefined: not in the table
    const knownOptions = DIRECTIVE_SPECS.get(name)?.[4];
    let contentLo = lo;
    const fcOf = (i: number) => (i === k ? argCol : win.col);
    if (lo < hi) {
      // header block: lines up to the first blank line
      let hEnd = lo;
      while (hEnd < hi && this.rel(bw, hEnd) >= 0) hEnd++;
      // options start at the first field-marker line of the header (a directive that parses no options,
      // such as epigraph or header, keeps such lines as its argument or content, as docutils does)
      let optStart = hEnd;
      for (let i = lo; knownOptions !== null && i < hEnd; i++) {
        if (RE_FIELD.test(this.textFrom(i, fcOf(i)).trimStart()) && this.rel(bw, i) === 0) { optStart = i; break; }
      }
      if (noArgs && optStart > lo) {
        // no arguments: the header text is content
        contentLo = lo;
      } else {
        if (optStart > lo) {
          const segs: string[] = [];
          for (let i = lo; i < optStart; i++) segs.push(this.textFrom(i, fcOf(i)).trim());
          d.argument = segs.join(' ');
          d.argumentSpan = { start: this.startOff(bw, lo), end: this.le[optStart - 1] };
        }
        this.directiveOptions(d, bw, optStart, hEnd, fcOf, knownOptions);
        contentLo = hEnd;
      }
    }
    while (contentLo < hi && this.rel(bw, contentLo) < 0) contentLo++;
    if (contentLo < hi) {
      const cw: Win = { lo: contentLo, hi, col: win.col, fc: contentLo === k ? argCol : win.col };
      d.content = this.windowText(cw);
      d.contentSpan = this.windowSpan(cw);
      if (CODE_DIRECTIVES.has(name)) {
        const lang = d.argument.trim().split(/\s+/)[0] || undefined;
        const lb: LiteralBlock = { type: 'literal_block', start: d.contentSpan!.start, end: d.contentSpan!.end, value: d.content };
        if (lang) { lb.language = lang; d.language = lang; }
        d.children = [lb];
      } else if (BODY_DIRECTIVES.has(name)) {
        d.children = this.body(cw, false, ctx.depth + 1);
      } else if (name === 'parsed-literal') {
        // docutils parses the content of a parsed literal for inline markup (indentation kept)
        const last = this.lastNonBlank(cw);
        const segs: Span[] = [];
        for (let i = cw.lo; i <= last; i++) {
          const st = this.off(i, this.cOf(cw, i));
          segs.push({ start: st, end: Math.max(st, this.le[i]) });
        }
        const lb: LiteralBlock = { type: 'literal_block', start: d.contentSpan!.start, end: d.contentSpan!.end, value: d.content, children: this.inline(segs) };
        d.children = [lb];
      } else if (name === 'line-block') {
        d.children = [this.lineBlockDirective(cw)];
      }
    }
    // docutils reads the options first: an unknown or repeated one is the directive's error
    if (!d.invalid && d.options.length && knownOptions) this.checkOptions(d, name, knownOptions);
    const spec = d.invalid ? undefined : ARGUMENT_SPECS.get(name);
    if (spec) {
      const args = d.argument.trim() ? d.argument.trim().split(/\s+/) : [];
      const [req, opt, finalWs] = spec;
      if (args.length < req) {
        this.problem('directive-missing-argument', 'error', nameSpan.start, nameSpan.end, { name, required: req, count: args.length });
        d.invalid = 'arguments';
      } else if (args.length > req + opt && !(finalWs && req + opt > 0)) {
        // range: from the directive name (the line docutils reports) through the arguments
        this.problem('directive-too-many-arguments', 'error', nameSpan.start, (d.argumentSpan ?? nameSpan).end, { name, max: req + opt, count: args.length });
        d.invalid = 'arguments';
      }
    }
    // docutils checks the content after the arguments: text where none is permitted, then (in the
    // directive's run) none where some is required; either way it builds no node, only the error
    if (!d.invalid && d.contentSpan && NO_CONTENT.has(name)) {
      this.problem('directive-no-content', 'error', d.contentSpan.start, d.contentSpan.end, { name });
      d.invalid = 'content';
    } else if (!d.invalid && !d.contentSpan) {
      const need = CONTENT_REQUIRED.get(name);
      if (need && !(need.unlessOption && d.options.some((o) => o.name === 'file' || o.name === 'url'))) {
        this.problem(need.kind, need.severity, nameSpan.start, nameSpan.end, { name });
        d.invalid = 'content';
      }
    }
    if (CODE_DIRECTIVES.has(name) && !d.language) {
      const lang = d.argument.trim().split(/\s+/)[0];
      if (lang) d.language = lang;
    }
    if (name === 'literalinclude') {
      const lo2 = d.options.find((o) => o.name === 'language');
      if (lo2) d.language = lo2.value;
    }
    return d;
  }

  /**
   * Options against the directive class's option names (DIRECTIVE_SPECS; names compared lower-cased, as
   * docutils does). An unknown option is reported only when it is a slip for a known one (at most two edits
   * away, `:widht:` for `:width:`): the table comes from one docutils and Sphinx version, and an option a
   * newer one added must not be flagged. A repeated option is always an error. docutils stops at the first.
   */
  private checkOptions(d: Directive, name: string, known: readonly string[]): void {
    const seen = new Set<string>();
    for (const o of d.options) {
      const opt = o.name.toLowerCase();
      if (!known.includes(opt)) {
        const suggestion = nearestName(opt, known);
        if (suggestion === undefined) continue;
        this.problem('directive-unknown-option', 'error', o.nameSpan.start, o.nameSpan.end, { name, option: o.name, suggestion });
        d.invalid = 'options';
        return;
      }
      if (seen.has(opt)) {
        this.problem('directive-duplicate-option', 'error', o.nameSpan.start, o.nameSpan.end, { name, option: o.name });
        d.invalid = 'options';
        return;
      }
      seen.add(opt);
      const bad = badOptionValue(OPTION_VALUE_KINDS.get(name + ':' + opt), o.value.trim());
      if (bad) {
        const at = o.value.trim() ? o.valueSpan : o.nameSpan;
        this.problem(bad.kind, 'error', at.start, at.end, { name, option: o.name, value: o.value.trim(), ...bad.data });
        d.invalid = 'options';
        return;
      }
    }
  }

  /**
   * The `line-block` directive's content (docutils LineBlock.run): each line a line of inline text, its
   * indent relative to the content; a blank line takes the indent of the line before; nested as `|` lines.
   */
  lineBlockDirective(cw: Win): LineBlock {
    const last = this.lastNonBlank(cw);
    const lines: Line[] = [];
    for (let i = cw.lo; i <= last; i++) {
      const rel = this.rel(cw, i);
      const slot = this.reserveMark();
      let line: Line;
      if (rel < 0) {
        const at = this.ls[i];
        line = { type: 'line', start: at, end: at, indent: lines.length ? lines[lines.length - 1].indent : 0, children: [] };
      } else {
        const st = this.startOff(cw, i);
        line = { type: 'line', start: st, end: this.le[i], indent: rel, children: this.inline([{ start: st, end: this.le[i] }]) };
      }
      this.fillMark(slot, line);
      lines.push(line);
    }
    const nested = nestLines(lines);
    return { type: 'line_block', start: nested[0].start, end: nested[nested.length - 1].end, lines: nested };
  }

  /** `known`: the option names the directive's class declares (undefined: a directive the table lacks). */
  directiveOptions(d: Directive, bw: Win, from: number, to: number, fcOf: (i: number) => number, known: readonly string[] | null | undefined): void {
    let i = from;
    while (i < to) {
      const c = fcOf(i);
      const t = this.textFrom(i, c);
      const m = RE_FIELD.exec(t);
      if (!m) {
        // a line of the option block that is no option (docutils: "invalid option block"), for a
        // directive whose options we know
        if (!d.invalid && known) {
          this.problem('directive-invalid-option-block', 'error', this.off(i, c), this.le[i], { name: d.name });
          d.invalid = 'options';
        }
        i++;
        continue;
      }
      const inner = m[0].slice(1);
      const nl = inner.lastIndexOf(':');
      const nameSpan = { start: this.off(i, c + 1), end: this.off(i, c + 1 + nl) };
      const vals: string[] = [];
      const vs = this.off(i, c + m[0].length);
      let ve = this.le[i];
      const first = this.src.slice(vs, ve).trim();
      if (first) vals.push(first);
      let j = i + 1;
      while (j < to && this.rel(bw, j) > 0) { vals.push(this.src.slice(this.fs[j], this.le[j])); ve = this.le[j]; j++; }
      const valueSpan = vals.length ? { start: first ? vs : this.fs[i + 1], end: ve } : { start: vs, end: vs };
      if (valueSpan.start > valueSpan.end) valueSpan.start = valueSpan.end;
      const opt: DirectiveOption = { name: this.src.slice(nameSpan.start, nameSpan.end), value: vals.join(' '), nameSpan, valueSpan, start: this.off(i, c), end: Math.max(valueSpan.end, nameSpan.end + 1) };
      d.options.push(opt);
      i = j;
    }
  }
}

export interface BodyCtx {
  w: Win;
  titles: boolean;
  depth: number;
  out: Block[];
  stack?: Array<{ level: number; children: Block[]; node: Section | undefined }>;
}

const LENGTH_UNITS = 'em|ex|px|in|cm|mm|pt|pc|ch|rem|vw|vh|vmin|vmax|Q';
/** docutils get_measure: a number and a unit (here also the CSS units newer docutils versions accept). */
const RE_LENGTH = new RegExp(`^(?:\\d+\\.?\\d*|\\.\\d+) *(?:${LENGTH_UNITS})?$`);
const RE_LENGTH_PERCENT = new RegExp(`^(?:\\d+\\.?\\d*|\\.\\d+) *(?:${LENGTH_UNITS}|%)?$`);
/** Python int(): a sign, digits, single underscores between them. */
const RE_INT = /^[+-]?\d+(?:_\d+)*$/;

/**
 * What is wrong with an option's value for its converter's kind (OPTION_VALUE_KINDS), as docutils' converters
 * would refuse it; undefined when nothing is, or the kind is not checked. Negative numbers are not checked.
 */
export function badOptionValue(kind: string | undefined, value: string): { kind: string; data?: Record<string, string> } | undefined {
  if (!kind) return undefined;
  if (kind === 'flag') return value ? { kind: 'directive-option-no-value' } : undefined;
  if (!value) return { kind: 'directive-option-value-missing' };
  switch (kind) {
    case 'int': case 'nonnegative': case 'positive':
      return RE_INT.test(value) ? undefined : { kind: 'directive-option-not-integer' };
    case 'percentage':
      return RE_INT.test(value.replace(/[ %]+$/, '')) ? undefined : { kind: 'directive-option-not-integer' };
    case 'length':
      return RE_LENGTH.test(value) ? undefined : { kind: 'directive-option-not-length', data: { units: 'em, ex, px, in, cm, mm, pt, pc' } };
    case 'length%':
      return RE_LENGTH_PERCENT.test(value) ? undefined : { kind: 'directive-option-not-length', data: { units: 'em, ex, px, in, cm, mm, pt, pc, %' } };
    case 'figwidth':
      return value.toLowerCase() === 'image' || RE_LENGTH_PERCENT.test(value) ? undefined : { kind: 'directive-option-not-length', data: { units: 'em, ex, px, in, cm, mm, pt, pc, %; or image' } };
    default: {
      if (!kind.startsWith('choice:')) return undefined;
      const choices = kind.slice(7).split('|');
      const v = value.toLowerCase();
      if (choices.includes(v)) return undefined;
      const suggestion = nearestName(v, choices);
      return { kind: 'directive-option-choice', data: { choices: choices.join(', '), ...(suggestion ? { suggestion } : {}) } };
    }
  }
}

/**
 * The name in `names` nearest to `s` by optimal string alignment distance (insertions, deletions,
 * substitutions and swaps of neighbours), if one is at most 2 away (1 for names of up to 4 letters).
 */
export function nearestName(s: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = s.length <= 4 ? 2 : 3;
  for (const n of names) {
    if (Math.abs(n.length - s.length) >= bestD) continue;
    const d = osaDistance(s, n);
    if (d < bestD) { best = n; bestD = d; }
  }
  return best;
}

function osaDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/**
 * docutils nest_line_block_segment: each run of lines indented more than the least indent becomes a
 * nested line block in its place (leading lines too), nested again the same way.
 */
function nestLines(lines: Line[]): Array<Line | LineBlock> {
  let least = Infinity;
  for (const l of lines) least = Math.min(least, l.indent);
  const out: Array<Line | LineBlock> = [];
  let group: Line[] = [];
  const flush = () => {
    if (!group.length) return;
    const inner = nestLines(group);
    out.push({ type: 'line_block', start: inner[0].start, end: inner[inner.length - 1].end, lines: inner });
    group = [];
  };
  for (const l of lines) {
    if (l.indent > least) group.push(l);
    else { flush(); out.push(l); }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------- post-processing

/** Section ends: the end of their last child (or adornment). */
function fixSectionEnds(blocks: Block[]): void {
  for (const b of blocks) {
    if (b.type !== 'section') continue;
    b.children = tight(b.children);
    fixSectionEnds(b.children);
    const last = b.children[b.children.length - 1];
    b.end = Math.max(b.adornment.underlineSpan.end, last ? last.end : 0);
  }
}

/**
 * docutils' Transitions transform: a document or section may not begin with a transition, transitions may
 * not be adjacent, and the document may not end with one. (docutils also moves a transition that ends a
 * section behind it; the tree keeps source order instead.)
 */
function checkTransitions(doc: Document, problems: Problem[]): void {
  const visit = (children: Block[]) => {
    for (let i = 0; i < children.length; i++) {
      const b = children[i];
      if (b.type === 'section') { visit(b.children); continue; }
      if (b.type !== 'transition') continue;
      if (i === 0) problems.push({ kind: 'transition-at-start', severity: 'error', start: b.start, end: b.end });
      else if (children[i - 1].type === 'transition') problems.push({ kind: 'transitions-adjacent', severity: 'error', start: b.start, end: b.end });
    }
  };
  visit(doc.children);
  // the last element of the document (descending into trailing sections)
  let last: Block | undefined = doc.children[doc.children.length - 1];
  while (last && last.type === 'section' && last.children.length) last = last.children[last.children.length - 1];
  if (last && last.type === 'transition') problems.push({ kind: 'transition-at-end', severity: 'error', start: last.start, end: last.end });
}

const before = (a: Problem, b: Problem) => a.start < b.start || (a.start === b.start && a.end < b.end);

/**
 * Sort problems by start, then end, stably. They come nearly sorted (a construct's warning can follow the
 * problems of what it contains), so an insertion sort does it in about one pass; if it has to move
 * elements too far (more than 8 places per element on average), Array.prototype.sort takes over.
 */
export function sortNearlySorted(problems: Problem[]): void {
  let sorted = true;
  for (let i = 1; i < problems.length && sorted; i++) if (before(problems[i], problems[i - 1])) sorted = false;
  if (sorted) return;
  let budget = 8 * problems.length + 64;
  for (let i = 1; i < problems.length; i++) {
    const x = problems[i];
    let j = i - 1;
    if (!before(x, problems[j])) continue;
    while (j >= 0 && before(x, problems[j])) {
      problems[j + 1] = problems[j];
      j--;
      if (--budget < 0) {
        problems[j + 1] = x; // every element is still in the array: let the general sort finish
        problems.sort((a, b) => a.start - b.start || a.end - b.end);
        return;
      }
    }
    problems[j + 1] = x;
  }
}

/**
 * Merge two lists sorted by sortNearlySorted into one, as a stable sort of `a` followed by `b` would.
 * The parser's problems and the later checks' problems (transitions, references) are each nearly sorted,
 * but the second list belongs all over the first: an insertion sort of the two together would move
 * every late problem across half the document (on a 2 MB file, 31,000 problems, it ran out of budget
 * and a general sort took 20 ms).
 */
export function mergeSorted(a: Problem[], b: Problem[]): Problem[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Problem[] = new Array(a.length + b.length);
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) out[k++] = before(b[j], a[i]) ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** The marks without the holes of nodes never made. */
function compactMarks(marks: Array<Node | undefined>): Node[] {
  let k = 0;
  for (let i = 0; i < marks.length; i++) if (marks[i] !== undefined) marks[k++] = marks[i];
  marks.length = k;
  return marks as Node[];
}

/** Parse reStructuredText into a position-exact tree. Never throws. */
export function parse(text: string): ParseResult {
  const src = typeof text === 'string' ? text : String(text ?? '');
  let p: BlockParser | undefined;
  const extra: Problem[] = [];
  try {
    p = new BlockParser(src);
    p.run();
  } catch (e) {
    extra.push({ kind: 'internal-error', severity: 'error', start: 0, end: Math.min(src.length, 1), data: { message: String((e as Error)?.message ?? e) } });
  } finally {
    p?.releaseLineTables();
  }
  const tree: Document = p ? p.doc : { type: 'document', start: 0, end: src.length, children: [] };
  try { fixSectionEnds(tree.children); } catch { /* keep what we have */ }
  const problems: Problem[] = p ? p.problems : [];
  for (const pr of extra) problems.push(pr);
  try {
    const tooLong = lineLengthProblem(src);
    if (tooLong) problems.push(tooLong);
  } catch { /* best effort */ }
  sortNearlySorted(problems);
  // problems of the checks on the whole tree: sorted on their own, then merged in
  const late: Problem[] = [];
  try { checkTransitions(tree, late); } catch { /* best effort */ }
  try {
    // (after an internal error the marks may name nodes the tree never got: they are walked for instead)
    if (p && extra.length === 0) rememberMarks(tree, compactMarks(p.marks));
    for (const pr of resolveReferences(tree, src)) late.push(pr);
  } catch (e) {
    late.push({ kind: 'internal-error', severity: 'error', start: 0, end: Math.min(src.length, 1), data: { message: 'references: ' + String((e as Error)?.message ?? e) } });
  }
  sortNearlySorted(late);
  return { tree, problems: mergeSorted(problems, late) };
}

/** The directive tables, for the test that checks what they take from DIRECTIVE_SPECS and where they differ. */
export const DIRECTIVE_TABLES = { KNOWN_DIRECTIVES, NO_ARGUMENTS, NO_CONTENT, ARGUMENT_SPECS, CONTENT_REQUIRED, OWN_WAY } as const;
