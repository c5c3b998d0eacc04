/**
 * docutils' line-length limit (docutils 0.17 and later, setting `line_length_limit`, default 10,000;
 * Sphinx keeps the default). When a line of the input is longer, docutils reports
 * "Line N exceeds the line-length-limit." (an ERROR) and parses nothing else, so Sphinx renders the page
 * as that error alone: a pasted base64 image or a long generated line loses the whole report.
 *
 * A line is what docutils' `string2lines` makes of the text: \v and \f become spaces, Python's
 * `str.splitlines()` splits it (at \n, \r, \r\n, and also \x1c-\x1e, \x85, \u2028, \u2029), tabs expand
 * to the next multiple of 8 columns and trailing whitespace is dropped; its length counts code points
 * (a character outside the BMP counts once). Only the first such line is reported, as docutils does.
 *
 * We report the problem but, unlike docutils, go on parsing: the editor keeps its outline, preview and
 * other findings, which describe the page as it will be once the line is shorter.
 */
import type { Problem } from './ast';
import { isPythonLineBreakNotLF, isPythonSpace } from './pyStr';

export const LINE_LENGTH_LIMIT = 10000;

/** The problem for the first line longer than the limit, or undefined. Linear; most texts return at once. */
export function lineLengthProblem(src: string): Problem | undefined {
  const limit = LINE_LENGTH_LIMIT; // (the messages in problems.ts name it)
  // a line of n UTF-16 units is at most 8n columns long (tabs), and never longer than n otherwise
  if (src.length * 8 <= limit) return undefined;
  const tabCandidate = Math.floor(limit / 8);
  // the next tab at or after the line looked at (-2: not searched yet, -1: none); searched for only on
  // the rare lines that need it (a cursor updated on every line, even behind a test that stays false,
  // made V8's optimised code 1,000 times slower on a text without tabs)
  let nextTab = -2;
  for (let a = 0; a < src.length;) {
    let b = src.indexOf('\n', a);
    if (b < 0) b = src.length;
    const len = b - a;
    // only a line with more units than the limit, or with a tab and more than limit / 8 units, can be too long
    // (Python's other line boundaries only make lines shorter)
    let candidate = len > limit;
    if (!candidate && len > tabCandidate) {
      if (nextTab !== -1 && nextTab < a) nextTab = src.indexOf('\t', a);
      candidate = nextTab !== -1 && nextTab < b;
    }
    if (candidate) {
      const found = longLine(src, a, b, limit);
      if (found) {
        return {
          kind: 'line-length-limit', severity: 'error', start: found.start, end: found.end,
          data: { line: pythonLineNumber(src, found.start), limit },
        };
      }
    }
    a = b + 1;
  }
  return undefined;
}

/** The first docutils line inside [a, b) (no '\n' in it) longer than `limit`. */
function longLine(src: string, a: number, b: number, limit: number): { start: number; end: number } | undefined {
  let start = a;
  let col = 0; // columns so far (tabs expanded)
  let kept = 0; // columns up to the last non-whitespace character (rstrip)
  for (let i = a; i < b; i++) {
    const c = src.charCodeAt(i);
    if (isPythonLineBreakNotLF(c)) {
      if (kept > limit) return { start, end: i };
      col = kept = 0;
      start = i + 1;
      continue;
    }
    if (c === 9) {
      col += 8 - (col % 8);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < b) {
      const d = src.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++; // one code point
    }
    col++;
    if (!isPythonSpace(c)) kept = col;
  }
  return kept > limit ? { start, end: b } : undefined;
}

/** docutils' 1-based line number of the line starting at `offset` (Python's line boundaries; \r\n is one). */
function pythonLineNumber(src: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) {
    const c = src.charCodeAt(i);
    if (c === 10) n++;
    else if (isPythonLineBreakNotLF(c) && !(c === 13 && src.charCodeAt(i + 1) === 10)) n++;
  }
  return n;
}
