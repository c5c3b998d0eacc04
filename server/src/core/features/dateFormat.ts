/**
 * The date format a team actually writes, read back from one of its date lines: `25. februar 2019` →
 * `D. MMMM YYYY` (tokens of `formatDate` in report/dates.ts), `05.februar 2018` → `DD.MMMM YYYY`,
 * `1. aug 2016` → `D. MMM YYYY`, `31.07.2017` → `DD.MM.YYYY`. Pure; builds on R's date parser.
 */
import { MONTHS, MONTHS_SHORT, type DateLanguage, type ParsedDate } from '../report/dates';

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
