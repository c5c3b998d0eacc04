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
  // --- block parser (P) ---
  'unexpected-section-title': {
    severity: 'error',
    en: 'Unexpected section title.',
    nb: 'Uventet seksjonstittel (titler er ikke tillatt her).',
  },
  'unexpected-section-title-or-transition': {
    severity: 'error',
    en: 'Unexpected section title or transition.',
    nb: 'Uventet seksjonstittel eller skillelinje.',
  },
  'invalid-section-title': {
    severity: 'error',
    en: 'Invalid section title or transition marker.',
    nb: 'Ugyldig seksjonstittel eller skillelinje.',
  },
  'incomplete-section-title': {
    severity: 'error',
    en: 'Incomplete section title.',
    nb: 'Ufullstendig seksjonstittel.',
  },
  'missing-underline': {
    severity: 'error',
    en: 'Missing matching underline for section title overline.',
    nb: 'Seksjonstittelen har overstrek, men mangler tilsvarende understrek.',
  },
  'overline-underline-mismatch': {
    severity: 'error',
    en: 'Title overline & underline mismatch.',
    nb: 'Over- og understreken til tittelen er ulike.',
  },
  'title-level-inconsistent': {
    severity: 'error',
    en: 'Title level inconsistent.',
    nb: 'Inkonsistent titelnivå (understrekingsstilen passer ikke med nivået).',
  },
  'inconsistent-literal-quoting': {
    severity: 'error',
    en: 'Inconsistent literal block quoting.',
    nb: 'Inkonsistent sitering i litteral blokk.',
  },
  'list-unindent': {
    severity: 'warning',
    en: 'Bullet list ends without a blank line; unexpected unindent.',
    nb: 'Punktlisten slutter uten blank linje; uventet utrykk.',
  },
  'enumerated-list-unindent': {
    severity: 'warning',
    en: 'Enumerated list ends without a blank line; unexpected unindent.',
    nb: 'Den nummererte listen slutter uten blank linje; uventet utrykk.',
  },
  'definition-list-unindent': {
    severity: 'warning',
    en: 'Definition list ends without a blank line; unexpected unindent.',
    nb: 'Definisjonslisten slutter uten blank linje; uventet utrykk.',
  },
  'field-list-unindent': {
    severity: 'warning',
    en: 'Field list ends without a blank line; unexpected unindent.',
    nb: 'Feltlisten slutter uten blank linje; uventet utrykk.',
  },
  'option-list-unindent': {
    severity: 'warning',
    en: 'Option list ends without a blank line; unexpected unindent.',
    nb: 'Opsjonslisten slutter uten blank linje; uventet utrykk.',
  },
  'block-quote-unindent': {
    severity: 'warning',
    en: 'Block quote ends without a blank line; unexpected unindent.',
    nb: 'Sitatblokken slutter uten blank linje; uventet utrykk.',
  },
  'literal-block-unindent': {
    severity: 'warning',
    en: 'Literal block ends without a blank line; unexpected unindent.',
    nb: 'Den litterale blokken slutter uten blank linje; uventet utrykk.',
  },
  'line-block-unindent': {
    severity: 'warning',
    en: 'Line block ends without a blank line; unexpected unindent.',
    nb: 'Linjeblokken slutter uten blank linje; uventet utrykk.',
  },
  'explicit-markup-unindent': {
    severity: 'warning',
    en: 'Explicit markup ends without a blank line; unexpected unindent.',
    nb: 'Eksplisitt markering slutter uten blank linje; uventet utrykk.',
  },
  'enumerated-list-start': {
    severity: 'info',
    en: 'Enumerated list start value not ordinal-1: "{text}" (ordinal {ordinal})',
    nb: 'Den nummererte listen starter ikke på 1: «{text}» (nummer {ordinal})',
  },
  'malformed-hyperlink-target': {
    severity: 'warning',
    en: 'malformed hyperlink target.',
    nb: 'Feilformet lenkemål.',
  },
  'malformed-substitution-definition': {
    severity: 'warning',
    en: 'malformed substitution definition.',
    nb: 'Feilformet substitusjonsdefinisjon.',
  },
  'substitution-missing-contents': {
    severity: 'warning',
    en: 'Substitution definition "{name}" missing contents.',
    nb: 'Substitusjonsdefinisjonen «{name}» mangler innhold.',
  },
  'substitution-invalid': {
    severity: 'warning',
    en: 'Substitution definition "{name}" empty or invalid.',
    nb: 'Substitusjonsdefinisjonen «{name}» er tom eller ugyldig.',
  },
  'unknown-directive': {
    severity: 'error',
    en: 'Unknown directive type "{name}".',
    nb: 'Ukjent direktiv «{name}».',
  },
  'malformed-table': {
    severity: 'error',
    en: 'Malformed table.',
    nb: 'Feilformet tabell.',
  },
  'internal-error': {
    severity: 'error',
    en: 'Internal parser error: {message}',
    nb: 'Intern feil i parseren: {message}',
  },
  // --- end block parser (P) ---
};

export function problemMessage(kind: string, locale: 'en' | 'nb', data?: Record<string, string | number>): string {
  const k = PROBLEM_KINDS[kind];
  const template = k ? k[locale] : kind;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (data && name in data ? String(data[name]) : m));
}
