/** Helpers for fixes that write headings and lines into a report. Pure. */
import type { Section } from '../rst/ast';
import type { ReportModel } from './model';
import { columnWidth } from '../rst/width';

export interface HeadingStyle {
  char: string;
  overline: boolean;
}

/** The line break used by the text ('\r\n' when its first line break is one). */
export function newlineOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Display width as docutils measures a title against its adornment (wide characters 2, combining 0). */
export { columnWidth };

/** The adornment style of the report's sections: that of an existing report-level section, else one that differs from the title's. */
export function reportSectionStyle(model: ReportModel): HeadingStyle {
  const first = model.sections[0]?.node;
  if (first) return { char: first.adornment.char, overline: first.adornment.overline };
  const t = model.title?.node.adornment;
  if (!t) return { char: '=', overline: false };
  if (t.overline) return { char: t.char, overline: false };
  return { char: t.char === '-' ? '~' : '-', overline: false };
}

/** A heading: optional overline, title, underline (each ending with `nl`). */
export function headingText(title: string, style: HeadingStyle, nl: string): string {
  const line = style.char.repeat(Math.max(columnWidth(title), 1));
  return (style.overline ? line + nl : '') + title + nl + line + nl;
}

/** Number of line breaks directly before `offset` (ignoring spaces/tabs on blank lines). */
export function newlinesBefore(text: string, offset: number): number {
  let n = 0;
  let i = offset;
  while (i > 0) {
    const c = text[i - 1];
    if (c === '\n') { n++; i--; if (text[i - 1] === '\r') i--; }
    else if (c === '\r' || c === ' ' || c === '\t') i--;
    else break;
  }
  return i === 0 ? 2 : n;
}

/** End of the section's heading (after the underline). */
export function headingEnd(s: Section): number {
  return s.adornment.underlineSpan.end;
}

export interface RawHeading {
  overline?: { start: number; end: number };
  title: { start: number; end: number };
  underline: { start: number; end: number };
  char: string;
}

const ADORNMENT = /^([!-\/:-@\[-`{-~])\1*[ \t]*$/;

/**
 * The first heading of a document read line by line, for titles the parser rejected (overline and
 * underline of different lengths, or an underline too short to count): only the first lines are read.
 */
export function rawFirstHeading(text: string): RawHeading | undefined {
  const lines: Array<{ start: number; end: number; text: string }> = [];
  let pos = 0;
  while (lines.length < 3 && pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const t = text.slice(pos, end).replace(/\r$/, '');
    if (lines.length > 0 || t.trim() !== '') lines.push({ start: pos, end: pos + t.length, text: t });
    if (end >= text.length) break;
    pos = end + 1;
    if (pos > 4000) break;
  }
  const adorn = (l: { text: string } | undefined): string | undefined => (l && ADORNMENT.test(l.text) ? l.text[0] : undefined);
  const trimmed = (l: { start: number; end: number; text: string }) => ({ start: l.start, end: l.start + l.text.trimEnd().length });
  const [a, b, c] = lines;
  const ca = adorn(a);
  if (ca && b && b.text.trim() !== '' && !adorn(b) && adorn(c) === ca) {
    const ts = b.start + (b.text.length - b.text.trimStart().length);
    return { overline: trimmed(a), title: { start: ts, end: b.start + b.text.trimEnd().length }, underline: trimmed(c), char: ca };
  }
  const cb = adorn(b);
  if (a && !ca && cb && (!c || c.text.trim() === '')) return { title: trimmed(a), underline: trimmed(b), char: cb };
  return undefined;
}
