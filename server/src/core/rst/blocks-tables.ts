/**
 * Grid and simple tables, following docutils (parsers/rst/states.py isolate_*_table and
 * parsers/rst/tableparser.py). Owned by the block parser (P).
 *
 * Each cell's content is parsed as body elements by a child BlockParser whose "lines" are the cell's
 * per-line source ranges (cells are not contiguous in the source), so every offset stays exact.
 * Note: a cell spanning several lines is a rectangle; its flat [start, end) range may overlap the
 * ranges of neighbouring cells of the same row (and a row's range the next row's, with row spans).
 */
import type { Block, Span, Table, TableCell, TableRow } from './ast';
import { BlockParser, BodyCtx, Win } from './parser';
import { FIRST_SPECIAL, isCombining, isWide } from './width';

/** What the table parsers need from the block parser. */
export type TableHost = BlockParser;

const RE_GRID_TOP = /^\+-[-+]+-\+ *$/;
const RE_GRID_HEAD_SEP = /^\+=[=+]+=\+ *$/;
const RE_SIMPLE_BORDER = /^=+[ =]*$/;
const RE_SIMPLE_HEAD_SEP = /^=[ =]*$/;
const RE_SIMPLE_SPAN = /^-[ -]*$/;

class TableMarkupError extends Error {}

interface RawCell { top: number; left: number; bottom: number; right: number; morerows: number; morecols: number; row: number; col: number }

interface Geometry {
  /** Source line index of table line i. */
  line(i: number): number;
  /** Base column of table line i (the window column). */
  base(i: number): number;
  /** The table's lines as docutils measures them (positions), and where each position is in the line. */
  pos: PosLine[];
}

// ---------------------------------------------------------------- positions

/**
 * A table line as docutils measures it: one position per code point, and a pad position after each wide
 * character (`pad_double_width`, for East Asian text). `units[q]` is the line's UTF-16 index of position
 * q (a pad's is that of the character after it); `cols` lists the positions that are not combining
 * characters (docutils' `column_indices`, used when it cuts out a cell). Both are undefined for the usual
 * line, where positions are the UTF-16 indices.
 */
interface PosLine { text: string; units?: number[]; cols?: number[]; noCombining?: string }


function posLine(s: string): PosLine {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < FIRST_SPECIAL) i++; // (surrogates are above it too)
  if (i === s.length) return { text: s };
  let text = s.slice(0, i);
  const units: number[] = [];
  const cols: number[] = [];
  for (let q = 0; q < i; q++) { units.push(q); cols.push(q); }
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    if (!isCombining(cp)) cols.push(units.length);
    units.push(i);
    text += n === 2 ? 'x' : s[i]; // (an astral character is one position, and no table markup)
    if (isWide(cp)) {
      cols.push(units.length);
      units.push(i + n);
      text += '\0';
    }
    i += n;
  }
  units.push(s.length);
  const l: PosLine = { text, units, cols };
  // check_columns looks at the lines without their combining characters
  if (cols.length < units.length - 1) l.noCombining = cols.map((q) => text[q]).join('');
  return l;
}

/** UTF-16 index of position q of a line (q may be past its end). */
function unitOf(l: PosLine, q: number): number {
  if (!l.units) return q;
  const n = l.units.length - 1; // positions in the line
  return q <= n ? l.units[q] : l.units[n] + (q - n);
}

function malformed(p: BlockParser, ctx: BodyCtx, k: number, e: number, message: string): void {
  const w = ctx.w;
  const start = p.startOff(w, k);
  const end = p.le[e - 1];
  // like docutils, a malformed table produces no element, only the error (which quotes the text)
  p.problem('malformed-table', 'error', start, end, { message });
}

/** Parse the content of a cell given the table-relative rectangle of each of its lines. */
function cellBlocks(p: BlockParser, ctx: BodyCtx, segs: Span[]): Block[] {
  // an empty cell, or one plain line of text: no child parser needed
  const plain = p.plainCell(segs, ctx.depth + 1);
  if (plain) return plain;
  const child = new BlockParser(p.src, p, segs);
  try {
    let min = -1;
    for (let i = 0; i < child.n; i++) {
      const ind = child.indentOf(i);
      if (ind >= 0 && (min < 0 || ind < min)) min = ind;
    }
    if (min < 0) return [];
    const win: Win = { lo: 0, hi: child.n, col: min, fc: min };
    return child.body(win, false, ctx.depth + 1);
  } finally {
    child.releaseLineTables();
  }
}

/**
 * The source ranges of a cell's lines, cut as docutils' `get_2D_block` cuts them: positions [left, right)
 * through `column_indices`, which skips combining characters. (It also carries the shifted columns on to the
 * following lines, so a combining character shifts the cell's later lines too; kept, as docutils does it.)
 */
function cellSegs(p: BlockParser, g: Geometry, firstLine: number, lastLine: number, left0: number, right0: number): Span[] {
  const segs: Span[] = new Array(Math.max(0, lastLine - firstLine + 1)); // sized up front (a pushed-to array keeps room for 16 more)
  let left = left0;
  let right = right0;
  for (let i = firstLine; i <= lastLine; i++) {
    const L = g.line(i);
    const b = g.base(i);
    const pl = g.pos[i];
    if (pl.cols) {
      const extra = pl.text.length - pl.cols.length;
      left = left < pl.cols.length ? pl.cols[left] : left + extra;
      if (right >= 0) right = right < pl.cols.length ? pl.cols[right] : right + extra;
    }
    const s = p.off(L, b + unitOf(pl, left));
    const e = right < 0 ? p.le[L] : p.off(L, b + unitOf(pl, right));
    segs[i - firstLine] = { start: s, end: Math.max(s, e) };
  }
  return segs;
}

function buildRows(p: BlockParser, ctx: BodyCtx, rows: Array<Array<{ cell: TableCell }>>): TableRow[] {
  const out: TableRow[] = [];
  for (const r of rows) {
    if (r.length === 0) continue;
    const cells = r.map((c) => c.cell);
    let start = cells[0].start;
    let end = cells[0].end;
    for (const c of cells) { start = Math.min(start, c.start); end = Math.max(end, c.end); }
    out.push({ type: 'table_row', start, end, cells });
  }
  void p; void ctx;
  return out;
}

// ---------------------------------------------------------------- grid tables

/** Returns the next line index. */
export function parseGridTable(p: BlockParser, ctx: BodyCtx, k: number): number {
  const w = ctx.w;
  let e = k;
  let bf = true;
  while (e < w.hi && p.rel(w, e) === 0) e++;
  if (e < w.hi && p.rel(w, e) > 0) {
    const sp = p.lineSpan(e);
    p.problem('unexpected-indentation', 'error', sp.start, sp.end);
    bf = false;
  }
  const pos: PosLine[] = [];
  for (let i = k; i < e; i++) pos.push(posLine(p.txt(w, i).trim()));
  const block = pos.map((l) => l.text);
  const width = block[0].length;
  for (let i = 0; i < block.length; i++) {
    if (block[i][0] !== '+' && block[i][0] !== '|') { bf = false; block.length = i; e = k + i; break; }
  }
  if (!RE_GRID_TOP.test(block[block.length - 1])) {
    bf = false;
    let found = -1;
    for (let i = block.length - 2; i > 1; i--) if (RE_GRID_TOP.test(block[i])) { found = i; break; }
    if (found < 0) { malformed(p, ctx, k, e, 'Malformed table.'); return blankAfter(p, ctx, e, bf); }
    block.length = found + 1;
    e = k + found + 1;
  }
  for (const l of block) {
    if (l.length !== width || (l[l.length - 1] !== '+' && l[l.length - 1] !== '|')) {
      malformed(p, ctx, k, e, 'Malformed table.');
      return blankAfter(p, ctx, e, bf);
    }
  }
  const g: Geometry = { line: (i) => k + i, base: (i) => p.cOf(w, k + i), pos };
  try {
    const parsed = gridStructure(block);
    const rowsOut: Array<Array<{ cell: TableCell }>> = parsed.rowseps.slice(0, -1).map(() => []);
    for (const c of parsed.cells) {
      const segs = c.bottom - 1 >= c.top + 1 ? cellSegs(p, g, c.top + 1, c.bottom - 1, c.left + 1, c.right) : [];
      const children = cellBlocks(p, ctx, segs);
      const first = c.top + 1 <= c.bottom - 1 ? c.top + 1 : c.top;
      const start = p.off(g.line(first), g.base(c.top) + unitOf(pos[first], c.left + 1));
      const end = c.bottom - 1 >= c.top + 1 ? p.off(g.line(c.bottom - 1), g.base(c.bottom - 1) + unitOf(pos[c.bottom - 1], c.right)) : start;
      const cell: TableCell = { type: 'table_cell', start, end: Math.max(start, end), morecols: c.morecols, morerows: c.morerows, children };
      for (const ch of children) { cell.start = Math.min(cell.start, ch.start); cell.end = Math.max(cell.end, ch.end); }
      rowsOut[c.row].push({ cell });
    }
    for (const r of rowsOut) r.sort((a, b) => a.cell.start - b.cell.start);
    const rows = buildRows(p, ctx, rowsOut);
    const nHead = parsed.headRows;
    const headerRows: TableRow[] = [];
    const bodyRows: TableRow[] = [];
    // rows are indexed by row number; keep empty rows out (cannot happen in a complete parse)
    let ri = 0;
    for (let i = 0; i < rowsOut.length; i++) {
      if (rowsOut[i].length === 0) continue;
      (i < nHead ? headerRows : bodyRows).push(rows[ri++]);
    }
    const t: Table = { type: 'table', kind: 'grid', start: p.startOff(w, k), end: p.le[e - 1], header: headerRows, body: bodyRows, colWidths: parsed.colWidths };
    p.emit(ctx, t);
  } catch (err) {
    if (!(err instanceof TableMarkupError)) throw err;
    malformed(p, ctx, k, e, err.message);
  }
  return blankAfter(p, ctx, e, bf);
}

/** docutils warns "Blank line required after table." whenever the table did not end on a blank line. */
function blankAfter(p: BlockParser, ctx: BodyCtx, e: number, bf: boolean): number {
  if (!bf) {
    const line = e < ctx.w.hi && !p.blank(e) ? e : e - 1;
    const sp = p.lineSpan(line);
    p.problem('table-blank-line-required', 'warning', sp.start, sp.end);
  }
  return e;
}

/** docutils GridTableParser. */
function gridStructure(lines: string[]): { cells: RawCell[]; rowseps: number[]; colWidths: number[]; headRows: number } {
  const block = lines.slice();
  let headSep = -1;
  for (let i = 0; i < block.length; i++) {
    if (RE_GRID_HEAD_SEP.test(block[i])) {
      if (headSep >= 0) throw new TableMarkupError('Multiple head/body row separators; only one allowed.');
      headSep = i;
      block[i] = block[i].replace(/=/g, '-');
    }
  }
  if (headSep === 0 || headSep === block.length - 1) throw new TableMarkupError('The head/body row separator may not be the first or last line of the table.');
  const bottom = block.length - 1;
  const right = block[0].length - 1;
  const done: number[] = new Array(block[0].length).fill(-1);
  const rowsepSet = new Set<number>([0]);
  const colsepSet = new Set<number>([0]);
  const cells: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  let budget = 64 * block.length * block[0].length + 10000;
  const at = (r: number, c: number) => block[r][c];

  const scanUp = (top: number, left: number, bot: number): number[] | null => {
    const rs: number[] = [];
    for (let i = bot - 1; i > top; i--) {
      if (--budget < 0) throw new TableMarkupError('Malformed table.');
      if (at(i, left) === '+') rs.push(i); else if (at(i, left) !== '|') return null;
    }
    return rs;
  };
  const scanLeft = (top: number, left: number, bot: number, rgt: number): { rs: number[]; cs: number[] } | null => {
    const cs: number[] = [];
    const line = block[bot];
    for (let i = rgt - 1; i > left; i--) {
      if (--budget < 0) throw new TableMarkupError('Malformed table.');
      if (line[i] === '+') cs.push(i); else if (line[i] !== '-') return null;
    }
    if (line[left] !== '+') return null;
    const rs = scanUp(top, left, bot);
    return rs ? { rs, cs } : null;
  };
  const scanDown = (top: number, left: number, rgt: number): { bot: number; rs: number[]; cs: number[] } | null => {
    const rs: number[] = [];
    for (let i = top + 1; i <= bottom; i++) {
      if (--budget < 0) throw new TableMarkupError('Malformed table.');
      if (at(i, rgt) === '+') {
        rs.push(i);
        const r = scanLeft(top, left, i, rgt);
        if (r) return { bot: i, rs: rs.concat(r.rs), cs: r.cs };
      } else if (at(i, rgt) !== '|') return null;
    }
    return null;
  };
  const scanRight = (top: number, left: number) => {
    const cs: number[] = [];
    const line = block[top];
    for (let i = left + 1; i <= right; i++) {
      if (--budget < 0) throw new TableMarkupError('Malformed table.');
      if (line[i] === '+') {
        cs.push(i);
        const r = scanDown(top, left, i);
        if (r) return { bot: r.bot, rgt: i, rs: r.rs, cs: cs.concat(r.cs) };
      } else if (line[i] !== '-') return null;
    }
    return null;
  };

  // corners to visit, smallest (top, left) first: a binary min-heap of top * W + left (docutils re-sorts a list)
  const W = right + 2;
  const heap: number[] = [0];
  const push = (v: number) => {
    heap.push(v);
    let i = heap.length - 1;
    while (i > 0) { const pa = (i - 1) >> 1; if (heap[pa] <= heap[i]) break; [heap[pa], heap[i]] = [heap[i], heap[pa]]; i = pa; }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l] < heap[m]) m = l;
        if (r < heap.length && heap[r] < heap[m]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  const seen = new Set<number>([0]);
  while (heap.length) {
    const v = pop();
    const top = Math.floor(v / W);
    const left = v - top * W;
    if (top === bottom || left === right || top <= done[left]) continue;
    if (block[top][left] !== '+') continue;
    const r = scanRight(top, left);
    if (!r) continue;
    for (const x of r.rs) rowsepSet.add(x);
    for (const x of r.cs) colsepSet.add(x);
    for (let col = left; col < r.rgt; col++) {
      if (done[col] !== top - 1) throw new TableMarkupError('Malformed table; parse incomplete.');
      done[col] = r.bot - 1;
    }
    cells.push({ top, left, bottom: r.bot, right: r.rgt });
    for (const key of [top * W + r.rgt, r.bot * W + left]) {
      if (!seen.has(key)) { seen.add(key); push(key); }
    }
  }
  for (let col = 0; col < right; col++) if (done[col] !== bottom - 1) throw new TableMarkupError('Malformed table; parse incomplete.');
  const rowseps = [...rowsepSet].sort((a, b) => a - b);
  const colseps = [...colsepSet].sort((a, b) => a - b);
  const rowIndex = new Map(rowseps.map((v, i) => [v, i]));
  const colIndex = new Map(colseps.map((v, i) => [v, i]));
  const colWidths: number[] = [];
  for (let i = 1; i < colseps.length; i++) colWidths.push(colseps[i] - colseps[i - 1] - 1);
  const out: RawCell[] = [];
  let remaining = (rowseps.length - 1) * (colseps.length - 1);
  for (const c of cells) {
    const row = rowIndex.get(c.top);
    const col = colIndex.get(c.left);
    const rb = rowIndex.get(c.bottom);
    const cr = colIndex.get(c.right);
    if (row === undefined || col === undefined || rb === undefined || cr === undefined) throw new TableMarkupError('Malformed table.');
    const morerows = rb - row - 1;
    const morecols = cr - col - 1;
    remaining -= (morerows + 1) * (morecols + 1);
    out.push({ top: c.top, left: c.left, bottom: c.bottom, right: c.right, morerows, morecols, row, col });
  }
  if (remaining !== 0) throw new TableMarkupError('Malformed table; unused cells remaining.');
  const headRows = headSep > 0 ? rowIndex.get(headSep) ?? 0 : 0;
  return { cells: out, rowseps, colWidths, headRows };
}

// ---------------------------------------------------------------- simple tables

export function parseSimpleTable(p: BlockParser, ctx: BodyCtx, k: number): number {
  const w = ctx.w;
  const lineText = (i: number) => (p.blank(i) ? '' : p.textFrom(i, p.cOf(w, i)));
  const toplen = lineText(k).trim().length;
  let found = 0;
  let foundAt = -1;
  let end = -1;
  let i = k + 1;
  for (; i < w.hi; i++) {
    const line = lineText(i);
    if (RE_SIMPLE_BORDER.test(line)) {
      if (line.trim().length !== toplen) {
        malformed(p, ctx, k, i + 1, 'Bottom/header table border does not match top border.');
        return blankAfter(p, ctx, i + 1, i === w.hi - 1 || p.blank(i + 1));
      }
      found++;
      foundAt = i;
      if (found === 2 || i === w.hi - 1 || p.blank(i + 1)) { end = i; break; }
    }
  }
  if (end < 0) {
    if (found) {
      malformed(p, ctx, k, foundAt + 1, 'No bottom table border found or no blank line after table bottom.');
      return blankAfter(p, ctx, foundAt + 1, false);
    }
    malformed(p, ctx, k, w.hi, 'No bottom table border found.');
    return w.hi;
  }
  const e = end + 1;
  const bf = e >= w.hi || p.blank(e);
  const pos: PosLine[] = [];
  for (let j = k; j < e; j++) pos.push(posLine(lineText(j)));
  const block = pos.map((l) => l.text);
  const g: Geometry = { line: (j) => k + j, base: (j) => p.cOf(w, k + j), pos };
  try {
    const parsed = simpleStructure(block, pos.map((l) => l.noCombining ?? l.text));
    const mk = (rows: SimpleRow[]): Array<Array<{ cell: TableCell }>> => rows.map((row) => row.cells.map((c) => {
      const segs = cellSegs(p, g, row.first, row.last, c.start, c.end);
      const children = cellBlocks(p, ctx, segs);
      const nonEmpty = segs.filter((s) => s.end > s.start);
      const start = segs.length ? segs[0].start : p.off(k + row.first, p.cOf(w, k + row.first) + unitOf(pos[row.first], c.start));
      const cend = nonEmpty.length ? nonEmpty[nonEmpty.length - 1].end : start;
      const cell: TableCell = { type: 'table_cell', start, end: Math.max(start, cend), morecols: c.morecols, morerows: 0, children };
      for (const ch of children) { cell.start = Math.min(cell.start, ch.start); cell.end = Math.max(cell.end, ch.end); }
      return { cell };
    }));
    const header = buildRows(p, ctx, mk(parsed.head));
    const body = buildRows(p, ctx, mk(parsed.body));
    const t: Table = { type: 'table', kind: 'simple', start: p.startOff(w, k), end: p.le[end], header, body, colWidths: parsed.colWidths };
    p.emit(ctx, t);
  } catch (err) {
    if (!(err instanceof TableMarkupError)) throw err;
    malformed(p, ctx, k, e, err.message);
  }
  return blankAfter(p, ctx, e, bf);
}

interface SimpleRow { first: number; last: number; cells: Array<{ start: number; end: number; morecols: number }> }

/** Is line[from, to) empty or whitespace only (as `line.slice(from, to).trim() === ''`), without slicing? */
function blankBetween(line: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    if (!RE_JS_SPACE.test(line[i])) return false;
  }
  return true;
}
const RE_JS_SPACE = /^\s$/;

/** docutils SimpleTableParser. Columns are [start, end) in table-relative columns; end -1 = to line end. */
function simpleStructure(lines: string[], marginLines: string[]): { head: SimpleRow[]; body: SimpleRow[]; colWidths: number[] } {
  const block = lines.slice();
  block[0] = block[0].split('=').join('-'); // (faster than a global replace for these long runs)
  block[block.length - 1] = block[block.length - 1].split('=').join('-');
  let headSep = -1;
  for (let i = 0; i < block.length; i++) {
    if (RE_SIMPLE_HEAD_SEP.test(block[i])) {
      if (headSep >= 0) throw new TableMarkupError('Multiple head/body row separators; only one allowed.');
      headSep = i;
      block[i] = block[i].split('=').join('-');
    }
  }
  if (headSep === 0 || headSep === block.length - 1) throw new TableMarkupError('The head/body row separator may not be the first or last line of the table.');
  let columns: Array<[number, number]> = [];
  let borderEnd = 0;
  const parseColumns = (line: string, offset: number): Array<[number, number]> => {
    const cols: Array<[number, number]> = [];
    let e = 0;
    for (;;) {
      const b = line.indexOf('-', e);
      if (b < 0) break;
      e = line.indexOf(' ', b);
      if (e < 0) e = line.length;
      cols.push([b, e]);
    }
    if (columns.length) {
      if (cols.length === 0 || cols[cols.length - 1][1] !== borderEnd) throw new TableMarkupError(`Column span incomplete in table line ${offset + 1}.`);
      cols[cols.length - 1] = [cols[cols.length - 1][0], columns[columns.length - 1][1]];
    }
    return cols;
  };
  columns = parseColumns(block[0], 0);
  if (!columns.length) throw new TableMarkupError('Malformed table.');
  borderEnd = columns[columns.length - 1][1];
  const rows: SimpleRow[] = [];
  const parseRow = (first: number, last: number, span?: [string, number]) => {
    if (last < first && !span) return;
    const cols = span ? parseColumns(span[0], span[1]) : columns.map((c) => [c[0], c[1]] as [number, number]);
    // check_columns
    const lastcol = cols.length - 1;
    for (let i = 0; i < cols.length; i++) {
      const [start, end] = cols[i];
      const nextstart = i < lastcol ? cols[i + 1][0] : Number.MAX_SAFE_INTEGER;
      for (let j = first; j <= last; j++) {
        const line = marginLines[j]; // (docutils strips combining characters here)
        if (i === lastcol && !blankBetween(line, end, line.length)) {
          const text = line.slice(start).replace(/\s+$/, '');
          const newEnd = start + text.length;
          const main = columns[columns.length - 1];
          cols[i] = [start, Math.max(main[1], newEnd)];
          if (newEnd > main[1]) columns[columns.length - 1] = [main[0], newEnd];
        } else if (!blankBetween(line, end, Math.min(nextstart, line.length))) {
          throw new TableMarkupError(`Text in column margin in table line ${j + 1}.`);
        }
      }
    }
    // init_row: column spans
    const cells: SimpleRow['cells'] = [];
    let ci = 0;
    for (const [start, end] of cols) {
      let morecols = 0;
      if (ci >= columns.length || start !== columns[ci][0]) throw new TableMarkupError(`Column span alignment problem in table line ${first + 1}.`);
      while (end !== columns[ci][1]) {
        ci++; morecols++;
        if (ci >= columns.length) throw new TableMarkupError(`Column span alignment problem in table line ${first + 1}.`);
      }
      cells.push({ start, end, morecols });
      ci++;
    }
    rows.push({ first, last, cells }); // a span line with no text lines still makes a (empty) row, as in docutils
  };
  const [firststart, firstend] = columns[0];
  let start = 1;
  let textFound = false;
  for (let offset = 1; offset < block.length; offset++) {
    const line = block[offset];
    if (RE_SIMPLE_SPAN.test(line)) {
      parseRow(start, offset - 1, [line.replace(/\s+$/, ''), offset]);
      start = offset + 1;
      textFound = false;
    } else if (!blankBetween(line, firststart, Math.min(firstend, line.length))) {
      if (textFound && offset !== start) { parseRow(start, offset - 1); start = offset; }
      textFound = true;
    } else if (!textFound) {
      start = offset + 1;
    }
  }
  const colWidths = columns.map(([s, e]) => e - s);
  let firstBody = 0;
  if (headSep > 0) {
    firstBody = rows.length;
    for (let i = 0; i < rows.length; i++) if (rows[i].first > headSep) { firstBody = i; break; }
  }
  // the last column may have grown: cells of the last column extend to the final width
  const lastEnd = columns[columns.length - 1][1];
  for (const r of rows) { const c = r.cells[r.cells.length - 1]; if (c && c.end < lastEnd) c.end = lastEnd; }
  return { head: rows.slice(0, firstBody), body: rows.slice(firstBody), colWidths };
}

export { RE_GRID_TOP };
