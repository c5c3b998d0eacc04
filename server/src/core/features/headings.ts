/**
 * A small, linear, line-based scan for section headings and bullet items. Used where a full parse is not
 * needed or must not be relied on (planning a new report from earlier ones, on-type adornment fixing).
 */

export interface HeadingLine {
  /** 0-based line of the title text. */
  line: number;
  title: string;
  /** Offsets of the trimmed title text. */
  titleStart: number;
  titleEnd: number;
  char: string;
  overline: boolean;
  /** Offset of the first line of the heading (the overline if any) and past the underline's line break. */
  start: number;
  end: number;
  /** Offsets of the underline / overline line contents. */
  underlineStart: number;
  underlineEnd: number;
  overlineStart?: number;
  overlineEnd?: number;
  /** Level by first use of the style (1 = first style seen). */
  level: number;
}

export const ADORNMENT_CHARS = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

export function isAdornmentLine(s: string): boolean {
  const t = s.replace(/\s+$/, '');
  if (t.length < 2) return false;
  const c = t[0];
  if (!ADORNMENT_CHARS.includes(c)) return false;
  for (let i = 1; i < t.length; i++) if (t[i] !== c) return false;
  return true;
}

export interface Lines {
  texts: string[];
  starts: number[];
}

export function splitLines(text: string): Lines {
  const texts: string[] = [];
  const starts: number[] = [];
  let pos = 0;
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    starts.push(pos);
    texts.push(text.slice(pos, m.index));
    pos = m.index + m[0].length;
  }
  starts.push(pos);
  texts.push(text.slice(pos));
  return { texts, starts };
}

function lineEndOffset(lines: Lines, i: number, textLength: number): number {
  return i + 1 < lines.starts.length ? lines.starts[i + 1] : textLength;
}

export function scanHeadings(text: string): HeadingLine[] {
  const lines = splitLines(text);
  const L = lines.texts;
  const out: HeadingLine[] = [];
  const styles: string[] = [];
  let inLiteral = false;
  for (let i = 0; i + 1 < L.length; i++) {
    const t = L[i];
    // Skip indented blocks after '::' (literal blocks) coarsely: titles are never indented anyway.
    if (/^\s/.test(t) || t.trim() === '') {
      inLiteral = inLiteral && (t.trim() === '' || /^\s/.test(t));
      continue;
    }
    inLiteral = false;
    if (isAdornmentLine(t)) continue;
    const under = L[i + 1];
    if (!isAdornmentLine(under)) continue;
    const title = t.trim();
    const char = under[0];
    const underLen = under.replace(/\s+$/, '').length;
    if (underLen < Math.min(4, title.length)) continue;
    const above = i > 0 ? L[i - 1] : '';
    const overline = i > 0 && isAdornmentLine(above) && above[0] === char;
    if (!overline && i > 0 && above.trim() !== '' ) continue; // a paragraph's continuation line
    if (overline && i > 1 && L[i - 2].trim() !== '') continue;
    const style = (overline ? 'o' : 'u') + char;
    let level = styles.indexOf(style) + 1;
    if (level === 0) {
      styles.push(style);
      level = styles.length;
    }
    const titleStart = lines.starts[i] + t.indexOf(title);
    out.push({
      line: i,
      title,
      titleStart,
      titleEnd: titleStart + title.length,
      char,
      overline,
      start: overline ? lines.starts[i - 1] : lines.starts[i],
      end: lineEndOffset(lines, i + 1, text.length),
      underlineStart: lines.starts[i + 1],
      underlineEnd: lines.starts[i + 1] + underLen,
      overlineStart: overline ? lines.starts[i - 1] : undefined,
      overlineEnd: overline ? lines.starts[i - 1] + above.replace(/\s+$/, '').length : undefined,
      level,
    });
    i++;
  }
  return out;
}

/** The body text of the section whose title is `heading` (up to the next heading of the same or a higher level). */
export function sectionBody(text: string, headings: HeadingLine[], index: number): string {
  const h = headings[index];
  let end = text.length;
  for (let j = index + 1; j < headings.length; j++) {
    if (headings[j].level <= h.level) {
      end = headings[j].start;
      break;
    }
  }
  return text.slice(h.end, end);
}

/**
 * Top-level bullet items of a text (the first bullet list's indentation), each with its continuation
 * lines and nested items, re-indented to column 0 and with the bullet normalised to `- `.
 */
export function bulletItems(body: string): string[] {
  const L = splitLines(body).texts;
  const items: string[][] = [];
  let indent = -1;
  let current: string[] | undefined;
  for (const line of L) {
    const m = /^(\s*)([-*+•])(\s+)(.*)$/.exec(line);
    const ind = line.length - line.trimStart().length;
    if (m && (indent < 0 || m[1].length === indent)) {
      indent = m[1].length;
      current = [m[4]];
      items.push(current);
      continue;
    }
    if (!current) continue;
    if (line.trim() === '') {
      current.push('');
      continue;
    }
    if (ind > indent) {
      // continuation or nested content: keep relative indentation (content column = indent + 2)
      current.push('  ' + line.slice(Math.min(ind, indent + 2)));
      continue;
    }
    // dedent to or beyond the list: the list ends (but a later list at the same indent continues it)
    current = undefined;
    if (ind < indent) indent = -1;
  }
  return items
    .map((lines) => {
      while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
      return lines.join('\n');
    })
    .filter((s) => s.trim() !== '');
}
