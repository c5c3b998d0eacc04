/**
 * The report model: what a weekly report is made of, built from the syntax tree in one linear pass.
 * Pure: no fs/path/vscode.
 */
import type { Block, Paragraph, ParseResult, Section, Span } from '../rst/ast';
import { posixBaseName, posixDirName } from '../paths';
import { parseDateLine, type DateLine } from './dates';
import { findSectionSpec, matchFileName, matchTitle, type Profile } from './profile';
import { relativeToRoot } from './config';

export interface ReportSection {
  node: Section;
  /** The heading text (markup removed, trimmed). */
  name: string;
  level: number;
  /** The required section this heading stands for, if any. */
  spec?: { group: number; index: number; name: string };
  /** No content but comments and targets (subsections count as content). */
  empty: boolean;
  /** True when it is a direct subsection of the title (the report's section level). */
  atReportLevel: boolean;
}

export interface ReportTitle {
  node: Section;
  text: string;
  /** The week in the title, when it matches the profile's title template. */
  week?: number;
  /** Range of the week digits in the document. */
  weekSpan?: Span;
  weekText?: string;
}

export interface ReportFile {
  baseName: string;
  /** Path relative to the docs root. */
  relPath: string;
  /** Week from the file name. */
  week?: number;
  /** The file name template that matched. */
  template?: string;
  /** Year from the file name (`2016_uke_08.rst`). */
  nameYear?: number;
  /** Year from the parent folder (`2017/uke_30.rst`). */
  folderYear?: number;
}

export interface ReportModel {
  path: string;
  profile: Profile;
  file: ReportFile;
  /** The report's year: the folder's, else the file name's. */
  year?: number;
  title?: ReportTitle;
  /** The date line (first line of a paragraph after the title, before the first section). */
  dateLine?: { paragraph: Paragraph; line: DateLine };
  /** Level of the report's sections (title level + 1). */
  sectionLevel: number;
  /** Direct subsections of the title, in order. */
  sections: ReportSection[];
  /** Every other section (deeper, or outside the title), in document order. */
  others: ReportSection[];
}

function isEmptySection(s: Section): boolean {
  return s.children.every((c) => c.type === 'comment' || c.type === 'target');
}

function firstLineEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return to;
}

/**
 * Build the report model of a document under a report profile. Returns undefined for `document` profiles.
 * `root` is the docs root (globs and relative paths); may be undefined.
 */
export function buildReport(parsed: ParseResult, text: string, path: string, root: string | undefined, profile: Profile): ReportModel | undefined {
  if (profile.kind !== 'report') return undefined;
  const baseName = posixBaseName(path);
  const fileMatch = matchFileName(profile, baseName);
  const folderName = posixBaseName(posixDirName(path));
  const folderYear = profile.yearFromFolder && /^\d{4}$/.test(folderName) ? Number(folderName) : undefined;
  const file: ReportFile = {
    baseName,
    relPath: relativeToRoot(path, root),
    week: fileMatch?.week,
    template: fileMatch?.template,
    nameYear: fileMatch?.year,
    folderYear,
  };
  const model: ReportModel = {
    path,
    profile,
    file,
    year: folderYear ?? fileMatch?.year,
    sectionLevel: 2,
    sections: [],
    others: [],
  };

  const top = parsed.tree.children;
  // the title is the first block (comments, targets and substitution definitions may precede it, as in docutils)
  const firstContent = top.find((b) => b.type !== 'comment' && b.type !== 'target' && b.type !== 'substitution_definition');
  const titleNode = firstContent?.type === 'section' ? firstContent : undefined;
  if (titleNode) {
    const t = matchTitle(profile, titleNode.titleText);
    model.title = { node: titleNode, text: titleNode.titleText };
    model.sectionLevel = titleNode.level + 1;
    if (t) {
      model.title.week = t.week;
      model.title.weekText = t.weekText;
      // locate the digits in the source title line (titleText is trimmed plain text; find them in the span)
      const src = text.slice(titleNode.titleSpan.start, titleNode.titleSpan.end);
      const rel = locateWeek(src, titleNode.titleText, t.weekOffset, t.weekText);
      if (rel >= 0) model.title.weekSpan = { start: titleNode.titleSpan.start + rel, end: titleNode.titleSpan.start + rel + t.weekText.length };
    }
    // the date line: first paragraph (before the first subsection) whose first line is `av NAME, ..., DATE`
    let firstParagraph = true;
    for (const b of titleNode.children) {
      if (b.type === 'section') break;
      if (b.type !== 'paragraph') continue;
      const lineEnd = firstLineEnd(text, b.start, b.end);
      const lineText = text.slice(b.start, lineEnd);
      const dl = parseDateLine(lineText, b.start);
      const first = firstParagraph;
      firstParagraph = false;
      // a line starting with `av`/`by` is the date line when it ends with a date, or when it has commas and
      // either is the first paragraph or has a digit after its last comma (prose like "Av og til, ..." is not)
      const comma = lineText.lastIndexOf(',');
      if (dl && (dl.date.date || (comma >= 0 && (first || /\d/.test(lineText.slice(comma)))))) {
        model.dateLine = { paragraph: b, line: dl };
        break;
      }
    }
  }

  // sections, in document order (iterative walk over section containers only)
  const visit = (blocks: Block[], parent: Section | undefined): void => {
    const stack: Array<[Block[], number, Section | undefined]> = [[blocks, 0, parent]];
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const [list, idx, par] = frame;
      if (idx >= list.length) { stack.pop(); continue; }
      frame[1] = idx + 1;
      const b = list[idx];
      if (b.type !== 'section') continue;
      if (b !== titleNode) {
        const spec = findSectionSpec(profile, b.titleText);
        const rs: ReportSection = {
          node: b,
          name: b.titleText,
          level: b.level,
          spec: spec && { group: spec.group, index: spec.index, name: spec.spec.name },
          empty: isEmptySection(b),
          atReportLevel: titleNode !== undefined && par === titleNode,
        };
        (rs.atReportLevel ? model.sections : model.others).push(rs);
      }
      stack.push([b.children, 0, b]);
    }
  };
  visit(top, undefined);
  return model;
}

/** Offset of the week digits inside the source title line. */
function locateWeek(src: string, titleText: string, weekOffset: number, weekText: string): number {
  if (src === titleText) return weekOffset;
  // markup or escapes in the title: find the digits after the same prefix word
  const lead = src.length - src.trimStart().length;
  if (src.slice(lead, lead + titleText.length) === titleText) return lead + weekOffset;
  const re = new RegExp(`(?<![0-9])${weekText}(?![0-9])`);
  const m = re.exec(src);
  return m ? m.index : -1;
}

/** The required sections present anywhere (report level or not), by spec name. */
export function sectionsBySpec(model: ReportModel): Map<string, ReportSection[]> {
  const m = new Map<string, ReportSection[]>();
  for (const s of [...model.sections, ...model.others]) {
    if (!s.spec) continue;
    const list = m.get(s.spec.name);
    if (list) list.push(s);
    else m.set(s.spec.name, [s]);
  }
  return m;
}
