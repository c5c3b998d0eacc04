/**
 * Planning a new weekly report (pure): from the existing reports' paths (and the text of the latest few),
 * today's date, the author and the profile's sections, decide which week to write, where the file goes,
 * and what it contains. The adapters (VS Code command) do the I/O.
 */
import type { CalendarDate, IsoWeek } from './isoweek';
import { addDays, isoWeekday, isoWeekOf, mondayOfIsoWeek, weeksBetween } from './isoweek';
import { posixBaseName, posixDirName, posixJoin, posixRelative, globToRegExp } from '../paths';
import type { TextEdit } from '../types';
import { DEFAULT_DATE_FORMAT, formatDateLine, parseDateLine as parseDateLineAt, type DateLanguage, type DateLine, inferDateFormat } from './dates';
import { DEFAULT_PROFILE, titleFor, type Profile } from './profile';
import { columnWidth } from '../rst/width';
import { bulletItems, scanHeadings, sectionBody, splitLines } from '../features/headings';

/** What a new report must contain: derived from the report profile (report/profile.ts). */
export interface SkeletonProfile {
  /** Required sections in order (the first of each order group first). */
  sections: string[];
  /** Section whose items are carried forward. */
  plannedSection: string;
  /** Section that receives the carried items as a starting list. */
  statusSection: string;
  /** Title text for a week: `Uke 8`. */
  title(week: number): string;
  /** Date format and language when no earlier report shows one. */
  dateFormat: string;
  dateLanguage: DateLanguage;
  /** Where the report's date habitually lies: weeks after the title's week (the profile's window start, at least 1 when the window allows). */
  defaultDateOffsetWeeks: number;
}

export function skeletonFor(profile: Profile = DEFAULT_PROFILE): SkeletonProfile {
  const sections = profile.sections.required.flat().map((s) => s.name);
  const planned = sections.find((s) => /planlag|planned|kommende|upcoming|plan/i.test(s)) ?? sections[1] ?? sections[0] ?? 'Planlagte aktiviteter';
  const window = profile.date?.window ?? [0, 2];
  return {
    sections,
    plannedSection: planned,
    statusSection: sections[0] ?? 'Status',
    title: (week) => titleFor(profile, week),
    dateFormat: profile.date?.format ?? DEFAULT_DATE_FORMAT,
    dateLanguage: profile.date?.language ?? profile.language,
    // The corpus dates reports the following Monday two times in three: prefer 1 when the window allows it.
    defaultDateOffsetWeeks: window[1] >= 1 ? 1 : window[0],
  };
}

export const DEFAULT_SKELETON_PROFILE: SkeletonProfile = skeletonFor(DEFAULT_PROFILE);

/** A date line of a report: R's parser on one line. */
function parseDateLine(line: string): DateLine | undefined {
  const dl = parseDateLineAt(line, 0);
  return dl && dl.author && dl.date.date ? dl : undefined;
}

export interface ExistingReport {
  /** Absolute posix path. */
  path: string;
  /** Text, for the latest few reports (the previous one at least); undefined when not read. */
  text?: string;
}

export interface ReportPathInfo {
  path: string;
  year: number;
  week: number;
  /** The folder holding the year folders (or the reports themselves when there are no year folders). */
  reportsFolder: string;
  yearFolder: boolean;
  yearPrefix: boolean;
  /** Digits of the week in the file name. */
  weekDigits: number;
  stem: string;
}

const REPORT_FILE = /^(?:(\d{4})_)?(uke_?|week_?)(\d{1,2})\.rst$/i;

/** Recognise `2019/uke_08.rst`, `2016/2016_uke_13.rst`, `uke_08.rst` (year from a folder named like a year). */
export function reportPathInfo(path: string): ReportPathInfo | undefined {
  const base = posixBaseName(path);
  const m = REPORT_FILE.exec(base);
  if (!m) return undefined;
  const week = +m[3];
  if (week < 1 || week > 53) return undefined;
  const dir = posixDirName(path);
  const dirBase = posixBaseName(dir);
  const folderYear = /^\d{4}$/.test(dirBase) ? +dirBase : undefined;
  const prefixYear = m[1] ? +m[1] : undefined;
  const year = prefixYear ?? folderYear;
  if (year === undefined) return undefined;
  return {
    path,
    year,
    week,
    reportsFolder: folderYear !== undefined ? posixDirName(dir) : dir,
    yearFolder: folderYear !== undefined,
    yearPrefix: prefixYear !== undefined,
    weekDigits: m[3].length,
    stem: m[2],
  };
}

export function compareWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year - b.year || a.week - b.week;
}

export interface ReportScheme {
  reportsFolder: string;
  yearFolder: boolean;
  yearPrefix: boolean;
  weekDigits: number;
  stem: string;
}

export const DEFAULT_SCHEME_NAME = { yearFolder: true, yearPrefix: false, weekDigits: 2, stem: 'uke_' };

/** The naming scheme of the newest report, or the default (`YYYY/uke_NN.rst`) under `fallbackFolder`. */
export function detectScheme(reports: ReportPathInfo[], fallbackFolder: string, folder?: string): ReportScheme {
  const candidates = folder ? reports.filter((r) => r.reportsFolder === folder) : reports;
  const newest = [...candidates].sort(compareWeeks)[candidates.length - 1];
  if (!newest) return { reportsFolder: folder ?? fallbackFolder, ...DEFAULT_SCHEME_NAME };
  // Week digits: any zero-padded week among the newest folder's reports means padding.
  const sameFolder = candidates.filter((r) => r.reportsFolder === newest.reportsFolder);
  const padded = sameFolder.some((r) => r.weekDigits === 2 && r.week < 10) || sameFolder.every((r) => r.weekDigits === 2);
  return {
    reportsFolder: newest.reportsFolder,
    yearFolder: newest.yearFolder,
    yearPrefix: newest.yearPrefix,
    weekDigits: padded ? 2 : 1,
    stem: newest.stem,
  };
}

export function reportPath(scheme: ReportScheme, w: IsoWeek): string {
  const weekText = scheme.weekDigits === 2 && w.week < 10 ? '0' + w.week : String(w.week);
  const file = `${scheme.yearPrefix ? w.year + '_' : ''}${scheme.stem}${weekText}.rst`;
  return scheme.yearFolder ? posixJoin(scheme.reportsFolder, String(w.year), file) : posixJoin(scheme.reportsFolder, file);
}

// ------------------------------------------------------------------ the week to write

export interface WeekChoice {
  kind: 'this' | 'last';
  week: IsoWeek;
  /** A report for this week exists already. */
  exists: boolean;
}

export interface WeekSuggestion {
  /** The week the habit implies (first of `choices`). */
  week: IsoWeek;
  /** True when the user should pick (this week / last week / another week). */
  ambiguous: boolean;
  choices: WeekChoice[];
  /** Share of earlier reports dated in a later week than their title's week (undefined without history). */
  datedLaterShare?: number;
}

/** Title week and date of a report text (for the habit). */
function reportTitleAndDate(text: string): { week?: number; date?: CalendarDate } {
  const headings = scanHeadings(text);
  const title = headings[0];
  const wm = title ? /(\d{1,2})/.exec(title.title) : null;
  const L = splitLines(text).texts;
  let date: CalendarDate | undefined;
  const from = title ? title.line + 1 : 0;
  for (let i = from; i < Math.min(L.length, from + 8); i++) {
    const dl = parseDateLine(L[i]);
    if (dl) {
      date = dl.date.date;
      break;
    }
  }
  return { week: wm ? +wm[1] : undefined, date };
}

/**
 * Which week to write today. The team's habit is read from earlier reports: the share dated in a later
 * ISO week than their title's. Reports dated the following week → on Monday–Wednesday the report is for
 * last week; dated the same week → this week. Mixed habits, or a day that fits both, → ambiguous.
 */
export function suggestWeek(today: CalendarDate, reports: ExistingReport[], reportProfile: Profile = DEFAULT_PROFILE): WeekSuggestion {
  const profile = skeletonFor(reportProfile);
  const infos = reports.map((r) => ({ r, info: reportPathInfo(r.path) })).filter((x) => x.info) as Array<{ r: ExistingReport; info: ReportPathInfo }>;
  const has = new Set(infos.map((x) => `${x.info.year}-${x.info.week}`));
  const thisWeek = isoWeekOf(today);
  const lastWeek = isoWeekOf(addDays(today, -7));
  const exists = (w: IsoWeek) => has.has(`${w.year}-${w.week}`);
  const choices = (first: 'this' | 'last'): WeekChoice[] => {
    const t: WeekChoice = { kind: 'this', week: thisWeek, exists: exists(thisWeek) };
    const l: WeekChoice = { kind: 'last', week: lastWeek, exists: exists(lastWeek) };
    return first === 'this' ? [t, l] : [l, t];
  };

  // Habit from the reports that have text (newest first, at most 12).
  let later = 0;
  let total = 0;
  const withText = infos.filter((x) => x.r.text !== undefined && compareWeeks(x.info, thisWeek) <= 0).sort((a, b) => compareWeeks(b.info, a.info)).slice(0, 12);
  for (const { r, info } of withText) {
    const { date } = reportTitleAndDate(r.text!);
    if (!date) continue;
    const d = weeksBetween(info, isoWeekOf(date));
    if (d < 0 || d > 3) continue; // misdated: not a habit
    total++;
    if (d >= 1) later++;
  }
  const share = total > 0 ? later / total : undefined;
  const datedLater = share === undefined ? profile.defaultDateOffsetWeeks >= 1 : share >= 0.5;
  const strong = share === undefined || share >= 2 / 3 || share <= 1 / 3;

  // Last week's report is done: this week's is next.
  if (exists(lastWeek) && !exists(thisWeek)) return { week: thisWeek, ambiguous: false, choices: choices('this'), datedLaterShare: share };
  if (exists(lastWeek) && exists(thisWeek)) return { week: thisWeek, ambiguous: false, choices: choices('this'), datedLaterShare: share };

  const wd = isoWeekday(today);
  let first: 'this' | 'last';
  let ambiguous: boolean;
  if (datedLater) {
    // Dated the week after: Monday/Tuesday clearly last week; Wednesday leans last week; late week leans this week.
    first = wd <= 3 ? 'last' : 'this';
    ambiguous = !strong || wd === 3 || wd === 4;
    if (wd >= 5) ambiguous = true; // writing on Friday for the week now ending, or late for last week
  } else {
    first = 'this';
    ambiguous = !strong || wd === 1; // on Monday, a same-week team may still be finishing last week's
  }
  if (first === 'last' && exists(lastWeek) === false && exists(thisWeek)) ambiguous = true;
  return { week: first === 'this' ? thisWeek : lastWeek, ambiguous, choices: choices(first), datedLaterShare: share };
}

// ------------------------------------------------------------------ the plan

export interface IndexFile {
  /** Absolute posix path of an index document (e.g. `status/reports/index.rst`). */
  path: string;
  text: string;
}

export interface NewReportInput {
  /** Docs root (absolute posix), used when no report exists yet. */
  root: string;
  reports: ExistingReport[];
  today: CalendarDate;
  week: IsoWeek;
  /** Author name; falls back to the previous report's author, then `NAVN`. */
  author?: string;
  /** Reports folder to use (absolute posix); default: the newest report's. */
  folder?: string;
  /** The report profile (default: the 2017–2019 corpus style). */
  profile?: Profile;
  /** Index documents that may hold the reports' toctree (the reports folder's index.rst, the root index). */
  indexes?: IndexFile[];
}

export interface NewReportPlan {
  path: string;
  folder: string;
  fileName: string;
  week: IsoWeek;
  /** A report for this week exists: open it, do not write. `text` is then empty. */
  exists: boolean;
  /** The year folder does not exist yet (no known file under it). */
  createsFolder: boolean;
  text: string;
  /** The previous report used for boilerplate and carried items. */
  previous?: string;
  carried: string[];
  /** Edits to an index document so its toctree includes the new report. */
  indexEdit?: { path: string; edits: TextEdit[] };
}

function titleBlock(title: string, prev?: { char: string; overline: boolean; length: number }): string {
  const char = prev?.char ?? '=';
  const overline = prev?.overline ?? true;
  const len = Math.max(columnWidth(title), prev?.length ?? 0);
  const line = char.repeat(len);
  return overline ? `${line}\n${title}\n${line}\n` : `${title}\n${line}\n`;
}

/** Split text into blank-line-separated blocks (trimmed of trailing blanks). */
function blocks(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, ''))
    .filter((b) => b.trim() !== '');
}

interface PrevAnalysis {
  info: ReportPathInfo;
  text: string;
  titleAdornment?: { char: string; overline: boolean; length: number };
  sectionChar: string;
  dateLine?: ReturnType<typeof parseDateLine>;
  /** Blocks between the date line (or title) and the first section. */
  preamble: string[];
  sectionOrder: string[];
  /** Trimmed bodies of the top-level sections by normalised title. */
  bodies: Map<string, string>;
  planned: string[];
}

function analyse(info: ReportPathInfo, rawText: string, profile: SkeletonProfile): PrevAnalysis {
  const text = rawText.replace(/\r\n?/g, '\n');
  const headings = scanHeadings(text);
  const L = text.split('\n');
  const title = headings[0];
  let dateLine: PrevAnalysis['dateLine'];
  let preambleStart = title ? title.end : 0;
  if (title) {
    for (let i = title.line + 2; i < Math.min(L.length, title.line + 8); i++) {
      const dl = parseDateLine(L[i]);
      if (dl) {
        dateLine = dl;
        preambleStart = text.split('\n').slice(0, i + 1).join('\n').length + 1;
        break;
      }
      if (headings.some((h) => h.line === i)) break;
    }
  }
  const sections = headings.slice(1);
  const firstSection = sections[0];
  const preamble = blocks(text.slice(Math.min(preambleStart, text.length), firstSection ? firstSection.start : text.length));
  const level2 = sections.length ? Math.min(...sections.map((h) => h.level)) : 2;
  const top = sections.filter((h) => h.level === level2);
  const plannedIdx = headings.findIndex((h, i) => i > 0 && norm(h.title) === norm(profile.plannedSection));
  const planned = plannedIdx > 0 ? bulletItems(sectionBody(text, headings, plannedIdx)) : [];
  return {
    info,
    text,
    titleAdornment: title ? { char: title.char, overline: title.overline, length: title.underlineEnd - title.underlineStart } : undefined,
    sectionChar: top[0]?.char ?? '=',
    dateLine,
    preamble,
    sectionOrder: top.map((h) => h.title),
    bodies: new Map(top.map((h) => [norm(h.title), sectionBody(text, headings, headings.indexOf(h)).replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '')])),
    planned,
  };
}

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

function indentItem(item: string): string {
  // item lines after the first are already indented by two spaces relative to the bullet
  return '- ' + item;
}

/** The text of a new report and where it goes. Never overwrites: `exists` tells the caller to open instead. */
export function planNewReport(input: NewReportInput): NewReportPlan {
  const profile = skeletonFor(input.profile ?? DEFAULT_PROFILE);
  const infos = input.reports
    .map((r) => ({ r, info: reportPathInfo(r.path) }))
    .filter((x): x is { r: ExistingReport; info: ReportPathInfo } => !!x.info);
  const scheme = detectScheme(infos.map((x) => x.info), posixJoin(input.root, 'reports'), input.folder);
  const path = reportPath(scheme, input.week);
  const folder = posixDirName(path);
  const exists = input.reports.some((r) => r.path === path);
  const createsFolder = !input.reports.some((r) => posixDirName(r.path) === folder);
  const base: NewReportPlan = { path, folder, fileName: posixBaseName(path), week: input.week, exists, createsFolder, text: '', carried: [] };
  if (exists) return base;

  // Previous report: the newest before the week, in the same reports folder, that has text.
  const earlier = infos
    .filter((x) => x.info.reportsFolder === scheme.reportsFolder && compareWeeks(x.info, input.week) < 0)
    .sort((a, b) => compareWeeks(b.info, a.info));
  const prevWithText = earlier.filter((x) => x.r.text !== undefined);
  const prev = prevWithText[0] ? analyse(prevWithText[0].info, prevWithText[0].r.text!, profile) : undefined;
  const others = prevWithText.slice(1, 3).map((x) => analyse(x.info, x.r.text!, profile));

  // Shared boilerplate: blocks of the previous report's preamble that recur in the others (all, with no others).
  let preamble = prev?.preamble ?? [];
  if (others.length) {
    preamble = preamble.filter((b) => others.some((o) => o.preamble.some((ob) => ob.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' '))));
  }

  // Sections: the profile's, in the previous report's order when it had them all.
  let order = profile.sections;
  if (prev) {
    const prevOrder = prev.sectionOrder.filter((t) => profile.sections.some((s) => norm(s) === norm(t)));
    if (prevOrder.length === profile.sections.length) order = prevOrder;
  }

  const title = profile.title(input.week.week);
  const author = input.author?.trim() || prev?.dateLine?.author || 'NAVN';
  const org = prev?.dateLine?.org ?? '';
  const inferred = prev?.dateLine ? inferDateFormat(prev.dateLine.date) : undefined;
  const dateLine = formatDateLine(
    author,
    org,
    input.today,
    inferred?.format ?? profile.dateFormat,
    inferred?.language ?? profile.dateLanguage,
    prev?.dateLine?.prefix,
  );
  const carried = prev?.planned ?? [];
  const sectionChar = prev?.sectionChar ?? '=';

  const parts: string[] = [titleBlock(title, prev?.titleAdornment), dateLine + '\n'];
  for (const b of preamble) parts.push(b + '\n');
  for (const s of order) {
    let body = '';
    const list = carried.map(indentItem).join('\n');
    if (carried.length && norm(s) === norm(profile.plannedSection)) body = list + '\n';
    else if (carried.length && norm(s) === norm(profile.statusSection)) {
      body = `.. Planlagt i forrige rapport (${profile.title(prev!.info.week)}):\n\n${list}\n`;
    }
    else if (prev && others.length && norm(s) !== norm(profile.plannedSection) && norm(s) !== norm(profile.statusSection)) {
      // Text a section repeats in every recent report (e.g. `Annet`: the Trello pointer) is boilerplate.
      const mine = prev.bodies.get(norm(s));
      if (mine && others.every((o) => o.bodies.get(norm(s)) === mine)) body = mine + '\n';
    }
    parts.push(`${s}\n${sectionChar.repeat(columnWidth(s))}\n` + (body ? '\n' + body : ''));
  }
  const text = parts.join('\n');

  const plan: NewReportPlan = { ...base, text, previous: prev?.info.path, carried };
  const indexEdit = planToctreeUpdate(input.indexes ?? [], path, prev?.info.path);
  if (indexEdit) plan.indexEdit = indexEdit;
  return plan;
}

// ------------------------------------------------------------------ toctree

interface Toctree {
  /** Offset of the `.. toctree::` line start. */
  start: number;
  glob: boolean;
  /** Entries with offsets of their line start and end (content, without line break). */
  entries: Array<{ text: string; lineStart: number; lineEnd: number; indent: string }>;
  /** Offset just past the directive's last non-blank line (including its line break). */
  end: number;
  /** Heading line preceding the directive (for per-year sections), if any. */
  heading?: { title: string; start: number; char: string; underlineLength: number };
  /** Raw directive text (from `.. toctree::` to the last non-blank line, with line break). */
  raw: string;
}

function findToctrees(text: string): Toctree[] {
  const lines = splitLines(text);
  const L = lines.texts;
  const headings = scanHeadings(text);
  const out: Toctree[] = [];
  for (let i = 0; i < L.length; i++) {
    if (!/^\.\.\s+toctree::/.test(L[i])) continue;
    const start = lines.starts[i];
    let glob = false;
    const entries: Toctree['entries'] = [];
    let last = i;
    let j = i + 1;
    for (; j < L.length; j++) {
      const t = L[j];
      if (t.trim() === '') continue;
      if (!/^\s/.test(t)) break;
      last = j;
      const s = t.trim();
      if (/^:glob:/.test(s)) glob = true;
      else if (s.startsWith(':')) continue;
      else entries.push({ text: s, lineStart: lines.starts[j], lineEnd: lines.starts[j] + t.length, indent: t.slice(0, t.length - t.trimStart().length) });
    }
    const end = last + 1 < lines.starts.length ? lines.starts[last + 1] : text.length;
    const before = headings.filter((h) => h.start < start).pop();
    const heading = before
      ? { title: before.title, start: before.start, char: before.char, underlineLength: before.underlineEnd - before.underlineStart }
      : undefined;
    let raw = text.slice(start, end);
    if (!raw.endsWith('\n')) raw += '\n';
    out.push({ start, glob, entries, end, heading, raw });
    i = last;
  }
  return out;
}

/** Sphinx docname of `target` as an entry of a toctree in `indexPath` (relative, without `.rst`). */
function docnameFrom(indexPath: string, target: string): string {
  return posixRelative(posixDirName(indexPath), target).replace(/\.rst$/, '');
}

function entryMatches(entry: string, docname: string, glob: boolean): boolean {
  const m = /<([^>]+)>\s*$/.exec(entry);
  const e = (m ? m[1] : entry).replace(/\.rst$/, '').replace(/^\//, '');
  if (glob && /[*?[]/.test(e)) return globToRegExp(e).test(docname);
  return e === docname;
}

/**
 * If no toctree in the indexes includes `newPath` (by glob or name), edits that add it: next to the
 * toctree that includes the previous report — a new per-year section copied from it when that toctree
 * is a per-year glob (`2021/uke_*` under a `2021` heading), else a new entry in it.
 */
export function planToctreeUpdate(indexes: IndexFile[], newPath: string, previousPath?: string): { path: string; edits: TextEdit[] } | undefined {
  const all = indexes.map((ix) => ({ ix, trees: findToctrees(ix.text) }));
  for (const { ix, trees } of all) {
    const doc = docnameFrom(ix.path, newPath);
    if (trees.some((t) => t.entries.some((e) => entryMatches(e.text, doc, t.glob)))) return undefined;
  }
  if (!previousPath) return undefined;
  for (const { ix, trees } of all) {
    const prevDoc = docnameFrom(ix.path, previousPath);
    const doc = docnameFrom(ix.path, newPath);
    for (const t of trees) {
      const entry = t.entries.find((e) => entryMatches(e.text, prevDoc, t.glob));
      if (!entry) continue;
      const prevYear = /(\d{4})/.exec(prevDoc)?.[1];
      const newYear = /(\d{4})/.exec(doc)?.[1];
      const isGlob = t.glob && /[*?]/.test(entry.text);
      if (isGlob && prevYear && newYear && prevYear !== newYear && entry.text.includes(prevYear)) {
        const shape = yearShape(entry.text, prevYear);
        const sameShape = t.entries.filter((e) => shape.test(e.text));
        if (sameShape.length >= 2) {
          // One toctree listing a glob per year (`2018/*`, `2017/*`): add the new year's line, in its order.
          const newer = +newYear > +prevYear;
          const descending = isDescendingYears([t], entry.text, prevYear);
          const line = `${entry.indent}${entry.text.split(prevYear).join(newYear)}\n`;
          if (newer === descending) return { path: ix.path, edits: [{ start: entry.lineStart, end: entry.lineStart, newText: line }] };
          const lineEnd = entry.lineEnd + (ix.text[entry.lineEnd] === '\r' ? 2 : ix.text[entry.lineEnd] === '\n' ? 1 : 0);
          return { path: ix.path, edits: [{ start: lineEnd, end: lineEnd, newText: lineEnd === entry.lineEnd ? '\n' + line.trimEnd() : line }] };
        }
        // New per-year toctree (and heading, when the toctree sits under a heading named by the year).
        const newTree = t.raw.split(entry.text).join(entry.text.split(prevYear).join(newYear));
        let block = newTree;
        let at = t.start;
        if (t.heading && t.heading.title === prevYear) {
          block = `${newYear}\n${t.heading.char.repeat(Math.max(newYear.length, t.heading.underlineLength))}\n\n${newTree}`;
          at = t.heading.start;
        }
        const newer = +newYear > +prevYear;
        // Sections listed newest first: insert before; otherwise after.
        const descending = isDescendingYears(trees, entry.text, prevYear);
        if (newer === descending) return { path: ix.path, edits: [{ start: at, end: at, newText: block + '\n' }] };
        return { path: ix.path, edits: [{ start: t.end, end: t.end, newText: '\n' + block }] };
      }
      if (isGlob) return undefined; // same year and a glob that does not match: unusual scheme, leave alone
      // Explicit entries: add the new one next to the previous, keeping the list's direction.
      const idx = t.entries.indexOf(entry);
      const next = t.entries[idx + 1];
      const descending = next ? next.text > entry.text : false;
      const line = `${entry.indent}${doc}\n`;
      if (descending) return { path: ix.path, edits: [{ start: entry.lineStart, end: entry.lineStart, newText: line }] };
      const lineEnd = entry.lineEnd + (ix.text[entry.lineEnd] === '\r' ? 2 : ix.text[entry.lineEnd] === '\n' ? 1 : 0);
      const newText = lineEnd === entry.lineEnd ? '\n' + line.trimEnd() : line;
      return { path: ix.path, edits: [{ start: lineEnd, end: lineEnd, newText }] };
    }
  }
  return undefined;
}

/** Whether the per-year toctrees shaped like `entry` (year replaced) are listed newest first. */
function yearShape(entry: string, year: string): RegExp {
  return new RegExp('^' + entry.split(year).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(\\d{4})') + '$');
}

function isDescendingYears(trees: Toctree[], entry: string, year: string): boolean {
  const shape = yearShape(entry, year);
  const years: number[] = [];
  for (const t of trees) for (const e of t.entries) {
    const m = shape.exec(e.text);
    if (m) years.push(+m[1]);
  }
  for (let i = 1; i < years.length; i++) if (years[i] !== years[i - 1]) return years[i] < years[i - 1];
  return true;
}

/** The Monday of week N+1 (the habitual date of the report for week N). */
export function habitualDate(w: IsoWeek): CalendarDate {
  return addDays(mondayOfIsoWeek(w), 7);
}
