/**
 * Completion (pure): missing required sections at a heading position (underline drawn to length), the
 * underline itself, the report title `Uke N`, `:doc:` paths and relative links from the workspace index
 * (with the target's title), image/include paths, link target names, role names, directive names and
 * their options, and in the date line today's date in the profile's format and the month names.
 */
import type { Locale, Workspace } from '../types';
import type { ReportModel } from '../report/model';
import type { Profile } from '../report/profile';
import { titleFor } from '../report/profile';
import { formatDate, MONTHS, MONTHS_SHORT, DEFAULT_DATE_FORMAT, inferDateFormat } from '../report/dates';
import { isoWeekOf, addDays, type CalendarDate } from '../report/isoweek';
import { expectedDate, reportWeek } from '../report/window';
import { columnWidth, reportSectionStyle } from '../report/sectionEdits';
import { posixBaseName, posixDirName, posixRelative } from '../paths';
import { normalizeName } from '../links';
import { walk } from '../rst/walk';
import { DIRECTIVE_SPECS } from '../rst/directiveSpecs';
import type { FeatureDoc } from './nodes';
import { isAdornmentLine } from './headings';

export type CompletionKind = 'file' | 'folder' | 'reference' | 'keyword' | 'snippet' | 'value' | 'property' | 'function' | 'text' | 'module';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Replace text[start, end) with newText (a snippet when `snippet`). */
  edit: { start: number; end: number; newText: string };
  snippet?: boolean;
  sortText?: string;
  filterText?: string;
  /** Preselect this item. */
  preselect?: boolean;
}

export interface CompletionResult {
  items: CompletionItem[];
  isIncomplete: boolean;
}

export interface CompletionContext {
  ws?: Workspace;
  profile: Profile;
  report?: ReportModel;
  today: CalendarDate;
  locale: Locale;
}

/** Characters that should trigger completion in the editor. */
export const COMPLETION_TRIGGERS = ['`', '<', '/', ':', '.', '_', '=', ','];

export const DIRECTIVES: Record<string, { doc: string; options: string[]; argument?: boolean }> = {
  image: { doc: 'An image', options: ['alt', 'height', 'width', 'scale', 'align', 'target', 'class', 'name'], argument: true },
  figure: { doc: 'An image with a caption', options: ['alt', 'height', 'width', 'scale', 'align', 'target', 'figwidth', 'figclass', 'class', 'name'], argument: true },
  note: { doc: 'Note admonition', options: ['class', 'name'] },
  warning: { doc: 'Warning admonition', options: ['class', 'name'] },
  important: { doc: 'Important admonition', options: ['class', 'name'] },
  tip: { doc: 'Tip admonition', options: ['class', 'name'] },
  hint: { doc: 'Hint admonition', options: ['class', 'name'] },
  attention: { doc: 'Attention admonition', options: ['class', 'name'] },
  caution: { doc: 'Caution admonition', options: ['class', 'name'] },
  danger: { doc: 'Danger admonition', options: ['class', 'name'] },
  error: { doc: 'Error admonition', options: ['class', 'name'] },
  admonition: { doc: 'Admonition with a title', options: ['class', 'name'], argument: true },
  contents: { doc: 'Table of contents of this document', options: ['depth', 'local', 'backlinks', 'class'] },
  toctree: { doc: 'Sphinx table of contents tree', options: ['glob', 'maxdepth', 'caption', 'name', 'hidden', 'includehidden', 'titlesonly', 'reversed', 'numbered'] },
  'code-block': { doc: 'Highlighted code', options: ['linenos', 'lineno-start', 'emphasize-lines', 'caption', 'name', 'dedent', 'force'], argument: true },
  code: { doc: 'Highlighted code', options: ['number-lines', 'class', 'name'], argument: true },
  'literalinclude': { doc: 'Include a file as code', options: ['language', 'linenos', 'lines', 'start-after', 'end-before', 'caption', 'name'], argument: true },
  include: { doc: 'Include an rST file', options: ['start-after', 'end-before', 'literal', 'code', 'encoding'], argument: true },
  topic: { doc: 'A topic', options: ['class', 'name'], argument: true },
  sidebar: { doc: 'A sidebar', options: ['subtitle', 'class', 'name'], argument: true },
  rubric: { doc: 'An informal heading', options: ['class', 'name'], argument: true },
  'csv-table': { doc: 'A table from CSV', options: ['header', 'header-rows', 'widths', 'file', 'delim', 'align', 'class', 'name'] },
  'list-table': { doc: 'A table from a two-level list', options: ['header-rows', 'stub-columns', 'widths', 'align', 'class', 'name'] },
  table: { doc: 'A table with a title', options: ['widths', 'align', 'class', 'name'] },
  raw: { doc: 'Raw output (shown as code in the preview)', options: ['file', 'url', 'encoding'], argument: true },
  only: { doc: 'Sphinx: content for some builders', options: [], argument: true },
  versionadded: { doc: 'Sphinx: added in version', options: [], argument: true },
  deprecated: { doc: 'Sphinx: deprecated since version', options: [], argument: true },
  seealso: { doc: 'Sphinx: see also', options: [] },
  highlight: { doc: 'Sphinx: default highlight language', options: ['linenothreshold'], argument: true },
};

/**
 * A directive's options: the ones its class declares (DIRECTIVE_SPECS, which the parser checks against),
 * the common ones of DIRECTIVES first; DIRECTIVES alone for a directive the table does not have.
 */
function optionsOf(name: string): readonly string[] | undefined {
  const common = Object.hasOwn(DIRECTIVES, name) ? DIRECTIVES[name].options : undefined; // (not Object.prototype's members)
  const declared = DIRECTIVE_SPECS.get(name)?.[4];
  if (!declared) return common;
  const first = (common ?? []).filter((o) => declared.includes(o));
  return [...first, ...declared.filter((o) => !first.includes(o))];
}

const ROLES: Record<string, string> = {
  doc: 'Link to a document', ref: 'Link to a label', download: 'Link to a downloadable file', term: 'Glossary term',
  abbr: 'Abbreviation', command: 'A command', file: 'A file name', kbd: 'Keyboard keys', guilabel: 'GUI label',
  literal: 'Literal text', emphasis: 'Emphasis', strong: 'Strong', sub: 'Subscript', sup: 'Superscript', math: 'Math',
  numref: 'Numbered reference', envvar: 'Environment variable', program: 'A program', samp: 'Sample text',
};

const IMAGE_EXT = /\.(png|jpe?g|gif|svg|webp|bmp|pdf)$/i;

export function complete(doc: FeatureDoc, offset: number, ctx: CompletionContext): CompletionResult {
  const { text } = doc;
  let ls = offset;
  while (ls > 0 && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
  let le = offset;
  while (le < text.length && text[le] !== '\n' && text[le] !== '\r') le++;
  const prefix = text.slice(ls, offset);
  const after = text.slice(offset, le);
  const items: CompletionItem[] = [];

  let m: RegExpExecArray | null;
  // :doc:`path or :doc:`title <path
  if ((m = /:(?:std:)?doc:`(?:[^`<]*<)?([^`<>]*)$/.exec(prefix))) {
    docPaths(doc, ctx, offset - m[1].length, offset, m[1], items);
    return { items, isIncomplete: false };
  }
  // `text <relative/path
  if ((m = /(?<!:[\w.+-]+:)`[^`<]*<([^>`]*)$/.exec(prefix)) && !/^[a-z][a-z0-9+.-]*:/i.test(m[1])) {
    relativeFiles(doc, ctx, offset - m[1].length, offset, m[1], 'link', items);
    return { items, isIncomplete: false };
  }
  // .. image:: path
  if ((m = /^\s*\.\.\s+(image|figure|include|literalinclude)::\s+(\S*)$/.exec(prefix))) {
    relativeFiles(doc, ctx, offset - m[2].length, offset, m[2], m[1] === 'include' || m[1] === 'literalinclude' ? 'include' : 'image', items);
    return { items, isIncomplete: false };
  }
  // .. name
  if ((m = /^(\s*)\.\.\s+([\w-]*)$/.exec(prefix)) && !/^\s*\.\.\s+_/.test(prefix)) {
    for (const [name, d] of Object.entries(DIRECTIVES)) {
      items.push({ label: name, kind: 'keyword', detail: d.doc, edit: { start: offset - m[2].length, end: offset + (/^[\w-]*::/.exec(after)?.[0].length ?? 0), newText: `${name}:: ` } });
    }
    return { items, isIncomplete: false };
  }
  // directive option:   :name
  if ((m = /^(\s+):([\w-]*)$/.exec(prefix))) {
    const dname = owningDirective(text, ls);
    const options = dname ? optionsOf(dname) : undefined;
    if (options) {
      for (const o of options) items.push({ label: `:${o}:`, kind: 'property', detail: dname, filterText: `:${o}`, edit: { start: offset - m[2].length - 1, end: offset, newText: `:${o}: ` } });
      return { items, isIncomplete: false };
    }
  }
  // the date line
  const date = dateLineItems(doc, ctx, ls, offset, prefix);
  if (date) return { items: date, isIncomplete: false };
  // `name  (a named reference being typed)
  if ((m = /(?<![:\w`])`([^`<>:]*)$/.exec(prefix))) {
    const names = targetNames(doc);
    const close = after.startsWith('`_') ? '' : after.startsWith('`') ? '' : '`_';
    for (const n of names) items.push({ label: n.name, kind: 'reference', detail: n.detail, edit: { start: offset - m[1].length, end: offset, newText: n.name + close } });
    return { items, isIncomplete: false };
  }
  // :role
  if ((m = /(?:^|[\s(])(:)([\w-]*)$/.exec(prefix)) && prefix.trim() !== ':' + m[2]) {
    for (const [name, d] of Object.entries(ROLES)) {
      items.push({ label: `:${name}:`, kind: 'function', detail: d, filterText: `:${name}`, snippet: true, edit: { start: offset - m[2].length - 1, end: offset, newText: `:${name}:\`$1\`$0` } });
    }
    return { items, isIncomplete: false };
  }
  // an underline being drawn under a title line
  const lineNo = lineNumberAt(text, ls);
  const prevLine = lineNo > 0 ? lineText(text, ls, -1) : undefined;
  if (prevLine !== undefined && prevLine.trim() && !/^\s/.test(prevLine) && /^([!-/:-@[-`{-~])\1*$/.test(prefix + after.trimEnd()) && !isAdornmentLine(prevLine)) {
    const c = (prefix + after.trimEnd())[0];
    const width = columnWidth(prevLine.trim());
    items.push({ label: c.repeat(width), kind: 'text', detail: `underline (${width})`, preselect: true, edit: { start: ls, end: le, newText: c.repeat(width) } });
    return { items, isIncomplete: false };
  }
  // a heading position: line start, no indentation, after a blank line, nothing after the cursor and a
  // blank line (or the end) below: the heading replaces the line and brings its underline
  const nextLine = nextLineText(text, le);
  if (!/^\s/.test(prefix) && after.trim() === '' && (prevLine === undefined || prevLine.trim() === '') && (nextLine === undefined || nextLine.trim() === '') && !/[`:*|]/.test(prefix)) {
    headingItems(doc, ctx, ls, le, items);
  }
  return { items, isIncomplete: false };
}

function lineNumberAt(text: string, ls: number): number {
  return ls === 0 ? 0 : 1;
}

/** The text of the line after the line ending at `le`, or undefined at the end of the text. */
function nextLineText(text: string, le: number): string | undefined {
  if (le >= text.length) return undefined;
  const s = le + (text[le] === '\r' && text[le + 1] === '\n' ? 2 : 1);
  let e = s;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return text.slice(s, e);
}

/** The text of the line `delta` lines from the line starting at `ls` (only -1 supported). */
function lineText(text: string, ls: number, delta: -1): string | undefined {
  void delta;
  if (ls === 0) return undefined;
  let e = ls - 1;
  if (text[e] === '\n' && text[e - 1] === '\r') e--;
  let s = e;
  while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
  return text.slice(s, e);
}

function owningDirective(text: string, ls: number): string | undefined {
  let pos = ls;
  for (let i = 0; i < 50 && pos > 0; i++) {
    const line = lineText(text, pos, -1);
    if (line === undefined) return undefined;
    pos -= line.length + 1;
    if (text[pos - 1] === '\r') pos--;
    const m = /^\s*\.\.\s+([\w-]+)::/.exec(line);
    if (m) return m[1].toLowerCase();
    if (!/^\s/.test(line) || line.trim() === '') return undefined;
  }
  return undefined;
}

/** `posixRelative(dir, p)` for many `p` with one `dir` (its segments split once). */
function relativizer(dir: string): (p: string) => string {
  const a = dir.split('/').filter(Boolean);
  const prefix = '/' + a.join('/') + '/';
  return (p: string) => {
    if (p.startsWith(prefix)) return p.slice(prefix.length);
    const b = p.split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return '../'.repeat(a.length - i) + b.slice(i).join('/');
  };
}

function docPaths(doc: FeatureDoc, ctx: CompletionContext, start: number, end: number, typed: string, items: CompletionItem[]): void {
  const ws = ctx.ws;
  if (!ws) return;
  const rooted = typed.startsWith('/');
  const rel = relativizer(rooted ? ws.root : posixDirName(doc.path));
  for (const f of ws.files()) {
    if (!f.endsWith('.rst') || f === doc.path) continue;
    const name = f.slice(0, -4);
    const label = rooted ? '/' + rel(name) : rel(name);
    const title = ws.title?.(f);
    items.push({ label, kind: 'file', detail: title, documentation: f, sortText: sortKey(label), edit: { start, end, newText: label } });
  }
}

function relativeFiles(doc: FeatureDoc, ctx: CompletionContext, start: number, end: number, typed: string, mode: 'link' | 'image' | 'include', items: CompletionItem[]): void {
  const ws = ctx.ws;
  if (!ws) return;
  const dir = posixDirName(doc.path);
  const rooted = typed.startsWith('/');
  for (const f of ws.files()) {
    if (f === doc.path) continue;
    const isRst = f.endsWith('.rst');
    if (mode === 'image' && !IMAGE_EXT.test(f)) continue;
    if (mode === 'include' && !/\.(rst|txt|inc|py|sh|json|ya?ml|conf|cfg)$/i.test(f)) continue;
    if (mode === 'link' && posixBaseName(f) === 'conf.py') continue;
    const shown = mode === 'link' && isRst ? f.slice(0, -4) + '.html' : f;
    const label = rooted ? '/' + posixRelative(ws.root, shown) : posixRelative(dir, shown);
    items.push({ label, kind: 'file', detail: isRst ? ws.title?.(f) : undefined, documentation: posixRelative(ws.root, f), sortText: sortKey(label), edit: { start, end, newText: label } });
  }
}

/** Nearer files first: fewer `../`, then alphabetical. */
function sortKey(label: string): string {
  const ups = (label.match(/\.\.\//g) ?? []).length;
  return String(ups).padStart(2, '0') + label;
}

function targetNames(doc: FeatureDoc): Array<{ name: string; detail?: string }> {
  const out = new Map<string, string | undefined>();
  walk(doc.parsed.tree, (n) => {
    if (n.type === 'target' && !n.anonymous && n.name) {
      const written = doc.text.slice(n.nameSpan.start, n.nameSpan.end).replace(/^`|`$/g, '');
      if (!out.has(normalizeName(written))) out.set(written, n.url ?? (n.refname ? n.refname + '_' : undefined));
    } else if (n.type === 'section') {
      if (!out.has(n.titleText)) out.set(n.titleText, '§');
    } else if (n.type === 'inline_target') {
      if (!out.has(n.text)) out.set(n.text, '_`…`');
    }
    return undefined;
  });
  return [...out].map(([name, detail]) => ({ name, detail }));
}

function dateLineItems(doc: FeatureDoc, ctx: CompletionContext, ls: number, offset: number, prefix: string): CompletionItem[] | undefined {
  const dl = /^(\s*)(av|by|Av|By)\s/.exec(prefix);
  if (!dl) return undefined;
  const profile = ctx.profile;
  const prev = ctx.report?.dateLine?.line;
  const inferred = prev?.date.date ? inferDateFormat(prev.date) : undefined;
  const format = inferred?.format ?? profile.date?.format ?? DEFAULT_DATE_FORMAT;
  const language = inferred?.language ?? profile.date?.language ?? profile.language;
  const items: CompletionItem[] = [];
  let m: RegExpExecArray | null;
  if ((m = /\d{1,2}\.\s*([\p{L}]*)$/u.exec(prefix)) && /,/.test(prefix)) {
    const short = /MMMM/.test(format) ? false : /MMM/.test(format);
    const names = short ? MONTHS_SHORT[language] : MONTHS[language];
    names.forEach((name, i) => items.push({ label: name, kind: 'value', sortText: String(i).padStart(2, '0'), edit: { start: offset - m![1].length, end: offset, newText: name } }));
    return items;
  }
  if ((m = /,\s*([^,]*)$/.exec(prefix))) {
    const typed = m[1];
    const start = offset - typed.length;
    const today = formatDate(ctx.today, format, language);
    const t = (en: string, nb: string) => (ctx.locale === 'nb' ? nb : en);
    const tw = isoWeekOf(ctx.today);
    items.push({ label: today, kind: 'value', detail: t(`today (ISO week ${tw.week})`, `i dag (ISO-uke ${tw.week})`), preselect: true, sortText: '0', edit: { start, end: offset, newText: today } });
    const week = ctx.report ? reportWeek(ctx.report, ctx.today.year) : undefined;
    if (week) {
      const usual = expectedDate(week);
      const u = formatDate(usual, format, language);
      if (u !== today) items.push({ label: u, kind: 'value', detail: t(`Monday after week ${week.week}`, `mandag etter uke ${week.week}`), sortText: '1', edit: { start, end: offset, newText: u } });
    }
    const yesterday = formatDate(addDays(ctx.today, -1), format, language);
    items.push({ label: yesterday, kind: 'value', detail: t('yesterday', 'i går'), sortText: '2', edit: { start, end: offset, newText: yesterday } });
    return items;
  }
  void doc;
  void ls;
  return undefined;
}

function headingItems(doc: FeatureDoc, ctx: CompletionContext, ls: number, le: number, items: CompletionItem[]): void {
  const r = ctx.report;
  const nl = doc.text.includes('\r\n') ? '\r\n' : '\n';
  if (!r) return;
  if (!r.title || ls <= r.title.node.titleSpan.start) {
    // the report's title: the week from the file name, else last week (the usual habit)
    const week = r.file.week ?? isoWeekOf(addDays(ctx.today, -7)).week;
    const title = titleFor(r.profile, week);
    const line = '='.repeat(Math.max(columnWidth(title) + 1, 6));
    items.push({ label: title, kind: 'snippet', detail: ctx.locale === 'nb' ? 'rapportens tittel' : "the report's title", preselect: true, edit: { start: ls, end: le, newText: `${line}${nl}${title}${nl}${line}${nl}` } });
    return;
  }
  const style = reportSectionStyle(r);
  const present = new Set(r.sections.filter((s) => s.spec).map((s) => s.spec!.name));
  for (const o of r.others) if (o.spec) present.add(o.spec.name);
  let i = 0;
  for (const group of r.profile.sections.required) {
    for (const spec of group) {
      i++;
      if (present.has(spec.name)) continue;
      const line = style.char.repeat(Math.max(columnWidth(spec.name), 1));
      const newText = (style.overline ? line + nl : '') + spec.name + nl + line + nl + nl;
      items.push({
        label: spec.name,
        kind: 'snippet',
        detail: ctx.locale === 'nb' ? 'påkrevd seksjon som mangler' : 'missing required section',
        sortText: String(i).padStart(2, '0'),
        edit: { start: ls, end: le, newText },
      });
    }
  }
}
