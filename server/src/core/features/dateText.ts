/**
 * Date texts as the reports write them (`25. februar 2019`, `22.januar 2018`, `1. aug 2016`, `31.07.2017`,
 * `2017-07-31`): parse one, detect its style, and format another date in the same style.
 *
 * Authoring's own helper (pure). The report model (R) owns the date-line *rules*; when it exports an
 * equivalent formatter this file should delegate to it.
 */
import type { CalendarDate } from '../report/isoweek';
import { isValidDate } from '../report/isoweek';

export type DateLocale = 'nb' | 'en';

export const MONTHS: Record<DateLocale, string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export const MONTHS_SHORT: Record<DateLocale, string[]> = {
  nb: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export interface DateStyle {
  kind: 'text' | 'numeric' | 'iso';
  /** `05.` rather than `5.` */
  zeroPad: boolean;
  /** `25. februar` rather than `25.februar` (text kind only). */
  spaceAfterDot: boolean;
  /** `aug` rather than `august` (text kind only). */
  abbreviated: boolean;
  locale: DateLocale;
}

/** The style of the newest corpus reports (2019, 2021): `25. februar 2019`. */
export const DEFAULT_DATE_STYLE: DateStyle = { kind: 'text', zeroPad: false, spaceAfterDot: true, abbreviated: false, locale: 'nb' };

/** Look up a month word (full or abbreviated, Norwegian or English, any case, optional trailing '.'). */
export function monthFromWord(word: string): { month: number; locale: DateLocale; abbreviated: boolean } | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const locale of ['nb', 'en'] as DateLocale[]) {
    const full = MONTHS[locale].findIndex((m) => m.toLowerCase() === w);
    if (full >= 0) return { month: full + 1, locale, abbreviated: false };
  }
  for (const locale of ['nb', 'en'] as DateLocale[]) {
    const short = MONTHS_SHORT[locale].findIndex((m) => m.toLowerCase() === w);
    if (short >= 0) return { month: short + 1, locale, abbreviated: true };
  }
  // "sept", "des." …
  if (w === 'sept') return { month: 9, locale: 'nb', abbreviated: true };
  return undefined;
}

export interface ParsedDateText {
  date: CalendarDate;
  style: DateStyle;
  /** Offsets of the date inside the searched text. */
  start: number;
  end: number;
}

const TEXT_DATE = /(\d{1,2})\.(\s*)([A-Za-zÆØÅæøå]+)\.?\s+(\d{4})/;
const NUMERIC_DATE = /(\d{1,2})\.(\d{1,2})\.(\d{4})/;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/;

/** Find and parse the first date in `text` (a date line or its last part). */
export function parseDateText(text: string): ParsedDateText | undefined {
  let m = ISO_DATE.exec(text);
  if (m) {
    const date = { year: +m[1], month: +m[2], day: +m[3] };
    if (isValidDate(date)) return { date, style: { ...DEFAULT_DATE_STYLE, kind: 'iso', zeroPad: true }, start: m.index, end: m.index + m[0].length };
  }
  m = NUMERIC_DATE.exec(text);
  if (m) {
    const date = { year: +m[3], month: +m[2], day: +m[1] };
    if (isValidDate(date)) {
      return { date, style: { ...DEFAULT_DATE_STYLE, kind: 'numeric', zeroPad: m[1].length === 2 }, start: m.index, end: m.index + m[0].length };
    }
  }
  m = TEXT_DATE.exec(text);
  if (m) {
    const month = monthFromWord(m[3]);
    if (month) {
      const date = { year: +m[4], month: month.month, day: +m[1] };
      if (isValidDate(date)) {
        return {
          date,
          style: { kind: 'text', zeroPad: m[1].length === 2 && +m[1] < 10, spaceAfterDot: m[2].length > 0, abbreviated: month.abbreviated, locale: month.locale },
          start: m.index,
          end: m.index + m[0].length,
        };
      }
    }
  }
  return undefined;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function formatDateText(d: CalendarDate, style: DateStyle = DEFAULT_DATE_STYLE): string {
  switch (style.kind) {
    case 'iso':
      return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
    case 'numeric':
      return `${style.zeroPad ? pad2(d.day) : d.day}.${pad2(d.month)}.${d.year}`;
    default: {
      const names = style.abbreviated ? MONTHS_SHORT[style.locale] : MONTHS[style.locale];
      const day = style.zeroPad ? pad2(d.day) : String(d.day);
      return `${day}.${style.spaceAfterDot ? ' ' : ''}${names[d.month - 1]} ${d.year}`;
    }
  }
}

export interface DateLine {
  /** The leading word as written (`av`, `Av`, `by`). */
  prefix: string;
  author: string;
  /** Organisation (middle part), '' when absent. */
  org: string;
  dateText: string;
  parsed?: ParsedDateText;
}

/** `av NAME, ORG, DATE` (also `Av`, `by`). */
export function parseDateLine(line: string): DateLine | undefined {
  const m = /^\s*(av|Av|AV|by|By)\s+(.+)$/.exec(line);
  if (!m) return undefined;
  const parts = m[2].split(',').map((s) => s.trim());
  if (parts.length < 2) return undefined;
  const dateText = parts[parts.length - 1];
  const parsed = parseDateText(dateText);
  if (!parsed && !/\d/.test(dateText)) return undefined;
  return { prefix: m[1], author: parts[0], org: parts.slice(1, -1).join(', '), dateText, parsed };
}

export function formatDateLine(author: string, org: string, date: CalendarDate, style: DateStyle = DEFAULT_DATE_STYLE, prefix = 'av'): string {
  const by = prefix;
  return `${by} ${author}${org ? ', ' + org : ''}, ${formatDateText(date, style)}`;
}
