/**
 * Date lines of weekly reports (`av NAME, ORG, 31.juli 2017`): parsing with exact spans and
 * a precise failure reason, and formatting in a profile's format and language. Pure.
 */
import type { Span } from '../rst/ast';
import { isValidDate, type CalendarDate } from './isoweek';

export type DateLanguage = 'nb' | 'en';

export const MONTHS: Record<DateLanguage, readonly string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export const MONTHS_SHORT: Record<DateLanguage, readonly string[]> = {
  nb: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Lower-case month word (full or abbreviated, Norwegian or English) -> month 1..12. */
const MONTH_WORDS: Map<string, number> = (() => {
  const m = new Map<string, number>();
  for (const lang of ['nb', 'en'] as const) {
    MONTHS[lang].forEach((name, i) => m.set(name.toLowerCase(), i + 1));
    MONTHS_SHORT[lang].forEach((name, i) => m.set(name.toLowerCase(), i + 1));
  }
  m.set('sept', 9);
  return m;
})();

const WEEKDAYS = new Set([
  'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag', 'man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
]);

/** Month number of a month word (case-insensitive, trailing '.' ignored), or undefined. */
export function monthFromWord(word: string): number | undefined {
  return MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, ''));
}

export type DatePartName = 'day' | 'month' | 'year';

export interface DatePart extends Span {
  text: string;
  /** The number (day, month 1..12, year) when the part could be read. */
  value?: number;
}

export type DateStyle = 'name' | 'numeric' | 'iso';

export interface DateFailure {
  /** Which part is wrong: a date part, or the date as a whole (`date`). */
  part: DatePartName | 'date';
  reason: 'missing' | 'not-a-number' | 'unknown-month' | 'out-of-range' | 'no-such-day' | 'trailing-text' | 'unrecognised';
  /** Where the problem is (inside the date text, or an empty span where a part is missing). */
  span: Span;
  /** The offending text, if any. */
  text: string;
}

export interface ParsedDate {
  /** The date text (trimmed) and its span. */
  text: string;
  span: Span;
  day?: DatePart;
  month?: DatePart;
  year?: DatePart;
  style?: DateStyle;
  /** The calendar date when every part is valid. */
  date?: CalendarDate;
  failure?: DateFailure;
  /** Runs of more than one space (or tabs) inside the date text. */
  irregularSpaces: Span[];
}

export interface DateLine extends Span {
  /** The leading word ('av', 'by'), with its span. */
  prefix: string;
  prefixSpan: Span;
  author?: string;
  authorSpan?: Span;
  org?: string;
  orgSpan?: Span;
  date: ParsedDate;
  /** Runs of more than one space or tabs anywhere in the line. */
  irregularSpaces: Span[];
  /** Where a comma is missing between the name and the date (`av NAME 31.juli 2017`). */
  missingComma?: Span;
}

/** Leading words of a date line. */
export const DATE_LINE_PREFIXES = ['av', 'by'];

interface Tok { kind: 'num' | 'word' | 'sep'; text: string; start: number; end: number }

function isLetter(c: string): boolean {
  return /\p{L}/u.test(c);
}

function tokenize(s: string, base: number): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === ' ' || c === '\t' || c === '\u00a0') { i++; continue; }
    const j0 = i;
    if (c >= '0' && c <= '9') {
      while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
      toks.push({ kind: 'num', text: s.slice(j0, i), start: base + j0, end: base + i });
    } else if (isLetter(c)) {
      while (i < s.length && isLetter(s[i])) i++;
      toks.push({ kind: 'word', text: s.slice(j0, i), start: base + j0, end: base + i });
    } else {
      i++;
      toks.push({ kind: 'sep', text: c, start: base + j0, end: base + i });
    }
  }
  return toks;
}

function spacesRuns(s: string, base: number): Span[] {
  const out: Span[] = [];
  const re = /[ \t\u00a0]{2,}|\t/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

function part(t: Tok, value?: number): DatePart {
  return { start: t.start, end: t.end, text: t.text, value };
}

/**
 * Parse a date written as `31.juli 2017`, `31. juli 2017`, `06. aug 2016`, `31.07.2017`, `2017-07-31`,
 * `31 July 2017`, `July 31, 2017`. `offset` is added to every span (the date's position in the document).
 */
export function parseDate(text: string, offset = 0): ParsedDate {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const base = offset + lead;
  const res: ParsedDate = { text: trimmed, span: { start: base, end: base + trimmed.length }, irregularSpaces: spacesRuns(trimmed, base) };
  const toks = tokenize(trimmed, base);
  const end = base + trimmed.length;
  const fail = (p: DateFailure['part'], reason: DateFailure['reason'], t?: Tok | Span, txt?: string): ParsedDate => {
    const span = t ? { start: t.start, end: t.end } : { start: end, end };
    res.failure = { part: p, reason, span, text: txt ?? (t && 'text' in t ? (t as Tok).text : '') };
    return res;
  };
  if (toks.length === 0) return fail('date', 'missing');

  // a leading weekday (`mandag 31.juli 2017`, `Monday, 31 July 2017`) is allowed and ignored
  if (toks.length > 1 && toks[0].kind === 'word' && WEEKDAYS.has(toks[0].text.toLowerCase())) {
    toks.shift();
    const next: Tok | undefined = toks[0];
    if (next && next.kind === 'sep' && ',.'.includes(next.text)) toks.shift();
  }
  let k = 0;
  const sepIs = (chars: string): boolean => k < toks.length && toks[k].kind === 'sep' && chars.includes(toks[k].text);
  let dayTok: Tok | undefined;
  let monthTok: Tok | undefined;
  let yearTok: Tok | undefined;
  let monthValue: number | undefined;

  const t0 = toks[0];
  if (t0.kind === 'num' && t0.text.length === 4 && toks[1]?.text === '-') {
    // ISO 2017-07-31
    res.style = 'iso';
    yearTok = t0;
    k = 2;
    if (toks[k]?.kind !== 'num') return fail('month', toks[k] ? 'not-a-number' : 'missing', toks[k]);
    monthTok = toks[k++];
    if (!sepIs('-')) return fail('day', 'missing', toks[k]);
    k++;
    if (toks[k]?.kind !== 'num') return fail('day', toks[k] ? 'not-a-number' : 'missing', toks[k]);
    dayTok = toks[k++];
    monthValue = Number(monthTok.text);
  } else if (t0.kind === 'word') {
    // English month first: July 31, 2017
    monthTok = t0;
    monthValue = monthFromWord(t0.text);
    res.style = 'name';
    k = 1;
    if (sepIs('.')) k++;
    if (toks[k]?.kind !== 'num') {
      if (monthValue === undefined) return fail('date', 'unrecognised', t0);
      return fail('day', toks[k] ? 'not-a-number' : 'missing', toks[k]);
    }
    dayTok = toks[k++];
    if (sepIs(',.')) k++;
    if (toks[k]?.kind !== 'num') return fail('year', toks[k] ? 'not-a-number' : 'missing', toks[k]);
    yearTok = toks[k++];
  } else if (t0.kind === 'num') {
    dayTok = t0;
    k = 1;
    if (sepIs('./')) k++;
    const t = toks[k];
    if (!t) return fail('month', 'missing');
    if (t.kind === 'num' && (sepIsAt(toks, k + 1, './'))) {
      // numeric 31.07.2017
      res.style = 'numeric';
      monthTok = t;
      monthValue = Number(t.text);
      k += 2;
    } else if (t.kind === 'word') {
      res.style = 'name';
      monthTok = t;
      monthValue = monthFromWord(t.text);
      k++;
      if (sepIs('.,')) k++;
    } else if (t.kind === 'num') {
      return fail('month', 'missing', { start: t.start, end: t.start }, '');
    } else {
      return fail('month', 'unknown-month', t);
    }
    if (toks[k]?.kind !== 'num') return fail('year', toks[k] ? 'not-a-number' : 'missing', toks[k]);
    yearTok = toks[k++];
  } else {
    return fail('date', 'unrecognised', t0);
  }

  res.day = part(dayTok, Number(dayTok.text));
  res.month = part(monthTok, monthValue);
  res.year = part(yearTok, Number(yearTok.text));

  if (k < toks.length) {
    // trailing '.' after the year is tolerated
    if (!(k === toks.length - 1 && toks[k].text === '.')) {
      const last = toks[toks.length - 1];
      return fail('date', 'trailing-text', { start: toks[k].start, end: last.end }, text.slice(toks[k].start - offset, last.end - offset));
    }
  }
  if (monthValue === undefined) return fail('month', 'unknown-month', monthTok);
  if (monthValue < 1 || monthValue > 12) return fail('month', 'out-of-range', monthTok);
  if (yearTok.text.length !== 4) return fail('year', 'out-of-range', yearTok);
  const day = Number(dayTok.text);
  if (day < 1 || day > 31 || dayTok.text.length > 2) return fail('day', 'out-of-range', dayTok);
  const date = { year: Number(yearTok.text), month: monthValue, day };
  if (!isValidDate(date)) return fail('day', 'no-such-day', dayTok);
  res.date = date;
  return res;
}

function sepIsAt(toks: Tok[], k: number, chars: string): boolean {
  return k < toks.length && toks[k].kind === 'sep' && chars.includes(toks[k].text) && toks[k + 1]?.kind === 'num';
}

/**
 * Recognise a date line: `av NAME, ORG, DATE` (also `by …`). `line` is one line of text without its
 * line break; `offset` is its position in the document. Returns undefined when the line does not start
 * with a date-line prefix followed by a space.
 */
export function parseDateLine(line: string, offset = 0): DateLine | undefined {
  const m = /^(\s*)(\S+)\s/.exec(line);
  if (!m || !DATE_LINE_PREFIXES.includes(m[2].toLowerCase())) return undefined;
  const prefixStart = m[1].length;
  const prefixEnd = prefixStart + m[2].length;
  const rest = line.slice(prefixEnd);
  const pieces: Array<{ text: string; start: number }> = [];
  let pos = prefixEnd;
  for (const piece of rest.split(',')) {
    pieces.push({ text: piece, start: pos });
    pos += piece.length + 1;
  }
  const trimmedSpan = (p: { text: string; start: number }): { text: string; span: Span } => {
    const lead = p.text.length - p.text.trimStart().length;
    const t = p.text.trim();
    return { text: t, span: { start: offset + p.start + lead, end: offset + p.start + lead + t.length } };
  };
  const res: DateLine = {
    start: offset + prefixStart,
    end: offset + line.trimEnd().length,
    prefix: m[2],
    prefixSpan: { start: offset + prefixStart, end: offset + prefixEnd },
    date: undefined as unknown as ParsedDate,
    irregularSpaces: spacesRuns(line.trimEnd(), offset).filter((s) => s.start >= offset + prefixStart),
  };
  if (pieces.length === 1) {
    // no comma: `av NAME 31.juli 2017` (comma missing) or `av NAME` (date missing)
    const tail = /(?:\d{1,2}\.?[ \t]*\p{L}+\.?[ \t]*\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.[ \t]*\d{1,2}\.[ \t]*\d{4})[ \t]*$/u.exec(rest);
    if (tail && tail.index > 0 && /\S/.test(rest.slice(0, tail.index))) {
      const a = trimmedSpan({ text: rest.slice(0, tail.index), start: prefixEnd });
      res.author = a.text;
      res.authorSpan = a.span;
      res.missingComma = { start: a.span.end, end: a.span.end };
      res.date = parseDate(tail[0].trimEnd(), offset + prefixEnd + tail.index);
      return res;
    }
    const a = trimmedSpan(pieces[0]);
    res.author = a.text;
    res.authorSpan = a.span;
    res.date = parseDate('', res.end);
    return res;
  }
  const a = trimmedSpan(pieces[0]);
  res.author = a.text;
  res.authorSpan = a.span;
  if (pieces.length > 2) {
    const first = pieces[1];
    const last = pieces[pieces.length - 2];
    const orgRaw = { text: line.slice(first.start, last.start + last.text.length), start: first.start };
    const o = trimmedSpan(orgRaw);
    res.org = o.text;
    res.orgSpan = o.span;
  }
  const d = pieces[pieces.length - 1];
  res.date = parseDate(d.text.trimEnd(), offset + d.start);
  return res;
}

/**
 * Format a date. Tokens: `D` (day), `DD` (day, two digits), `M`, `MM` (month number), `MMM` (abbreviated
 * month name), `MMMM` (month name), `YYYY` (year); anything else is literal. Norwegian month names are
 * lower case, English ones capitalised.
 */
export function formatDate(d: CalendarDate, format: string, language: DateLanguage): string {
  return format.replace(/YYYY|MMMM|MMM|MM|M|DD|D/g, (tok) => {
    switch (tok) {
      case 'YYYY': return String(d.year).padStart(4, '0');
      case 'MMMM': return MONTHS[language][d.month - 1];
      case 'MMM': return MONTHS_SHORT[language][d.month - 1];
      case 'MM': return String(d.month).padStart(2, '0');
      case 'M': return String(d.month);
      case 'DD': return String(d.day).padStart(2, '0');
      default: return String(d.day);
    }
  });
}

/** The default date format of the 2017–2019 reports: `31.juli 2017`. */
export const DEFAULT_DATE_FORMAT = 'D.MMMM YYYY';

/** A whole date line: `av NAME, ORG, 31.juli 2017`. */
export function formatDateLine(author: string, org: string | undefined, d: CalendarDate, format: string, language: DateLanguage, prefix?: string): string {
  const p = prefix ?? (language === 'nb' ? 'av' : 'by');
  return `${p} ${author}${org ? ', ' + org : ''}, ${formatDate(d, format, language)}`;
}

/** English/Norwegian description of a failure, e.g. "the month ‘juyl’ is not a month name". */
export function describeFailure(f: DateFailure): { en: string; nb: string } {
  const partName = {
    en: { day: 'day', month: 'month', year: 'year', date: 'date' }[f.part],
    nb: { day: 'dagen', month: 'måneden', year: 'året', date: 'datoen' }[f.part],
  };
  const q = (s: string): string => `‘${s}’`;
  switch (f.reason) {
    case 'missing':
      return { en: `the ${partName.en} is missing`, nb: `${partName.nb} mangler` };
    case 'not-a-number':
      return { en: `the ${partName.en} ${q(f.text)} is not a number`, nb: `${partName.nb} ${q(f.text)} er ikke et tall` };
    case 'unknown-month':
      return { en: `the month ${q(f.text)} is not a month name`, nb: `måneden ${q(f.text)} er ikke et månedsnavn` };
    case 'out-of-range':
      return f.part === 'year'
        ? { en: `the year ${q(f.text)} does not have four digits`, nb: `året ${q(f.text)} har ikke fire sifre` }
        : { en: `the ${partName.en} ${q(f.text)} is out of range`, nb: `${partName.nb} ${q(f.text)} er utenfor gyldig område` };
    case 'no-such-day':
      return { en: `the day ${q(f.text)} does not exist in that month`, nb: `dagen ${q(f.text)} finnes ikke i den måneden` };
    case 'trailing-text':
      return { en: `unexpected text ${q(f.text)} after the date`, nb: `uventet tekst ${q(f.text)} etter datoen` };
    default:
      return { en: `${q(f.text)} is not a date`, nb: `${q(f.text)} er ikke en dato` };
  }
}

/**
 * The date format a team actually writes, read back from one of its date lines: `25. februar 2019` →
 * `D. MMMM YYYY` (tokens of `formatDate`), `05.februar 2018` → `DD.MMMM YYYY`,
 * `1. aug 2016` → `D. MMM YYYY`, `31.07.2017` → `DD.MM.YYYY`.
 */
export interface InferredFormat {
  format: string;
  language: DateLanguage;
}

/** Replace the parsed parts of a valid date text by format tokens. Undefined when the date is not valid. */
export function inferDateFormat(d: ParsedDate): InferredFormat | undefined {
  if (!d.date || !d.day || !d.month || !d.year) return undefined;
  const base = d.span.start;
  const iso = d.style === 'iso';
  const dayTok = iso || (d.day.text.length === 2 && d.day.value! < 10) ? 'DD' : 'D';
  let monthTok: string;
  let language: DateLanguage = 'nb';
  if (d.style === 'name') {
    const w = d.month.text.toLowerCase();
    const en = MONTHS.en.some((m) => m.toLowerCase() === w) || MONTHS_SHORT.en.some((m) => m.toLowerCase() === w);
    const nb = MONTHS.nb.some((m) => m === w) || MONTHS_SHORT.nb.some((m) => m === w);
    language = en && !nb ? 'en' : 'nb';
    monthTok = MONTHS[language].some((m) => m.toLowerCase() === w) ? 'MMMM' : 'MMM';
  } else {
    monthTok = iso || (d.month.text.length === 2 && d.month.value! < 10) ? 'MM' : 'M';
  }
  const parts = [
    { start: d.day.start - base, end: d.day.end - base, tok: dayTok },
    { start: d.month.start - base, end: d.month.end - base, tok: monthTok },
    { start: d.year.start - base, end: d.year.end - base, tok: 'YYYY' },
  ].sort((a, b) => b.start - a.start);
  let f = d.text;
  for (const p of parts) f = f.slice(0, p.start) + p.tok + f.slice(p.end);
  // Separators only: runs of spaces collapse to one (`6.mai  2026` is a slip, not a format).
  f = f.replace(/\s+/g, ' ');
  if (/[^DMY.\-/, ]/.test(f)) return undefined;
  return { format: f, language };
}
