/**
 * Display width as docutils measures it (`utils.column_width`, `find_combining_chars`, and the tables'
 * `pad_double_width`): East Asian Wide and Fullwidth characters take two columns, combining characters
 * none. The code point tables come from Python's unicodedata (`unicodeWidth.ts`, generated).
 */
import { COMBINING, WIDE } from './unicodeWidth';

/** Below this code point (and UTF-16 unit), every character is one column, neither wide nor combining. */
export const FIRST_SPECIAL = Math.min(WIDE[0], COMBINING[0]);

/** Is cp in one of the [first, last] pairs of a flat, sorted range table? (binary search) */
function inRanges(table: readonly number[], cp: number): boolean {
  let lo = 0;
  let hi = (table.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[2 * mid]) hi = mid - 1;
    else if (cp > table[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** East Asian Width W or F (docutils pads such a character in tables and counts it twice in titles). */
export function isWide(cp: number): boolean {
  return cp >= WIDE[0] && inRanges(WIDE, cp);
}

/** A combining character (canonical combining class other than 0): no column of its own. */
export function isCombining(cp: number): boolean {
  return cp >= COMBINING[0] && inRanges(COMBINING, cp);
}

/** docutils `column_width`: per code point, 2 for wide characters and 1 for others, minus 1 for each combining one. */
export function columnWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < FIRST_SPECIAL) { w++; continue; }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += (isWide(cp) ? 2 : 1) - (isCombining(cp) ? 1 : 0);
  }
  return w;
}
