/**
 * Inline markup of a text block, mirroring docutils' `Inliner` (docutils/parsers/rst/states.py, 0.19)
 * recognition rules, in linear time.
 *
 * How it maps onto docutils:
 * - the block's lines are joined with '\n' into a logical string L; backslash escapes are turned into
 *   NUL-marked characters exactly as `escape2null` does (same length, so indices stay aligned);
 * - the main loop looks for the leftmost start-string / whole construct (docutils' `patterns.initial`),
 *   honouring docutils' quirk that the position right after a handled construct (or an ignored/unmatched
 *   start-string) counts as "start of text" (`^`);
 * - end-strings are searched with a per-kind forward cursor: queries come in increasing order, so each
 *   kind's text is scanned once in total (this is what keeps `*a *a *a …` and runs of backquotes linear);
 * - the text between constructs goes through the standalone-URI / e-mail recogniser (`implicit_inline`),
 *   with precomputed run ends and memoised end candidates, again linear.
 * Known, documented deviation: after a standalone URI is found, docutils also re-scans the text before it
 * in a truncated context; that can only matter in contrived input and is not done here.
 */
import type {
  CitationReference, Emphasis, FootnoteReference, Inline, InlineTarget, Literal, Problem, Problematic, Reference,
  Role, Span, Strong, SubstitutionReference, Text,
} from './ast';
import { fullyNormalizeName as normalizeName, whitespaceNormalize } from './names';

// ------------------------------------------------------------------ character classes (generated from docutils)

const WS_RE = /[\u{9}-\u{d}\u{1c}-\u{20}\u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}-\u{2029}\u{202f}\u{205f}\u{3000}]/u;
const OPENERS_RE = /[\u{22}\u{27}-\u{28}\u{3c}\u{5b}\u{7b}\u{ab}\u{bb}\u{f3a}\u{f3c}\u{169b}\u{2018}-\u{201f}\u{2039}-\u{203a}\u{2045}\u{207d}\u{208d}\u{2329}\u{2768}\u{276a}\u{276c}\u{276e}\u{2770}\u{2772}\u{2774}\u{27c5}\u{27e6}\u{27e8}\u{27ea}\u{27ec}\u{27ee}\u{2983}\u{2985}\u{2987}\u{2989}\u{298b}\u{298d}\u{298f}\u{2991}\u{2993}\u{2995}\u{2997}\u{29d8}\u{29da}\u{29fc}\u{2e02}-\u{2e05}\u{2e09}-\u{2e0a}\u{2e0c}-\u{2e0d}\u{2e1c}-\u{2e1d}\u{2e20}-\u{2e22}\u{2e24}\u{2e26}\u{2e28}\u{3008}\u{300a}\u{300c}\u{300e}\u{3010}\u{3014}\u{3016}\u{3018}\u{301a}\u{301d}\u{fd3e}\u{fe17}\u{fe35}\u{fe37}\u{fe39}\u{fe3b}\u{fe3d}\u{fe3f}\u{fe41}\u{fe43}\u{fe47}\u{fe59}\u{fe5b}\u{fe5d}\u{ff08}\u{ff3b}\u{ff5b}\u{ff5f}\u{ff62}]/u;
const DELIMS_RE = /[\u{2d}\u{2f}\u{3a}\u{a1}\u{b7}\u{bf}\u{37e}\u{387}\u{55a}-\u{55f}\u{589}-\u{58a}\u{5be}\u{5c0}\u{5c3}\u{5c6}\u{5f3}-\u{5f4}\u{609}-\u{60a}\u{60c}-\u{60d}\u{61b}\u{61e}-\u{61f}\u{66a}-\u{66d}\u{6d4}\u{700}-\u{70d}\u{7f7}-\u{7f9}\u{830}-\u{83e}\u{964}-\u{965}\u{970}\u{df4}\u{e4f}\u{e5a}-\u{e5b}\u{f04}-\u{f12}\u{f85}\u{fd0}-\u{fd4}\u{104a}-\u{104f}\u{10fb}\u{1361}-\u{1368}\u{1400}\u{166d}-\u{166e}\u{16eb}-\u{16ed}\u{1735}-\u{1736}\u{17d4}-\u{17d6}\u{17d8}-\u{17da}\u{1800}-\u{180a}\u{1944}-\u{1945}\u{19de}-\u{19df}\u{1a1e}-\u{1a1f}\u{1aa0}-\u{1aa6}\u{1aa8}-\u{1aad}\u{1b5a}-\u{1b60}\u{1c3b}-\u{1c3f}\u{1c7e}-\u{1c7f}\u{1cd3}\u{2010}-\u{2017}\u{2020}-\u{2027}\u{2030}-\u{2038}\u{203b}-\u{203e}\u{2041}-\u{2043}\u{2047}-\u{2051}\u{2053}\u{2055}-\u{205e}\u{2cf9}-\u{2cfc}\u{2cfe}-\u{2cff}\u{2e00}-\u{2e01}\u{2e06}-\u{2e08}\u{2e0b}\u{2e0e}-\u{2e1b}\u{2e1e}-\u{2e1f}\u{2e2a}-\u{2e2e}\u{2e30}-\u{2e31}\u{3001}-\u{3003}\u{301c}\u{3030}\u{303d}\u{30a0}\u{30fb}\u{a4fe}-\u{a4ff}\u{a60d}-\u{a60f}\u{a673}\u{a67e}\u{a6f2}-\u{a6f7}\u{a874}-\u{a877}\u{a8ce}-\u{a8cf}\u{a8f8}-\u{a8fa}\u{a92e}-\u{a92f}\u{a95f}\u{a9c1}-\u{a9cd}\u{a9de}-\u{a9df}\u{aa5c}-\u{aa5f}\u{aade}-\u{aadf}\u{abeb}\u{fe10}-\u{fe16}\u{fe19}\u{fe30}-\u{fe32}\u{fe45}-\u{fe46}\u{fe49}-\u{fe4c}\u{fe50}-\u{fe52}\u{fe54}-\u{fe58}\u{fe5f}-\u{fe61}\u{fe63}\u{fe68}\u{fe6a}-\u{fe6b}\u{ff01}-\u{ff03}\u{ff05}-\u{ff07}\u{ff0a}\u{ff0c}-\u{ff0f}\u{ff1a}-\u{ff1b}\u{ff1f}-\u{ff20}\u{ff3c}\u{ff61}\u{ff64}-\u{ff65}\u{10100}-\u{10101}\u{1039f}\u{103d0}\u{10857}\u{1091f}\u{1093f}\u{10a50}-\u{10a58}\u{10a7f}\u{10b39}-\u{10b3f}\u{110bb}-\u{110bc}\u{110be}-\u{110c1}\u{12470}-\u{12473}]/u;
const CLOSERS_RE = /[\u{22}\u{27}\u{29}\u{3e}\u{5d}\u{7d}\u{ab}\u{bb}\u{f3b}\u{f3d}\u{169c}\u{2018}-\u{201f}\u{2039}-\u{203a}\u{2046}\u{207e}\u{208e}\u{232a}\u{2769}\u{276b}\u{276d}\u{276f}\u{2771}\u{2773}\u{2775}\u{27c6}\u{27e7}\u{27e9}\u{27eb}\u{27ed}\u{27ef}\u{2984}\u{2986}\u{2988}\u{298a}\u{298c}\u{298e}\u{2990}\u{2992}\u{2994}\u{2996}\u{2998}\u{29d9}\u{29db}\u{29fd}\u{2e02}-\u{2e05}\u{2e09}-\u{2e0a}\u{2e0c}-\u{2e0d}\u{2e1c}-\u{2e1d}\u{2e20}-\u{2e21}\u{2e23}\u{2e25}\u{2e27}\u{2e29}\u{3009}\u{300b}\u{300d}\u{300f}\u{3011}\u{3015}\u{3017}\u{3019}\u{301b}\u{301e}-\u{301f}\u{fd3f}\u{fe18}\u{fe36}\u{fe38}\u{fe3a}\u{fe3c}\u{fe3e}\u{fe40}\u{fe42}\u{fe44}\u{fe48}\u{fe5a}\u{fe5c}\u{fe5e}\u{ff09}\u{ff3d}\u{ff5d}\u{ff60}\u{ff63}]/u;
const CLOSING_DELIMS = '\\.,;!?';
/** Python's `\w` for str patterns (checked equal to L*|N*|'_' over all code points). */
const WORD_RE = /[\p{L}\p{N}]/u;

/** docutils `punctuation_chars.openers` / `closers` (index-aligned) and `quote_pairs`, for `match_chars`. */
const OPENERS = '"\'(<\\[{\u0f3a\u0f3c\u169b\u2045\u207d\u208d\u2329\u2768\u276a\u276c\u276e\u2770\u2772\u2774\u27c5\u27e6\u27e8\u27ea\u27ec\u27ee\u2983\u2985\u2987\u2989\u298b\u298d\u298f\u2991\u2993\u2995\u2997\u29d8\u29da\u29fc\u2e22\u2e24\u2e26\u2e28\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\u301d\u301d\ufd3e\ufe17\ufe35\ufe37\ufe39\ufe3b\ufe3d\ufe3f\ufe41\ufe43\ufe47\ufe59\ufe5b\ufe5d\uff08\uff3b\uff5b\uff5f\uff62\xab\u2018\u201c\u2039\u2e02\u2e04\u2e09\u2e0c\u2e1c\u2e20\u201a\u201e\xbb\u2019\u201d\u203a\u2e03\u2e05\u2e0a\u2e0d\u2e1d\u2e21\u201b\u201f';
const CLOSERS = '"\')>\\]}\u0f3b\u0f3d\u169c\u2046\u207e\u208e\u232a\u2769\u276b\u276d\u276f\u2771\u2773\u2775\u27c6\u27e7\u27e9\u27eb\u27ed\u27ef\u2984\u2986\u2988\u298a\u298c\u298e\u2990\u2992\u2994\u2996\u2998\u29d9\u29db\u29fd\u2e23\u2e25\u2e27\u2e29\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301e\u301f\ufd3f\ufe18\ufe36\ufe38\ufe3a\ufe3c\ufe3e\ufe40\ufe42\ufe44\ufe48\ufe5a\ufe5c\ufe5e\uff09\uff3d\uff5d\uff60\uff63\xbb\u2019\u201d\u203a\u2e03\u2e05\u2e0a\u2e0d\u2e1d\u2e21\u201b\u201f\xab\u2018\u201c\u2039\u2e02\u2e04\u2e09\u2e0c\u2e1c\u2e20\u201a\u201e';
const QUOTE_PAIRS: Record<string, string> = {
  '\xbb': '\xbb', '\u2018': '\u201a', '\u2019': '\u2019', '\u201a': '\u2018\u2019',
  '\u201c': '\u201e', '\u201e': '\u201c\u201d', '\u201d': '\u201d', '\u203a': '\u203a',
};

function matchChars(c1: string, c2: string): boolean {
  const i = OPENERS.indexOf(c1);
  if (i < 0) return false;
  return c2 === CLOSERS[i] || (QUOTE_PAIRS[c1] ?? '').includes(c2);
}

// flags per UTF-16 index
const F_WS = 1, F_OPEN = 2, F_DELIM = 4, F_CLOSE = 8, F_CLOSEDELIM = 16, F_WORD = 32, F_URIC = 64, F_URILAST = 128,
  F_EMAILC = 256, F_SCHEME = 512, F_NUL = 1024, F_LETTER = 2048,
  /** A word character other than '_' (docutils' simplename parts). */
  F_WORDNU = 4096,
  /** Can start a construct: one of * ` _ | [ : or a word character (the main loop skips everything else). */
  F_START = 8192,
  /** One of docutils' openers (the first argument of match_chars). */
  F_OPENER = 16384;
const F_PREFIX = F_WS | F_OPEN | F_DELIM;
const F_SUFFIX = F_WS | F_NUL | F_CLOSEDELIM | F_DELIM | F_CLOSE;

const URIC = "-_.!~*'()[];/:@&=+$,%";
const URILAST = '_~*/=+';
const EMAILC = "-_!~*'{|}/#?^`&=+$%";

function computeFlags(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let f = 0;
  if (WS_RE.test(ch)) f |= F_WS;
  if (OPENERS_RE.test(ch)) f |= F_OPEN;
  if (DELIMS_RE.test(ch)) f |= F_DELIM;
  if (CLOSERS_RE.test(ch)) f |= F_CLOSE;
  if (cp < 128 && CLOSING_DELIMS.includes(ch)) f |= F_CLOSEDELIM;
  if (WORD_RE.test(ch) || ch === '_') f |= F_WORD | F_START;
  if ((f & F_WORD) !== 0 && ch !== '_') f |= F_WORDNU;
  if ('*`_|[:'.includes(ch)) f |= F_START;
  if (OPENERS.includes(ch)) f |= F_OPENER;
  if (cp < 128) {
    const alnum = /[a-zA-Z0-9]/.test(ch);
    if (alnum || URIC.includes(ch)) f |= F_URIC;
    if (alnum || URILAST.includes(ch)) f |= F_URILAST;
    if (alnum || EMAILC.includes(ch)) f |= F_EMAILC;
    if (alnum || ch === '.' || ch === '+' || ch === '-') f |= F_SCHEME;
    if (/[a-zA-Z]/.test(ch)) f |= F_LETTER;
    if (cp === 0) f |= F_NUL | F_URIC | F_EMAILC;
  }
  return f;
}

/** Flags of U+0000–U+00FF (Norwegian letters included), without a map lookup. */
const LATIN1_FLAGS = new Uint16Array(256);
for (let c = 0; c < 256; c++) LATIN1_FLAGS[c] = computeFlags(c);
const flagCache = new Map<number, number>();
function flagsOf(cp: number): number {
  if (cp < 256) return LATIN1_FLAGS[cp];
  let f = flagCache.get(cp);
  if (f === undefined) {
    f = computeFlags(cp);
    if (flagCache.size < 100000) flagCache.set(cp, f);
  }
  return f;
}

// ------------------------------------------------------------------ roles

/** Sphinx cross-reference roles whose text may be `title <target>`. */
const XREF_ROLES = new Set(['doc', 'ref', 'term', 'download', 'any', 'numref', 'keyword', 'option', 'envvar', 'token']);

/** Roles known to docutils (English) and Sphinx; anything else is "Unknown interpreted text role". */
export const KNOWN_ROLES = new Set([
  // docutils
  'ab', 'abbreviation', 'ac', 'acronym', 'anonymous-reference', 'citation-reference', 'code', 'emphasis',
  'footnote-reference', 'i', 'index', 'literal', 'math', 'named-reference', 'pep', 'pep-reference', 'raw', 'rfc',
  'rfc-reference', 'strong', 'sub', 'subscript', 'substitution-reference', 'sup', 'superscript', 't', 'target',
  'title', 'title-reference', 'uri', 'uri-reference', 'url',
  // Sphinx
  'doc', 'ref', 'term', 'download', 'any', 'numref', 'keyword', 'option', 'envvar', 'token', 'abbr', 'command',
  'dfn', 'file', 'guilabel', 'kbd', 'mailheader', 'makevar', 'manpage', 'menuselection', 'mimetype', 'newsgroup',
  'program', 'regexp', 'samp', 'eq', 'confval',
]);
const SPHINX_DOMAINS = new Set(['py', 'c', 'cpp', 'js', 'rst', 'std', 'math']);

function isKnownRole(name: string): boolean {
  if (KNOWN_ROLES.has(name)) return true;
  const colon = name.indexOf(':');
  return colon > 0 && SPHINX_DOMAINS.has(name.slice(0, colon));
}

// ------------------------------------------------------------------ helpers

/** docutils `fully_normalize_name` and `whitespace_normalize_name` (Python's whitespace). */
export { normalizeName, whitespaceNormalize };
/** docutils `unescape` on NUL-escaped text (escaped whitespace vanishes). */
export function unescape(s: string): string {
  let i = s.indexOf('\0');
  if (i < 0) return s;
  // the pieces between NULs, joined once (a regular-expression replace was twice as slow on text full of escapes)
  const parts: string[] = [];
  let last = 0;
  while (i >= 0) {
    parts.push(s.slice(last, i));
    const c = s.charCodeAt(i + 1);
    last = c === 32 || c === 10 ? i + 2 : i + 1;
    i = s.indexOf('\0', last);
  }
  parts.push(s.slice(last));
  return parts.join('');
}

/** Characters that can start or end any inline construct, reference, URI or e-mail address. */
const TRIGGER_CODES = new Uint8Array(128);
for (const ch of '*`_|[]:@\\') TRIGGER_CODES[ch.charCodeAt(0)] = 1;

/**
 * Scratch buffer for the flag table of the parser started by parseInline (one at a time), so that it needs
 * no fresh array per block. The parser gets the whole buffer (at least as long as asked,
 * possibly longer: a `subarray` view per block cost more than the parse of a short block) and only ever
 * reads the indices it has (re)initialised, below the length it asked for. Helper parsers made while it
 * runs (uriMatchesAtStart) allocate their own.
 */
let scratchF = new Uint16Array(256);

/**
 * A memo from positions of one block to numbers. Emptying it is one counter increment: entries of other
 * blocks carry another stamp (Map.prototype.clear allocates a new table, and showed up in profiles of
 * blocks holding a URL). Exported for its test.
 */
export class PosMemo {
  private val = new Int32Array(64);
  private stamp = new Int32Array(64);
  private cur = 0;
  /** Forget everything; keys will be below `size`. */
  reset(size: number): this {
    if (this.val.length < size) {
      const cap = Math.max(size, this.val.length * 2);
      this.val = new Int32Array(cap);
      this.stamp = new Int32Array(cap);
      this.cur = 0;
    }
    if (++this.cur === 0x7fffffff) { this.stamp.fill(0); this.cur = 1; }
    return this;
  }
  get(key: number): number | undefined {
    return this.stamp[key] === this.cur ? this.val[key] : undefined;
  }
  set(key: number, value: number): void {
    this.stamp[key] = this.cur;
    this.val[key] = value;
  }
}
const scratchMemo: PosMemo[] = [new PosMemo(), new PosMemo(), new PosMemo()];
function scratchU16(len: number): Uint16Array {
  if (scratchF.length < len) scratchF = new Uint16Array(Math.max(len, scratchF.length * 2));
  return scratchF;
}

export interface InlineResult { nodes: Inline[]; problems: Problem[] }

/**
 * Shortcuts of the parser that must give exactly what the general path gives; tests switch them off to
 * prove it (test/unit/parser-shortcuts.test.ts). plainInline: a block without markup characters is one
 * text node; plainCells: a one-line table cell of plain text is one paragraph; plainTerms: a definition
 * list term whose text has no " : " keeps its nodes and has no classifiers; plainUrls: an embedded URI
 * without whitespace or escapes is the URL as written.
 */
export const shortcuts = { plainInline: true, plainCells: true, plainTerms: true, plainUrls: true };

/**
 * The array with no spare room. An array grown by push keeps capacity for 16 more elements: in a tree of
 * many small child lists that was a third of the memory a parse keeps, and garbage collection copies it.
 */
export function tight<T>(a: T[]): T[] {
  return a.length <= 64 ? a.slice() : a;
}

/**
 * Parse inline markup of a text block.
 * @param src the whole document text
 * @param segments source ranges of the block's text lines (indentation excluded), in order;
 *                 logically joined with '\n'
 */
export function parseInline(src: string, segments: Span[]): InlineResult {
  if (segments.length === 0) return { nodes: [], problems: [] };
  try {
    if (shortcuts.plainInline) {
      // Fast path: without any of these characters there is no inline markup, no reference and no URI.
      // A colon only matters with something right after it: a role name, a URI's rest, a name part.
      // ("Status: ok", "as follows:" are plain; a role also needs a backquote, itself a trigger.)
      const first = segments[0].start, last = segments[segments.length - 1].end;
      if (segments.length === 1 || contiguous(src, segments)) {
        // one slice of the source (no copy) and one regular-expression scan, faster than a loop here
        const value = src.slice(first, last);
        if (!RE_TRIGGER.test(value)) return { nodes: value.length ? [{ type: 'text', start: first, end: last, value }] : [], problems: [] };
      } else if (plainSegments(src, segments)) {
        const value = segments.map((sg) => src.slice(sg.start, sg.end)).join('\n');
        return { nodes: value.length ? [{ type: 'text', start: first, end: last, value }] : [], problems: [] };
      }
    }
    return new InlineParser(src, segments, true).run();
  } catch {
    // Never throw: fall back to plain text.
    const start = segments[0].start;
    const end = segments[segments.length - 1].end;
    return { nodes: [{ type: 'text', start, end, value: segments.map((s) => src.slice(s.start, s.end)).join('\n') }], problems: [] };
  }
}

/** Do the segments follow each other with exactly one '\n' between them (so that joining them is slicing the source)? */
/** A markup character, or a colon followed by something (segments that follow each other are joined by '\n'). */
const RE_TRIGGER = /[*`_|[\]@\\]|:(?![ \t\n]|$)/;

/** No markup character in any segment (the same test as RE_TRIGGER, segment by segment, without slicing). */
function plainSegments(src: string, segments: Span[]): boolean {
  for (const sg of segments) {
    for (let k = sg.start, e = sg.end; k < e; k++) {
      const c = src.charCodeAt(k);
      if (c < 128 && TRIGGER_CODES[c] === 1) {
        if (c === 58) {
          const d = k + 1 < e ? src.charCodeAt(k + 1) : 32;
          if (d === 32 || d === 9) continue;
        }
        return false;
      }
    }
  }
  return true;
}

function contiguous(src: string, segments: Span[]): boolean {
  for (let i = 1; i < segments.length; i++) {
    const prev = segments[i - 1].end;
    if (segments[i].start !== prev + 1 || src.charCodeAt(prev) !== 10) return false;
  }
  return true;
}

type EndKind = 'emphasis' | 'strong' | 'literal' | 'target' | 'subst' | 'interp';

interface Cursor { from: number; result: number }
const END_SLOT: Record<EndKind, number> = { emphasis: 0, strong: 1, literal: 2, target: 3, subst: 4, interp: 5 };

const UNCLOSED_KIND: Record<string, string> = {
  emphasis: 'inline-emphasis-unclosed', strong: 'inline-strong-unclosed', literal: 'inline-literal-unclosed',
  target: 'inline-target-unclosed', subst: 'inline-substitution-unclosed',
};

class InlineParser {
  /** Logical text (segments joined with '\n'). */
  private readonly L: string;
  /** NUL-escaped logical text (same length as L). */
  private readonly E: string;
  private readonly n: number;
  private readonly F: Uint16Array;
  private readonly segStartL: number[];
  private readonly segs: Span[];
  /** Created on first use (most blocks never need them). */
  private cursors?: Array<Cursor | undefined>;
  private readonly out: Inline[] = [];
  private readonly problems: Problem[] = [];

  /** Uses the shared scratch buffers (only the parser started by parseInline). */
  private readonly scratch: boolean;

  constructor(src: string, segments: Span[], scratch = false) {
    this.scratch = scratch;
    this.segs = segments;
    if (segments.length === 1 || contiguous(src, segments)) {
      // one range of the source: L is a slice of it and logical indices map by adding its start
      const start = segments[0].start, end = segments[segments.length - 1].end;
      if (segments.length > 1) this.segs = [{ start, end }];
      this.segStartL = [0];
      this.L = src.slice(start, end);
    } else {
      const parts: string[] = [];
      this.segStartL = [];
      let off = 0;
      for (const s of segments) {
        this.segStartL.push(off);
        const t = src.slice(s.start, s.end);
        parts.push(t);
        off += t.length + 1;
      }
      this.L = parts.join('\n');
    }
    const E = (this.E = escape2null(this.L));
    const n = (this.n = E.length);
    const F = scratch ? scratchU16(n + 1) : new Uint16Array(n + 1);
    F[n] = 0;
    for (let i = 0; i < n; i++) {
      const c = E.charCodeAt(i);
      if (c < 256) F[i] = LATIN1_FLAGS[c];
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = E.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          F[i] = F[i + 1] = flagsOf(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
          i++;
        } else F[i] = flagsOf(c);
      } else F[i] = flagsOf(c);
    }
    this.F = F;
  }

  // ---------------------------------------------------------------- offsets

  /** Logical index -> source offset. */
  private map(i: number): number {
    if (this.segs.length === 1) return this.segs[0].start + Math.min(i, this.segs[0].end - this.segs[0].start);
    const st = this.segStartL;
    let lo = 0, hi = st.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (st[mid] <= i) lo = mid; else hi = mid - 1;
    }
    const seg = this.segs[lo];
    return Math.min(seg.start + (i - st[lo]), seg.end);
  }
  private span(s: number, e: number): Span {
    return { start: this.map(s), end: this.map(e) };
  }

  // ---------------------------------------------------------------- predicates

  private prefixOK(i: number, anchor: number): boolean {
    return i === anchor || i === 0 || (this.F[i - 1] & F_PREFIX) !== 0;
  }
  private suffixOK(i: number, hi = this.n): boolean {
    return i >= hi || (this.F[i] & F_SUFFIX) !== 0;
  }
  private nonWSAfter(i: number): boolean {
    return i >= this.n || (this.F[i] & F_WS) === 0;
  }
  private wordNU(i: number): boolean {
    return i < this.n && (this.F[i] & F_WORDNU) !== 0;
  }
  /** Two caches of the last chain found, [a0, a1) and [b0, b1) (the main scan and the end-string scans move forward independently). */
  private a0 = -1;
  private a1 = -1;
  private b0 = -1;
  private b1 = -1;
  /**
   * End (exclusive) of the maximal docutils `simplename` starting at i (i must be wordNU): word runs joined by
   * single '-', '.', '_', '+', ':'. Every position inside a chain has the same end, so the last chains are cached
   * (queries move forward, so each chain is scanned O(1) times).
   */
  private simpleEnd(i: number): number {
    if (i >= this.a0 && i < this.a1) return this.a1;
    if (i >= this.b0 && i < this.b1) return this.b1;
    const E = this.E, F = this.F, n = this.n;
    let k = i;
    for (;;) {
      while (k < n && (F[k] & F_WORDNU) !== 0) k++;
      const c = E.charCodeAt(k);
      if ((c === 45 || c === 46 || c === 95 || c === 43 || c === 58) && k + 1 < n && (F[k + 1] & F_WORDNU) !== 0) k++;
      else break;
    }
    // replace the cache whose chain lies further behind
    if (this.a1 <= this.b1) { this.a0 = i; this.a1 = k; } else { this.b0 = i; this.b1 = k; }
    return k;
  }
  /** Two caches of the last URI-character runs found, [u0, u1) and [v0, v1) (see uricEnd). */
  private u0 = -1;
  private u1 = -1;
  private v0 = -1;
  private v1 = -1;
  /**
   * End of the run of URI characters from i. Every position inside a run has the same end and the last two
   * runs are cached: queries come from the colons of URI candidates, in order, and from the '?query' and
   * '#fragment' runs after them (memoised by uriSeg), so a run is scanned O(1) times. (A table over the whole
   * block, built on the first query, cost more than the queries in text with a colon in every line.)
   */
  private uricEnd(i: number): number {
    if (i >= this.u0 && i < this.u1) return this.u1;
    if (i >= this.v0 && i < this.v1) return this.v1;
    const F = this.F, n = this.n;
    if (i >= n) return n;
    let k = i;
    while (k < n && (F[k] & F_URIC) !== 0) k++;
    if (k > i) {
      // replace the cache whose run lies further behind
      if (this.u1 <= this.v1) { this.u0 = i; this.u1 = k; } else { this.v0 = i; this.v1 = k; }
    }
    return k;
  }
  /** End of the run of scheme characters from i (asked once, by uriMatchesAtStart). */
  private schemeEnd(i: number): number {
    const F = this.F, n = this.n;
    let k = i;
    while (k < n && (F[k] & F_SCHEME) !== 0) k++;
    return k;
  }
  /** End of docutils' e-mail name `emailc+(\.emailc+)*` from i (i itself when it is no name character); asked once, by uriMatchesAtStart. */
  private emailNameEnd(i: number): number {
    const F = this.F, E = this.E, n = this.n;
    let k = i;
    if (k >= n || (F[k] & F_EMAILC) === 0) return k;
    for (;;) {
      if (k + 1 < n && (F[k + 1] & F_EMAILC) !== 0) k++;
      else if (E.charCodeAt(k + 1) === 46 && k + 2 < n && (F[k + 2] & F_EMAILC) !== 0) k += 2;
      else return k + 1;
    }
  }
  /**
   * End of the run of e-mail host characters (emailc and '.') from i. Asked once per '@' (emailHost memoises
   * its result) and host runs hold no '@', so each character is scanned at most once per block.
   */
  private hostEnd(i: number): number {
    const n = this.n, F = this.F, E = this.E;
    let k = i;
    while (k < n && ((F[k] & F_EMAILC) !== 0 || E.charCodeAt(k) === 46)) k++;
    return k;
  }

  // ---------------------------------------------------------------- end-strings

  /** End-string of `kind` at j; `vacuous`: the look-behind sees the start of the search string. Returns its length or 0. */
  private endAt(kind: EndKind, j: number, vacuous: boolean): number {
    const E = this.E, F = this.F, n = this.n;
    if (j >= n) return 0;
    const before = vacuous || j === 0 ? 0 : F[j - 1];
    switch (kind) {
      case 'emphasis':
        return E[j] === '*' && (before & (F_WS | F_NUL)) === 0 && this.suffixOK(j + 1) ? 1 : 0;
      case 'strong':
        return E[j] === '*' && E[j + 1] === '*' && (before & (F_WS | F_NUL)) === 0 && this.suffixOK(j + 2) ? 2 : 0;
      case 'literal':
        return E[j] === '`' && E[j + 1] === '`' && (before & F_WS) === 0 && this.suffixOK(j + 2) ? 2 : 0;
      case 'target':
        return E[j] === '`' && (before & (F_WS | F_NUL)) === 0 && this.suffixOK(j + 1) ? 1 : 0;
      case 'subst':
        if (E[j] !== '|' || (before & (F_WS | F_NUL)) !== 0) return 0;
        if (E[j + 1] === '_' && E[j + 2] === '_' && this.suffixOK(j + 3)) return 3;
        if (E[j + 1] === '_' && this.suffixOK(j + 2)) return 2;
        return this.suffixOK(j + 1) ? 1 : 0;
      case 'interp': {
        if (E[j] !== '`') return 0;
        if (!vacuous && j > 0 && (before & (F_WS | F_NUL)) !== 0 && !(j >= 2 && E[j - 2] === '\0')) return 0;
        const s = this.interpSuffix(j + 1);
        return s < 0 ? 0 : s - j;
      }
    }
  }

  /** Suffix group after an interpreted-text closing backquote: returns the end of the whole match or -1. */
  private interpSuffix(k: number): number {
    const E = this.E;
    if (E[k] === ':' && this.wordNU(k + 1)) {
      const ce = this.simpleEnd(k + 1);
      if (E[ce] === ':') {
        const r = ce + 1;
        if (E[r] === '_' && E[r + 1] === '_' && this.suffixOK(r + 2)) return r + 2;
        if (E[r] === '_' && this.suffixOK(r + 1)) return r + 1;
        if (this.suffixOK(r)) return r;
      }
    }
    if (E[k] === '_' && E[k + 1] === '_' && this.suffixOK(k + 2)) return k + 2;
    if (E[k] === '_' && this.suffixOK(k + 1)) return k + 1;
    if (this.suffixOK(k)) return k;
    return -1;
  }

  /** docutils `end_pattern.search(string[matchend:])` with the "1 or more chars" check: position of the end-string or -1. */
  private findEnd(kind: EndKind, matchend: number): number {
    if (this.endAt(kind, matchend, true) > 0) return -1; // first match is empty: docutils gives up
    const q = matchend + 1;
    const slot = END_SLOT[kind];
    let c = (this.cursors ??= [undefined, undefined, undefined, undefined, undefined, undefined])[slot];
    if (c && q >= c.from && (c.result < 0 || q <= c.result)) return c.result;
    let result = -1;
    // every end-string starts with this character: look only where it occurs
    const first = kind === 'emphasis' || kind === 'strong' ? '*' : kind === 'subst' ? '|' : '`';
    for (let j = this.E.indexOf(first, q); j >= 0; j = this.E.indexOf(first, j + 1)) {
      if (this.endAt(kind, j, false) > 0) { result = j; break; }
    }
    if (!c) this.cursors[slot] = { from: q, result }; else { c.from = q; c.result = result; }
    return result;
  }

  // ---------------------------------------------------------------- main loop

  run(): InlineResult {
    const E = this.E, F = this.F, n = this.n;
    let pos = 0;
    let anchor = 0;
    let textStart = 0;
    // A word character can only start a `name_` reference: none without a '_' after it.
    let underscore = E.indexOf('_');
    const emit = (s: number, e: number, nodes: Inline[]) => {
      this.implicit(textStart, s);
      for (const node of nodes) this.out.push(node);
      textStart = e;
    };
    scan: while (pos < n) {
      for (let p = pos; p < n; p++) {
        // quick reject: a start-string follows the scan's (re)start, the text's start or a prefix character
        // (tested first: in text, few characters are one, so this branch is well predicted)
        if (p !== anchor && p !== 0 && (F[p - 1] & F_PREFIX) === 0) continue;
        const f = F[p];
        // a candidate starts with * ` _ | [ : or a word character
        if ((f & F_START) === 0) continue;
        if ((f & F_WORDNU) !== 0) {
          if (underscore >= 0 && underscore < p) underscore = E.indexOf('_', p);
          if (underscore < 0) continue;
        }
        const r = this.tryAt(p, anchor);
        if (!r) continue;
        if (r.nodes.length) emit(r.start, r.end, r.nodes);
        pos = anchor = r.next;
        continue scan;
      }
      break;
    }
    this.implicit(textStart, n);
    return { nodes: tight(this.out), problems: this.problems };
  }

  /** A construct found at p: nodes to emit over [start, end), and where the scan resumes. */
  private tryAt(p: number, anchor: number): { start: number; end: number; nodes: Inline[]; next: number } | null {
    const E = this.E;
    const c = E[p];
    // ---- start-strings
    if (c === '*') {
      if (E[p + 1] === '*') {
        if (this.nonWSAfter(p + 2)) return this.inlineObj(p, p + 2, 'strong', anchor);
      } else if (this.nonWSAfter(p + 1)) return this.inlineObj(p, p + 1, 'emphasis', anchor);
    }
    if (c === '`' && E[p + 1] === '`' && this.nonWSAfter(p + 2)) return this.inlineObj(p, p + 2, 'literal', anchor);
    if (c === '_' && E[p + 1] === '`' && this.nonWSAfter(p + 2)) return this.inlineObj(p, p + 2, 'target', anchor);
    if (c === '|' && E[p + 1] !== '|' && this.nonWSAfter(p + 1)) return this.inlineObj(p, p + 1, 'subst', anchor);
    // ---- whole constructs: reference name, footnote / citation reference
    if (this.wordNU(p)) {
      const ce = this.simpleEnd(p);
      if (E[ce] === '_') {
        if (E[ce + 1] === '_' && this.suffixOK(ce + 2)) return this.simpleRef(p, ce, true);
        if (this.suffixOK(ce + 1)) return this.simpleRef(p, ce, false);
      }
    }
    if (c === '[') {
      const r = this.footnoteAt(p);
      if (r) return r;
    }
    // ---- interpreted text / phrase reference
    if (c === ':' && this.wordNU(p + 1)) {
      const ce = this.simpleEnd(p + 1);
      if (E[ce] === ':' && E[ce + 1] === '`' && E[ce + 2] !== '`' && this.nonWSAfter(ce + 2)) {
        return this.interpreted(p, ce + 1, anchor, E.slice(p + 1, ce));
      }
    }
    if (c === '`' && E[p + 1] !== '`' && this.nonWSAfter(p + 1)) return this.interpreted(p, p, anchor, null);
    return null;
  }

  private quotedStart(start: number, matchend: number, anchor: number): boolean {
    if (start === anchor || start === 0) return false;
    if (matchend >= this.n) return true;
    return (this.F[start - 1] & F_OPENER) !== 0 && matchChars(this.E[start - 1], this.E[matchend]);
  }

  private problem(kind: string, severity: Problem['severity'], s: number, e: number, data?: Problem['data']): void {
    const pr: Problem = { kind, severity, start: this.map(s), end: this.map(e) };
    if (data) pr.data = data;
    this.problems.push(pr);
  }
  private problematic(s: number, e: number): Problematic {
    return { type: 'problematic', start: this.map(s), end: this.map(e), value: this.L.slice(s, e) };
  }
  private text(s: number, e: number): Text {
    return { type: 'text', start: this.map(s), end: this.map(e), value: unescape(this.E.slice(s, e)) };
  }

  private inlineObj(p: number, matchend: number, kind: EndKind, anchor: number) {
    if (this.quotedStart(p, matchend, anchor)) return { start: p, end: p, nodes: [], next: matchend };
    const j = this.findEnd(kind, matchend);
    if (j < 0) {
      this.problem(UNCLOSED_KIND[kind], 'warning', p, matchend);
      return { start: p, end: matchend, nodes: [this.problematic(p, matchend)], next: matchend };
    }
    const endLen = this.endAt(kind, j, false);
    const end = j + endLen;
    const sp = this.span(p, end);
    const content = this.E.slice(matchend, j);
    let node: Inline;
    switch (kind) {
      case 'emphasis':
        node = { type: 'emphasis', start: sp.start, end: sp.end, children: [this.text(matchend, j)] } satisfies Emphasis;
        break;
      case 'strong':
        node = { type: 'strong', start: sp.start, end: sp.end, children: [this.text(matchend, j)] } satisfies Strong;
        break;
      case 'literal':
        node = { type: 'literal', start: sp.start, end: sp.end, value: this.L.slice(matchend, j) } satisfies Literal;
        break;
      case 'target': {
        const t = unescape(content);
        node = { type: 'inline_target', start: sp.start, end: sp.end, name: normalizeName(t), text: t } satisfies InlineTarget;
        break;
      }
      default:
        node = {
          type: 'substitution_reference', start: sp.start, end: sp.end, name: whitespaceNormalize(unescape(content)), linked: endLen > 1,
        } satisfies SubstitutionReference;
    }
    return { start: p, end, nodes: [node], next: end };
  }

  private simpleRef(p: number, ce: number, anonymous: boolean) {
    const end = ce + (anonymous ? 2 : 1);
    const name = this.E.slice(p, ce);
    const node: Reference = {
      type: 'reference', kind: anonymous ? 'anonymous' : 'named', start: this.map(p), end: this.map(end), text: name,
      textSpan: this.span(p, ce), embedded: false,
    };
    if (!anonymous) node.refname = normalizeName(name);
    return { start: p, end, nodes: [node], next: end };
  }

  private footnoteAt(p: number) {
    const E = this.E;
    let labelEnd = -1;
    let citation = false;
    let k = p + 1;
    // [0-9]+
    while (k < this.n && E.charCodeAt(k) >= 48 && E.charCodeAt(k) <= 57) k++;
    const ok = (e: number) => E[e] === ']' && E[e + 1] === '_' && this.suffixOK(e + 2);
    if (k > p + 1 && ok(k)) labelEnd = k;
    else if (E[p + 1] === '#') {
      if (this.wordNU(p + 2) && ok(this.simpleEnd(p + 2))) labelEnd = this.simpleEnd(p + 2);
      else if (ok(p + 2)) labelEnd = p + 2;
    } else if (E[p + 1] === '*' && ok(p + 2)) labelEnd = p + 2;
    if (labelEnd < 0 && this.wordNU(p + 1) && ok(this.simpleEnd(p + 1))) {
      labelEnd = this.simpleEnd(p + 1);
      citation = true;
    }
    if (labelEnd < 0) return null;
    const end = labelEnd + 2;
    const label = E.slice(p + 1, labelEnd);
    const sp = this.span(p, end);
    const node: FootnoteReference | CitationReference = citation
      ? { type: 'citation_reference', start: sp.start, end: sp.end, label }
      : { type: 'footnote_reference', start: sp.start, end: sp.end, label };
    return { start: p, end, nodes: [node], next: end };
  }

  /** `rolestart` is where the construct starts (the prefix role's colon, or the backquote); `b` the backquote. */
  private interpreted(rolestart: number, b: number, anchor: number, prefixRole: string | null) {
    const E = this.E;
    const matchend = b + 1;
    if (prefixRole === null && this.quotedStart(b, matchend, anchor)) return { start: b, end: b, nodes: [], next: matchend };
    const j = this.findEnd('interp', matchend);
    if (j < 0) {
      this.problem('inline-interpreted-unclosed', 'warning', b, matchend);
      return { start: b, end: matchend, nodes: [this.problematic(b, matchend)], next: matchend };
    }
    const textend = this.interpSuffix(j + 1);
    // split the suffix group into role and reference end
    let suffixRole: string | null = null;
    let roleSpan: Span | undefined = prefixRole !== null ? this.span(rolestart, b) : undefined;
    let k = j + 1;
    if (E[k] === ':' && this.wordNU(k + 1) && E[this.simpleEnd(k + 1)] === ':' && this.simpleEnd(k + 1) + 1 <= textend) {
      const ce = this.simpleEnd(k + 1);
      suffixRole = E.slice(k + 1, ce);
      roleSpan = this.span(k, ce + 1);
      k = ce + 1;
    }
    const refend = E.slice(k, textend);
    const bad = (kind: string, data?: Problem['data']) => {
      this.problem(kind, 'warning', rolestart, textend, data);
      return { start: rolestart, end: textend, nodes: [this.problematic(rolestart, textend)], next: textend };
    };
    let role = prefixRole;
    let position = 'prefix';
    if (suffixRole !== null) {
      if (prefixRole !== null) return bad('role-multiple');
      role = suffixRole;
      position = 'suffix';
    }
    if (refend.length > 0) {
      if (role !== null) return bad('role-reference-mismatch', { position });
      return this.phraseRef(b, textend, matchend, j, refend === '__');
    }
    const start = prefixRole !== null ? rolestart : b;
    const escaped = E.slice(matchend, j);
    if (role === null) {
      const node: Role = {
        type: 'role', start: this.map(start), end: this.map(textend), role: null, text: unescape(escaped),
        textSpan: this.span(matchend, j), target: unescape(escaped), targetSpan: this.span(matchend, j),
      };
      return { start, end: textend, nodes: [node], next: textend };
    }
    const lname = role.toLowerCase();
    if (!isKnownRole(lname)) {
      this.problem('unknown-role', 'error', start, textend, { name: role });
      return { start, end: textend, nodes: [this.problematic(start, textend)], next: textend };
    }
    const node: Role = {
      type: 'role', start: this.map(start), end: this.map(textend), role: lname, roleSpan, text: unescape(escaped),
      textSpan: this.span(matchend, j), target: unescape(escaped), targetSpan: this.span(matchend, j),
    };
    const xref = XREF_ROLES.has(lname) || (lname.includes(':') && !lname.endsWith(':math'));
    if (xref) {
      let ts = matchend, te = j;
      // explicit title: ^(.+?)\s*(?<!\x00)<(.*?)>$
      if (j - matchend >= 3 && E[j - 1] === '>') {
        for (let q = matchend + 1; q < j - 1; q++) {
          if (E[q] === '<' && E[q - 1] !== '\0') {
            let t = q;
            while (t > matchend + 1 && (this.F[t - 1] & F_WS) !== 0) t--;
            node.title = unescape(E.slice(matchend, t));
            ts = q + 1;
            te = j - 1;
            break;
          }
        }
      }
      // Sphinx: a leading '!' suppresses the link, '~' shortens the title; neither is part of the target
      if (E[ts] === '!' || E[ts] === '~') ts++;
      node.target = unescape(E.slice(ts, te));
      node.targetSpan = this.span(ts, te);
    }
    return { start, end: textend, nodes: [node], next: textend };
  }

  /** docutils `phrase_ref`: `text`_ / `text`__ with optional embedded <uri> or <name_>. */
  private phraseRef(b: number, textend: number, ts: number, te: number, anonymous: boolean) {
    const E = this.E;
    const node: Reference = {
      type: 'reference', kind: anonymous ? 'anonymous' : 'named', start: this.map(b), end: this.map(textend), text: '',
      textSpan: this.span(ts, te), embedded: false,
    };
    // embedded_link: ((?:[ \n]+|^)<(?!\s)(([^<>]|\x00[<>])+)(?<![\s\x00])>)$
    let open = -1;
    if (te - ts >= 3 && E[te - 1] === '>' && (this.F[te - 2] & (F_WS | F_NUL)) === 0) {
      for (let q = te - 2; q >= ts; q--) {
        const ch = E[q];
        if ((ch === '<' || ch === '>') && !(q > ts && E[q - 1] === '\0')) {
          if (ch === '<') open = q;
          break;
        }
      }
      if (open >= 0) {
        if (open + 1 >= te - 1 || (this.F[open + 1] & F_WS) !== 0) open = -1;
        else if (open > ts && E[open - 1] !== ' ' && E[open - 1] !== '\n') open = -1;
      }
    }
    let text: string;
    let textEndIdx = te;
    if (open >= 0) {
      let ws = open;
      while (ws > ts && (E[ws - 1] === ' ' || E[ws - 1] === '\n')) ws--;
      textEndIdx = ws;
      text = E.slice(ts, ws);
      const aliastext = E.slice(open + 1, te - 1);
      node.embedded = true;
      node.urlSpan = this.span(open + 1, te - 1);
      let alias: string;
      if (aliastext.endsWith('_') && !aliastext.endsWith('\0_') && !uriMatchesAtStart(aliastext)) {
        alias = normalizeName(unescape(aliastext.slice(0, -1)));
        node.embeddedRefname = alias;
      } else {
        // (a URL without whitespace or escapes, nearly every one, comes out as it is)
        if (shortcuts.plainUrls && RE_ALIAS_PLAIN.test(aliastext)) alias = aliastext;
        else {
          const parts = aliastext.split('\0 ').flatMap((s) => s.split('\0\n'));
          alias = parts.map((part) => part.replace(/[\s\x1c-\x1f]+/gu, '')).join(' ');
          alias = unescape(alias);
        }
        if (isEmail(alias)) alias = 'mailto:' + alias;
        node.url = alias;
      }
      if (text.length === 0) {
        text = alias;
        node.textSpan = node.urlSpan;
      } else node.textSpan = this.span(ts, textEndIdx);
    } else text = E.slice(ts, te);
    node.text = unescape(text);
    if (!anonymous) node.refname = normalizeName(node.text);
    return { start: b, end: textend, nodes: [node as Inline], next: textend };
  }

  // ---------------------------------------------------------------- standalone URIs and e-mail addresses

  private curLo = 0;
  private _memoBest?: PosMemo;
  private _memoCont?: PosMemo;
  private _memoHost?: PosMemo;
  /** Keys: run ends R (at most n). */
  private get memoBest(): PosMemo { return (this._memoBest ??= this.memo(0, this.n + 1)); }
  /** Keys: R * 4 + query/fragment flags. */
  private get memoCont(): PosMemo { return (this._memoCont ??= this.memo(1, 4 * this.n + 4)); }
  /** Keys: '@' positions. */
  private get memoHost(): PosMemo { return (this._memoHost ??= this.memo(2, this.n + 1)); }
  /** The parser started by parseInline reuses three shared memos (emptied for it); helper parsers get their own. */
  private memo(slot: number, size: number): PosMemo {
    return (this.scratch ? scratchMemo[slot] : new PosMemo()).reset(size);
  }

  /**
   * Text run [lo, hi) between inline constructs: docutils `implicit_inline`.
   *
   * A standalone URI can only start in the run of scheme characters right before a ':', and an e-mail
   * address only in the chain of name characters right before an '@' (anywhere else the scheme or the
   * name would end on some other character). So the loop visits only these "zones", in order, and does
   * at each of their positions what docutils' leftmost search does; positions outside them are skipped
   * (in junk text with many colons the loop over every character was half the inline parser's time).
   */
  private implicit(lo: number, hi: number): void {
    if (hi <= lo) return;
    // Fast path: a URI needs ':' and an e-mail address '@'.
    if (this.nextSpecial(lo) >= hi) {
      this.out.push(this.text(lo, hi));
      return;
    }
    // Memo keys (run ends, '@' positions) lie inside (lo, hi], so runs never share keys: no clearing needed.
    this.curLo = lo;
    const E = this.E, F = this.F;
    let textStart = lo;
    let anchor = lo;
    // URI zone [uStart, uEnd): scheme characters before the ':' at uEnd; e-mail zone [eStart, eEnd): the
    // name chain before the '@' at eEnd. Only their parts at or after the current position are kept.
    let uStart = hi, uEnd = -1, eStart = hi, eEnd = -1;
    for (let p = lo; p < hi;) {
      if (p >= uEnd) {
        uEnd = this.colonFrom(p + 1);
        if (uEnd >= hi) uStart = uEnd = hi;
        else {
          let k = uEnd;
          while (k > p && (F[k - 1] & F_SCHEME) !== 0) k--;
          uStart = k;
        }
      }
      if (p >= eEnd) {
        eStart = eEnd = hi;
        for (let a = this.atFrom(p + 1); a < hi; a = this.atFrom(a + 1)) {
          const k = this.nameChainStart(a, p);
          if (k < a) { eStart = k; eEnd = a; break; }
        }
      }
      const z = Math.min(Math.max(uStart, p), Math.max(eStart, p));
      if (z >= hi) break;
      p = z;
      const f = F[p];
      if ((f & (F_LETTER | F_EMAILC)) === 0 || !(p === anchor || (F[p - 1] & F_PREFIX) !== 0)) { p++; continue; }
      let end = -1;
      let email = false;
      if ((f & F_LETTER) !== 0 && p >= uStart && p < uEnd) {
        end = this.uriSeg(uEnd + 1, hi, true, true);
        if (end >= 0) {
          const scheme = E.slice(p, uEnd).toLowerCase();
          if (!URI_SCHEMES.has(scheme)) {
            // docutils raises MarkupMismatch: the rest of this text run stays plain text
            break;
          }
        }
      }
      if (end < 0 && (f & F_EMAILC) !== 0 && p >= eStart && p < eEnd) {
        end = this.emailHost(eEnd, hi);
        email = end >= 0;
      }
      if (end < 0) { p++; continue; }
      if (p > textStart) this.out.push(this.text(textStart, p));
      const t = unescape(E.slice(p, end));
      const sp = this.span(p, end);
      this.out.push({
        type: 'reference', kind: email ? 'email' : 'standalone', start: sp.start, end: sp.end, text: t, textSpan: sp,
        url: (email ? 'mailto:' : '') + t, urlSpan: sp, embedded: false,
      });
      textStart = anchor = p = end;
    }
    if (hi > textStart) this.out.push(this.text(textStart, hi));
  }

  /**
   * Start of the e-mail name chain (docutils `emailc+(\.emailc+)*`) that ends right before the '@' at `at`,
   * not looking below `lo`; `at` when there is none (or the '@' is escaped, which docutils does not match).
   */
  private nameChainStart(at: number, lo: number): number {
    const E = this.E, F = this.F;
    let k = at;
    if (k - 1 < lo || (F[k - 1] & F_EMAILC) === 0 || E.charCodeAt(k - 1) === 0) return at;
    k--;
    for (;;) {
      if (k - 1 >= lo && (F[k - 1] & F_EMAILC) !== 0) k--;
      else if (k - 2 >= lo && E.charCodeAt(k - 1) === 46 && (F[k - 2] & F_EMAILC) !== 0) k -= 2;
      else return k;
    }
  }

  private nextColon = -2;
  private nextAt = -2;
  /** First index >= i holding ':' or '@' (n if none); queries come in increasing order, so this is linear. */
  private nextSpecial(i: number): number {
    return Math.min(this.colonFrom(i), this.atFrom(i));
  }

  /** First ':' at or after i (n if none): a forward-only cursor (queries never go back). */
  private colonFrom(i: number): number {
    if (this.nextColon !== -1 && this.nextColon < i) this.nextColon = this.E.indexOf(':', i);
    return this.nextColon < 0 ? this.n : this.nextColon;
  }

  /** First '@' at or after i (n if none): a forward-only cursor like colonFrom. */
  private atFrom(i: number): number {
    if (this.nextAt !== -1 && this.nextAt < i) this.nextAt = this.E.indexOf('@', i);
    return this.nextAt < 0 ? this.n : this.nextAt;
  }

  private uriEndOK(k: number, hi: number): boolean {
    const f = this.F[k];
    return (f & F_URILAST) !== 0 || ((f & F_URIC) !== 0 && k + 1 < hi && this.E[k + 1] === '>');
  }

  /** `uric* uri_end` starting at a (optionally followed by ?query and #fragment), then end suffix: end or -1. */
  private uriSeg(a: number, hi: number, allowQ: boolean, allowF: boolean): number {
    const E = this.E;
    const R = Math.min(this.uricEnd(a), hi);
    if (R <= a) return -1;
    const key = R * 4 + (allowQ ? 2 : 0) + (allowF ? 1 : 0);
    let cont = this.memoCont.get(key);
    if (cont === undefined) {
      cont = -1;
      if (this.uriEndOK(R - 1, hi)) {
        if (R < hi && allowQ && E[R] === '?') cont = this.uriSeg(R + 1, hi, false, true);
        if (cont < 0 && R < hi && allowF && E[R] === '#') cont = this.uriSeg(R + 1, hi, false, false);
        if (cont < 0 && this.suffixOK(R, hi)) cont = R;
      }
      this.memoCont.set(key, cont);
    }
    if (cont >= 0) return cont;
    let best = this.memoBest.get(R);
    if (best === undefined) {
      best = -1;
      for (let e = R - 1; e - 1 >= this.curLo && (this.F[e - 1] & F_URIC) !== 0; e--) {
        if (this.uriEndOK(e - 1, hi) && this.suffixOK(e, hi)) { best = e; break; }
      }
      this.memoBest.set(R, best);
    }
    return best >= a + 1 ? best : -1;
  }

  /** docutils' e-mail pattern after the name: the host part after the '@' at `at`; end of the address or -1. */
  private emailHost(at: number, hi: number): number {
    const E = this.E, F = this.F;
    if (at >= hi || E[at] !== '@' || E[at - 1] === '\0') return -1;
    let res = this.memoHost.get(at);
    if (res !== undefined) return res;
    res = -1;
    const h = at + 1;
    if (h < hi && (F[h] & F_EMAILC) !== 0) {
      const region = Math.min(this.hostEnd(h), hi);
      for (let k = Math.min(region, hi - 1); k >= h + 1; k--) {
        if (this.uriEndOK(k, hi) && this.suffixOK(k + 1, hi)) { res = k + 1; break; }
      }
    }
    this.memoHost.set(at, res);
    return res;
  }
}

/** An embedded URI with nothing for phraseRef to remove: no whitespace, no \x1c-\x1f, no escape. */
const RE_ALIAS_PLAIN = /^[^\s\x1c-\x1f\0]*$/u;

/** docutils.utils.escape2null: a backslash and the character after it become NUL and that character. */
export function escape2null(text: string): string {
  let i = text.indexOf('\\');
  if (i < 0) return text;
  // the pieces between escaping backslashes, joined once into a flat string: twice as fast as the
  // regular-expression replace /\\(.?)/gs -> '\0$1' on text full of backslashes (the 2 MB junk test)
  const parts: string[] = [];
  let last = 0;
  while (i >= 0) {
    parts.push(text.slice(last, i), '\0');
    last = i + 1; // the escaped character stays: it starts the next piece
    i = i + 1 < text.length ? text.indexOf('\\', i + 2) : -1;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** docutils `patterns.uri.match(s)` (absolute URI or e-mail at the start of s, scheme not checked). */
function uriMatchesAtStart(s: string): boolean {
  if (s.length === 0) return false;
  const p = new InlineParser(s, [{ start: 0, end: s.length }]) as unknown as {
    F: Uint16Array; schemeEnd(i: number): number; uriSeg(a: number, hi: number, q: boolean, f: boolean): number;
    emailHost(at: number, hi: number): number; emailNameEnd(i: number): number; E: string;
  };
  if ((p.F[0] & F_LETTER) !== 0) {
    const se = p.schemeEnd(0);
    if (se < s.length && p.E[se] === ':' && p.uriSeg(se + 1, s.length, true, true) >= 0) return true;
  }
  return (p.F[0] & F_EMAILC) !== 0 && p.emailHost(p.emailNameEnd(0), s.length) >= 0;
}

/** docutils `patterns.email.match(s)` anchored at both ends. */
function isEmail(s: string): boolean {
  return /^[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9]+(?:\.[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9]+)*@[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9]+(?:\.[-_!~*'{|}/#?^`&=+$%a-zA-Z0-9]*)*(?:[_~*/=+a-zA-Z0-9]|[-_.!~*'()[\];/:@&=+$,%a-zA-Z0-9](?=>))$/.test(s);
}

/** docutils.utils.urischemes.schemes */
const URI_SCHEMES = new Set(
  ('about acap addbook afp afs aim callto castanet chttp cid crid data dav dict dns eid fax feed file finger freenet ' +
    'ftp go gopher gsm-sms h323 h324 hdl hnews http https hydra iioploc ilu im imap info ior ipp irc iris.beep iseek ' +
    'jar javascript jdbc ldap lifn livescript lrq mailbox mailserver mailto md5 mid mocha modem mtqp mupdate news nfs ' +
    'nntp opaquelocktoken phone pop pop3 pres printer prospero rdar res rtsp rvp rwhois rx sdp service shttp sip sips ' +
    'smb snews snmp soap.beep soap.beeps ssh t120 tag tcp tel telephone telnet tftp tip tn3270 tv urn uuid vemmi ' +
    'videotex view-source wais whodp whois++ x-man-page xmlrpc.beep xmlrpc.beeps z39.50r z39.50s').split(' '),
);
