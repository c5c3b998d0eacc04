import type { ProblemSeverity } from './ast';

/**
 * Every kind of parser problem, with its docutils severity and message templates.
 * `{name}`-style placeholders are filled from `Problem.data`. Parser authors add entries here
 * (additively) for each kind they emit; the `rst.*` rule turns a problem into the finding `rst.<kind>`.
 */
export interface ProblemKind {
  severity: ProblemSeverity;
  en: string;
  nb: string;
}

export const PROBLEM_KINDS: Record<string, ProblemKind> = {
  'title-underline-too-short': {
    severity: 'warning',
    en: 'Title underline too short.',
    nb: 'Understreken er kortere enn tittelen.',
  },
  'title-overline-too-short': {
    severity: 'warning',
    en: 'Title overline too short.',
    nb: 'Overstreken er kortere enn tittelen.',
  },
  'unexpected-indentation': {
    severity: 'error',
    en: 'Unexpected indentation.',
    nb: 'Uventet innrykk.',
  },
  'literal-block-expected': {
    severity: 'warning',
    en: 'Literal block expected; none found.',
    nb: 'Forventet en litteral blokk etter «::», men fant ingen.',
  },
};

export function problemMessage(kind: string, locale: 'en' | 'nb', data?: Record<string, string | number>): string {
  const k = PROBLEM_KINDS[kind];
  const template = k ? k[locale] : kind;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (data && name in data ? String(data[name]) : m));
}
