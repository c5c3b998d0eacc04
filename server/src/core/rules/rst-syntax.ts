import type { Rule, Message } from './rule';
import type { Paragraph, Problem, Section } from '../rst/ast';
import type { Severity, TextEdit } from '../types';
import { PROBLEM_KINDS, problemMessage } from '../rst/problems';
import { walk } from '../rst/walk';
import { linkSlips, type LinkSlip } from '../links';

const SEVERITY: Record<Problem['severity'], Severity> = { error: 'error', warning: 'warning', info: 'information' };

/** Parser problems that a link rule reports better (with a precise message and a fix) at the same place. */
const CLAIMED_BY: Record<string, ReadonlyArray<LinkSlip['kind']>> = {};
function claimable(kind: string): ReadonlyArray<LinkSlip['kind']> {
  if (kind in CLAIMED_BY) return CLAIMED_BY[kind];
  let r: ReadonlyArray<LinkSlip['kind']> = [];
  if (/duplicate.*target|target.*duplicate/.test(kind)) r = ['duplicate-name'];
  else if (/unknown.*(target|reference)/.test(kind)) r = ['missing-space'];
  else if (/unclosed|start.*without.*end|without-end|unmatched|unbalanced/.test(kind)) r = ['unbalanced-close'];
  CLAIMED_BY[kind] = r;
  return r;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end || a.start === b.start;
}

/** Display width of a title line: code points, combining marks count 0 (as docutils' column_width, roughly). */
function width(s: string): number {
  let n = 0;
  for (const ch of s) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/**
 * Every problem the parser reports (what docutils would warn about on the same text) becomes a finding
 * `rst.<kind>`, with docutils' severity (error, warning, info → information). Also `rst.literal-block-expected`
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
    const slips = ctx.parsed.problems.length ? linkSlips(ctx.parsed, ctx.text) : [];
    const sections: Section[] = [];
    const paragraphs: Paragraph[] = [];
    walk(ctx.parsed.tree, (n) => {
      if (n.type === 'section') sections.push(n);
      else if (n.type === 'paragraph') paragraphs.push(n);
      else if (n.type === 'literal_block' || n.type === 'comment') return false;
      return undefined;
    });
    const literalExpected: Array<{ start: number; end: number }> = [];
    for (const p of ctx.parsed.problems) {
      const claims = claimable(p.kind);
      if (claims.length && slips.some((s) => claims.includes(s.kind) && overlaps(p, s))) continue;
      if (p.kind === 'literal-block-expected') literalExpected.push(p);
      const message: Message = { en: problemMessage(p.kind, 'en', p.data), nb: problemMessage(p.kind, 'nb', p.data) };
      const known = PROBLEM_KINDS[p.kind];
      ctx.emit({
        code: `rst.${p.kind}`,
        start: p.start,
        end: Math.max(p.start, p.end),
        message,
        severity: SEVERITY[p.severity] ?? SEVERITY[known?.severity ?? 'warning'],
        fixes: fixFor(p, sections, ctx.text),
      });
    }
    for (const para of paragraphs) checkMidParagraphMarker(ctx, para, literalExpected);
  },
};

/** Title adornment too short: lengthen it to the title's width. */
function fixFor(p: Problem, sections: Section[], text: string) {
  if (p.kind !== 'title-underline-too-short' && p.kind !== 'title-overline-too-short') return [];
  const s = sections.find((x) => overlaps(p, x.adornment.underlineSpan) || (x.adornment.overlineSpan && overlaps(p, x.adornment.overlineSpan)) || overlaps(p, x.titleSpan));
  if (!s) return [];
  const a = s.adornment;
  let ls = s.titleSpan.start;
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
  const titleWidth = width(text.slice(ls, s.titleSpan.end));
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
function checkMidParagraphMarker(ctx: Parameters<Rule['check']>[0], para: Paragraph, already: Array<{ start: number; end: number }>): void {
  const text = ctx.text;
  const src = text.slice(para.start, para.end);
  const re = /::[ \t]*(\r?\n)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const colon = para.start + m.index;
    const eol = colon + m[0].length - m[1].length;
    const next = eol + m[1].length;
    if (next >= para.end) break; // last line: a real literal-block marker, the parser checks the block after it
    // `::` inside inline literal or a role/URL on that line? Require it to end the visible text, after a non-space or alone
    if (text[colon - 1] === ':' || text[colon + 2] === ':') continue;
    if (already.some((a) => a.start <= colon && colon <= a.end + 1)) continue;
    if (insideInlineNode(para, colon)) continue;
    // the lines that follow, up to the paragraph's end, move into the literal block
    const edits: TextEdit[] = [{ start: eol, end: eol, newText: m[1] }];
    let i = next;
    while (i < para.end) {
      edits.push({ start: i, end: i, newText: '  ' });
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl + 1 >= para.end) break;
      i = nl + 1;
    }
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
  }
}

function insideInlineNode(para: Paragraph, offset: number): boolean {
  for (const c of para.children) {
    if (c.start <= offset && offset < c.end) return c.type !== 'text';
    if (c.start > offset) break;
  }
  return false;
}
