/**
 * A profile says what a document must look like: whether it is a weekly report at all, how its file name
 * and title carry the week, its date line and its required sections. Profiles are plain data (JSON-able);
 * `weekly-report.json` at the docs root chooses them by path glob (see config.ts). Pure.
 */
import type { DateLanguage } from './dates';
import { isSpacedNormally } from '../rst/names';

/** A required section: its name, and other names accepted for it (case-insensitive). */
export interface SectionSpec {
  name: string;
  aliases?: string[];
}

export interface DateLineProfile {
  /** A date line right after the title is required. */
  required: boolean;
  /** Format for fixes and new reports (tokens: see `formatDate`), e.g. `D.MMMM YYYY`. */
  format: string;
  language: DateLanguage;
  /** Allowed distance (in ISO weeks) from the title's week to the date's week: [min, max]. */
  window: [number, number];
  /** The date's year must be a year of the window (the folder's/file name's year). */
  checkYear: boolean;
}

export interface SectionsProfile {
  /**
   * Ordered groups: every section of group i comes before every section of group i+1; inside a group
   * any order. Default: [['Status'], ['Planlagte aktiviteter', 'Utfordringer'], ['Annet']].
   */
  required: SectionSpec[][];
  /** Other sections (not required) may appear at the report's section level. */
  allowOthers: boolean;
  /** Sections at the report's section level must not be empty. */
  nonEmpty: boolean;
}

export interface Profile {
  name: string;
  /** Globs relative to the docs root (`*`, `**`, `?`, `{a,b}`) of the files it applies to. */
  files: string[];
  /** `report`: every rule; `document`: syntax, link and text rules only. */
  kind: 'report' | 'document';
  /** Language of the report's fixed text (section bodies, date line prefix). */
  language: DateLanguage;
  /**
   * File name templates giving the week (and optionally the year): `{week}` (digits), `{year}` (4 digits).
   * The first template is used to propose file names.
   */
  fileName: string[];
  /** Take the year from the parent folder when it is a 4-digit number. */
  yearFromFolder: boolean;
  /** Title template with `{week}`, e.g. `Uke {week}`; matched case-insensitively at the start of the title. */
  title: string;
  /** The date line; undefined: reports of this profile have none (no date rules). */
  date?: DateLineProfile;
  sections: SectionsProfile;
}

export const DEFAULT_SECTIONS: SectionSpec[][] = [[{ name: 'Status' }], [{ name: 'Planlagte aktiviteter' }, { name: 'Utfordringer' }], [{ name: 'Annet' }]];

/** The 2017–2019 corpus style. */
export const DEFAULT_PROFILE: Profile = Object.freeze({
  name: 'default',
  files: ['**/uke_*.rst', '**/*_uke_*.rst'],
  kind: 'report',
  language: 'nb',
  fileName: ['uke_{week}.rst', '{year}_uke_{week}.rst'],
  yearFromFolder: true,
  title: 'Uke {week}',
  date: { required: true, format: 'D.MMMM YYYY', language: 'nb', window: [0, 2], checkYear: true },
  sections: { required: DEFAULT_SECTIONS, allowOthers: false, nonEmpty: true },
}) as Profile;

/** English counterpart of the default. */
export const ENGLISH_PROFILE: Profile = {
  ...DEFAULT_PROFILE,
  name: 'english',
  language: 'en',
  fileName: ['week_{week}.rst', '{year}_week_{week}.rst'],
  title: 'Week {week}',
  date: { required: true, format: 'D MMMM YYYY', language: 'en', window: [0, 2], checkYear: true },
  sections: { required: [[{ name: 'Status' }], [{ name: 'Planned activities' }, { name: 'Challenges' }], [{ name: 'Other' }]], allowOthers: false, nonEmpty: true },
};

/** Profile for anything that is not a report: syntax and link rules only. */
export const DOCUMENT_PROFILE: Profile = { ...DEFAULT_PROFILE, name: 'document', files: ['**'], kind: 'document' };

/** Compiled templates, one map per anchoring (keyed by the template itself: no key string to build per call). */
const reCache = [new Map<string, RegExp>(), new Map<string, RegExp>()];
function templateRegExp(template: string, anchoredEnd: boolean): RegExp {
  const cache = reCache[anchoredEnd ? 1 : 0];
  let re = cache.get(template);
  if (!re) {
    // titles (not anchored at the end) also give the week's index (`d`): the week may sit anywhere in them
    re = new RegExp(templateToRegExpSource(template, anchoredEnd), anchoredEnd ? 'iu' : 'diu');
    if (cache.size > 200) cache.clear();
    cache.set(template, re);
  }
  return re;
}

function templateToRegExpSource(template: string, anchoredEnd: boolean): string {
  let re = '';
  for (let i = 0; i < template.length; i++) {
    if (template.startsWith('{week}', i)) { re += '(?<week>\\d{1,2})'; i += 5; }
    else if (template.startsWith('{year}', i)) { re += '(?<year>\\d{4})'; i += 5; }
    else if (/\s/.test(template[i])) { re += '\\s+'; while (/\s/.test(template[i + 1] ?? '')) i++; }
    else re += template[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return '^' + re + (anchoredEnd ? '$' : '(?![0-9])');
}

/** Match a file base name against the profile's templates. */
export function matchFileName(profile: Profile, baseName: string): { week: number; year?: number; template: string } | undefined {
  for (const t of profile.fileName) {
    const m = templateRegExp(t, true).exec(baseName);
    if (m?.groups) return { week: Number(m.groups.week), year: m.groups.year ? Number(m.groups.year) : undefined, template: t };
  }
  return undefined;
}

/** A file name for a week, from the first template (or the given one); the week has two digits. */
export function fileNameFor(profile: Profile, week: number, year?: number, template?: string): string {
  const t = template ?? profile.fileName[0];
  return t.replace('{week}', String(week).padStart(2, '0')).replace('{year}', String(year ?? ''));
}

/** Match a title text; `weekOffset` is the offset of the week digits in the title text. */
export function matchTitle(profile: Profile, title: string): { week: number; weekOffset: number; weekText: string } | undefined {
  const m = templateRegExp(profile.title, false).exec(title);
  if (!m?.groups) return undefined;
  const weekText = m.groups.week;
  // where the week group matched ('第{week}週', 'Week {week} report': not always at the end)
  const weekOffset = m.indices?.groups?.week?.[0] ?? m.index + m[0].length - weekText.length;
  return { week: Number(weekText), weekOffset, weekText };
}

/** The title for a week, e.g. `Uke 8`. */
export function titleFor(profile: Profile, week: number): string {
  return profile.title.replace('{week}', String(week)).replace('{year}', '');
}

export function normaliseSectionName(s: string): string {
  // most headings are already trimmed, single-spaced and without a final ':' or '.'
  const last = s.charCodeAt(s.length - 1);
  if (last !== 58 && last !== 46 && isSpacedNormally(s)) return s.toLowerCase();
  return s.trim().replace(/[:.]$/, '').replace(/\s+/g, ' ').toLowerCase();
}

type SpecIndex = Map<string, { group: number; index: number; spec: SectionSpec }>;
const specIndexes = new WeakMap<SectionSpec[][], SpecIndex>();

/** The (group, index) of the required section a heading stands for, if any. */
export function findSectionSpec(profile: Profile, title: string): { group: number; index: number; spec: SectionSpec } | undefined {
  const groups = profile.sections.required;
  let idx = specIndexes.get(groups);
  if (!idx) {
    idx = new Map();
    for (let g = 0; g < groups.length; g++) {
      for (let i = 0; i < groups[g].length; i++) {
        const spec = groups[g][i];
        for (const n of [spec.name, ...(spec.aliases ?? [])]) {
          const key = normaliseSectionName(n);
          if (!idx.has(key)) idx.set(key, { group: g, index: i, spec });
        }
      }
    }
    specIndexes.set(groups, idx);
  }
  return idx.get(normaliseSectionName(title));
}

/** Text written into a new, otherwise empty section (so it is not empty). */
export function placeholderBody(profile: Profile): string {
  return profile.language === 'nb' ? 'Ingen.' : 'None.';
}
