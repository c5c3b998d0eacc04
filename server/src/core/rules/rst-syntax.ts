import type { Rule, Message } from './rule';
import type { Paragraph, Problem, Section } from '../rst/ast';
import type { Severity, TextEdit } from '../types';
import { PROBLEM_KINDS, problemMessage } from '../rst/problems';
import { marks } from '../rst/walk';
import { linkSlips, normalizeName, type LinkSlip } from '../links';
import { columnWidth } from '../rst/width';
import { lineStartOf, newlineOf } from '../report/sectionEdits';
import { DIRECTIVE_SPECS } from '../rst/directiveSpecs';

const SEVERITY: Record<Problem['severity'], Severity> = { error: 'error', warning: 'warning', info: 'information' };

/**
 * docutils' INFO messages (level 1) are below its default report level: docutils and Sphinx do not show them, and
 * most are about intentional text (a list starting at 3, the same subsection title under two parents, table cells
 * that look like overlines). Only the INFO kinds that nearly always mean a slip are findings (severity information).
 */
export const SURFACED_INFO: ReadonlySet<string> = new Set([
  'possible-title-underline', // "Title\n===": the underline is too short, so it is not a title
  'definition-list-literal', // "::" then an indented line without a blank line: a definition list, not a literal block
]);

/** Parser problems that a link rule reports better (with a precise message and a fix) at the same place (asked once per kind, by kindInfo). */
function claimable(kind: string): ReadonlyArray<LinkSlip['kind']> {
  if (/duplicate.*target|target.*duplicate/.test(kind)) return ['duplicate-name'];
  if (/unknown.*(target|reference)/.test(kind)) return ['missing-space'];
  if (/unclosed|start.*without.*end|without-end|unmatched|unbalanced/.test(kind)) return ['unbalanced-close'];
  return [];
}

/** Is the problem at a link slip of one of these kinds? Slips are sorted by start and short; look at the few before p.end. */
function claimedBySlip(slips: readonly LinkSlip[], p: { start: number; end: number }, kinds: ReadonlyArray<LinkSlip['kind']>): boolean {
  let lo = 0;
  let hi = slips.length - 1;
  let idx = -1;
  const end = Math.max(p.end, p.start + 1);
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (slips[mid].start < end) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = idx; k >= 0 && k > idx - 8; k--) if (kinds.includes(slips[k].kind) && overlaps(p, slips[k])) return true;
  return false;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end || a.start === b.start;
}

/**
 * Every problem the parser reports (what docutils would warn about on the same text) becomes a finding
 * `rst.<kind>`, with docutils' severity (error, warning, info → information; INFO only for `SURFACED_INFO`). Also `rst.literal-block-expected`
 * for a `::` that ends a line inside a paragraph: the writer wanted a literal block, but without a blank line
 * the next lines stay in the paragraph and the `::` is printed.
 */
export const rule: Rule = {
  meta: {
    code: 'rst.syntax',
    description: {
      en: 'reStructuredText syntax problems, as docutils reports them (one code per kind: rst.<kind>).',
      nb: 'Syntaksproblemer i reStructuredText slik docutils rapporterer dem (én kode per type: rst.<type>).',
    },
    severity: 'warning',
    fixable: true,
    scope: 'all',
  },
  check(ctx) {
    const slips = ctx.parsed.problems.length ? linkSlips(ctx.parsed, ctx.text) : []; // sorted by start
    let dup: Set<string> | undefined;
    const duplicateNames = () => (dup ??= new Set(slips.filter((x) => x.kind === 'duplicate-name').map((x) => x.text)));
    // one walk, only when needed: sections for adornment fixes, paragraphs when a line ends with "::" before more text
    const needSections = ctx.parsed.problems.some((p) => p.kind === 'title-underline-too-short' || p.kind === 'title-overline-too-short');
    const needParagraphs = hasMidMarkerHint(ctx.text);
    const sections: Section[] = [];
    const paragraphs: Paragraph[] = [];
    if (needSections || needParagraphs) {
      // (literal blocks and comments hold no sections or paragraphs)
      const nodes = marks(ctx.parsed.tree); // sections and paragraphs are marks
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if (n.type === 'section') sections.push(n);
        else if (n.type === 'paragraph') paragraphs.push(n);
      }
    }
    for (const p of ctx.parsed.problems) {
      const info = kindInfo(p.kind);
      if (p.severity === 'info' && !info.surfaced) continue;
      const claims = info.claims;
      if (claims.length && claimedBySlip(slips, p, claims)) continue;
      // a name bound to two URLs: docutils reports the later binding, link.duplicate-name the one to make anonymous
      if (claims.includes('duplicate-name') && p.data?.name !== undefined && duplicateNames().has(normalizeName(String(p.data.name)))) continue;
      ctx.emit({
        code: info.code,
        start: p.start,
        end: Math.max(p.start, p.end),
        message: info.message ?? { en: problemMessage(p.kind, 'en', p.data), nb: problemMessage(p.kind, 'nb', p.data) },
        severity: SEVERITY[p.severity] ?? info.severity,
        fixes: fixFor(p, sections, ctx.text),
      });
    }
    if (needParagraphs) for (const para of paragraphs) checkMidParagraphMarker(ctx, para);
  },
};

interface KindInfo {
  /** `rst.<kind>`: one string per kind (a string built per finding is new each time, and every later lookup
   * by code, such as severity overrides and superseded codes, hashes it again). */
  code: string;
  claims: ReadonlyArray<LinkSlip['kind']>;
  /** An INFO kind that is a finding (SURFACED_INFO). */
  surfaced: boolean;
  /** The severity of the kind, for a problem without one. */
  severity: Severity;
  /** The message, when it has no placeholder (nearly all kinds): one object for all findings of the kind. */
  message?: Message;
}

/**
 * What every problem of a kind shares, looked up once per kind: the 2 MB junk file has 31,000 problems of 30
 * kinds, and building codes, messages and claims per problem was 45 ms of its validation.
 */
const KIND_INFO = new Map<string, KindInfo>();
function kindInfo(kind: string): KindInfo {
  let info = KIND_INFO.get(kind);
  if (info === undefined) {
    const known = Object.hasOwn(PROBLEM_KINDS, kind) ? PROBLEM_KINDS[kind] : undefined;
    const en = problemMessage(kind, 'en');
    const nb = problemMessage(kind, 'nb');
    info = {
      code: `rst.${kind}`,
      claims: claimable(kind),
      surfaced: SURFACED_INFO.has(kind),
      severity: SEVERITY[known?.severity ?? 'warning'],
      message: en.includes('{') || nb.includes('{') ? undefined : { en, nb },
    };
    if (KIND_INFO.size < 1000) KIND_INFO.set(kind, info);
  }
  return info;
}

/** Cheap prefilter: some line (not a directive's) ends with "::" and the next line has text. */
function hasMidMarkerHint(text: string): boolean {
  for (let i = text.indexOf('::'); i >= 0; i = text.indexOf('::', i + 2)) {
    let j = i + 2;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\r') j++;
    if (text[j] !== '\n') continue;
    j++;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (j >= text.length || text[j] === '\n' || text[j] === '\r') continue;
    let ls = i;
    while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
    if (/^[ \t]*\.\. /.test(text.slice(ls, Math.min(i, ls + 200)))) continue; // a directive line
    return true;
  }
  return false;
}

/**
 * Title adornment too short: lengthen it to the title's width. A misspelt directive option: the option meant.
 * Content right below a directive's options: the blank line before it (for a directive that takes content).
 */
function fixFor(p: Problem, sections: Section[], text: string) {
  if ((p.kind === 'directive-unknown-option' || p.kind === 'directive-option-choice') && typeof p.data?.suggestion === 'string') {
    // the option name or the choice that was meant, over the misspelt one
    const shown = p.kind === 'directive-unknown-option' ? `:${p.data.suggestion}:` : p.data.suggestion;
    return [{ title: { en: `Change to ${shown}`, nb: `Endre til ${shown}` }, edits: [{ start: p.start, end: p.end, newText: p.data.suggestion }], isPreferred: true }];
  }
  if (p.kind === 'directive-option-no-value') {
    // `:linenos: true`: the flag alone (its value and the space before it go)
    let from = p.start;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    return [{ title: { en: 'Remove the value (the option is a flag)', nb: 'Fjern verdien (valget er et flagg)' }, edits: [{ start: from, end: p.end, newText: '' }], isPreferred: true }];
  }
  if (p.kind === 'directive-invalid-option-block' && typeof p.data?.name === 'string' && DIRECTIVE_SPECS.get(p.data.name)?.[3]) {
    // the line after the options was meant as the content: a blank line must come first
    const ls = lineStartOf(text, p.start);
    const nl = newlineOf(text);
    return [{ title: { en: 'Add a blank line before the content', nb: 'Sett inn en blank linje før innholdet' }, edits: [{ start: ls, end: ls, newText: nl }], isPreferred: true }];
  }
  if (p.kind !== 'title-underline-too-short' && p.kind !== 'title-overline-too-short') return [];
  const s = sections.find((x) => overlaps(p, x.adornment.underlineSpan) || (x.adornment.overlineSpan && overlaps(p, x.adornment.overlineSpan)) || overlaps(p, x.titleSpan));
  if (!s) return [];
  const a = s.adornment;
  const ls = lineStartOf(text, s.titleSpan.start);
  // docutils warns when the adornment is shorter than column_width(title): wide characters count 2
  const titleWidth = columnWidth(text.slice(ls, s.titleSpan.end));
  const ulen = a.underlineSpan.end - a.underlineSpan.start;
  const olen = a.overline && a.overlineSpan ? a.overlineSpan.end - a.overlineSpan.start : 0;
  const want = Math.max(titleWidth, ulen, olen);
  const edits: TextEdit[] = [];
  if (a.overline && a.overlineSpan && olen !== want) edits.push({ start: a.overlineSpan.start, end: a.overlineSpan.end, newText: a.char.repeat(want) });
  if (ulen !== want) edits.push({ start: a.underlineSpan.start, end: a.underlineSpan.end, newText: a.char.repeat(want) });
  if (!edits.length) return [];
  return [{ title: { en: `Make the adornment ${want} characters long`, nb: `Gjør streken ${want} tegn lang` }, edits, isPreferred: true }];
}

/**
 * `text::` at the end of a line that is not the paragraph's last: docutils sees no literal block (it needs a blank
 * line and indentation) and prints "::". Fix: a blank line after the `::` line and the rest of the paragraph indented.
 */
function checkMidParagraphMarker(ctx: Parameters<Rule['check']>[0], para: Paragraph): void {
  const text = ctx.text;
  const src = text.slice(para.start, para.end);
  const re = /::[ \t]*(\r?\n)/g;
  const cursor = { i: 0 };
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const colon = para.start + m.index;
    const eol = colon + m[0].length - m[1].length;
    const next = eol + m[1].length;
    if (next >= para.end) break; // last line: a real literal-block marker, the parser checks the block after it
    // `::` inside inline literal or a role/URL on that line? Require it to end the visible text, after a non-space or alone
    if (text[colon - 1] === ':' || text[colon + 2] === ':') continue;
    if (insideInlineNode(para, colon, cursor)) continue;
    // the lines that follow, up to the paragraph's end, move into the literal block (one edit: blank line + indent)
    const rest = text.slice(next, para.end);
    const edits: TextEdit[] = [{ start: eol, end: para.end, newText: m[1] + m[1] + rest.replace(/^(?=[^\r\n])/gm, '  ') }];
    ctx.emit({
      code: 'rst.literal-block-expected',
      start: colon,
      end: colon + 2,
      severity: 'warning',
      message: {
        en: 'Literal block expected: "::" ends this line, but the text goes on in the same paragraph, so docutils prints "::" and makes no literal block. Add a blank line after it and indent the block.',
        nb: 'Forventet en litteral blokk: linjen slutter med «::», men teksten fortsetter i samme avsnitt, så docutils viser «::» og lager ingen litteral blokk. Sett inn en tom linje etter den og rykk inn blokken.',
      },
      fixes: [{ title: { en: 'Make the following lines a literal block', nb: 'Gjør linjene som følger til en litteral blokk' }, edits, isPreferred: true }],
    });
    break; // the rest of the paragraph becomes the literal block
  }
}

/** Is `offset` inside a non-text inline node of the paragraph? Offsets come in increasing order: `cursor` moves on. */
function insideInlineNode(para: Paragraph, offset: number, cursor: { i: number }): boolean {
  const kids = para.children;
  while (cursor.i < kids.length && kids[cursor.i].end <= offset) cursor.i++;
  const c = kids[cursor.i];
  return c !== undefined && c.start <= offset && c.type !== 'text';
}
