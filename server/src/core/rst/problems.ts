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
  'line-length-limit': {
    severity: 'error',
    // (the limit is docutils' default, which Sphinx keeps; written out to group its digits as each language does)
    en: 'Line {line} exceeds the line-length-limit of 10,000 characters: docutils and Sphinx show only this error instead of the page.',
    nb: 'Linje {line} er lengre enn grensen på 10\u00a0000 tegn: docutils og Sphinx viser bare denne feilen i stedet for siden.',
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
    en: 'Line block ends without a blank line.',
    nb: 'Linjeblokken slutter uten blank linje.',
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
  'table-blank-line-required': {
    severity: 'warning',
    en: 'Blank line required after table.',
    nb: 'Det må være en blank linje etter tabellen.',
  },
  'directive-missing-argument': {
    severity: 'error',
    en: 'Error in "{name}" directive: {required} argument(s) required, {count} supplied.',
    nb: 'Feil i direktivet «{name}»: krever {required} argument(er), fikk {count}.',
  },
  'directive-unknown-option': {
    severity: 'error',
    en: 'Error in "{name}" directive: unknown option: "{option}". Did you mean "{suggestion}"?',
    nb: 'Feil i direktivet «{name}»: ukjent valg «{option}». Mente du «{suggestion}»?',
  },
  'directive-option-no-value': {
    severity: 'error',
    en: 'Error in "{name}" directive: invalid option value: (option: "{option}"; value: \'{value}\') no argument is allowed; "{value}" supplied.',
    nb: 'Feil i direktivet «{name}»: valget «{option}» tar ingen verdi, men fikk «{value}».',
  },
  'directive-option-value-missing': {
    severity: 'error',
    en: 'Error in "{name}" directive: invalid option value: (option: "{option}"; value: None) argument required but none supplied.',
    nb: 'Feil i direktivet «{name}»: valget «{option}» må ha en verdi.',
  },
  'directive-option-not-integer': {
    severity: 'error',
    en: 'Error in "{name}" directive: invalid option value: (option: "{option}"; value: \'{value}\') not a whole number.',
    nb: 'Feil i direktivet «{name}»: verdien «{value}» for «{option}» er ikke et heltall.',
  },
  'directive-option-not-length': {
    severity: 'error',
    en: 'Error in "{name}" directive: invalid option value: (option: "{option}"; value: \'{value}\') not a positive measure of one of the units {units}.',
    nb: 'Feil i direktivet «{name}»: verdien «{value}» for «{option}» er ikke et positivt mål i en av enhetene {units}.',
  },
  'directive-option-choice': {
    severity: 'error',
    en: 'Error in "{name}" directive: invalid option value: (option: "{option}"; value: \'{value}\') "{value}" unknown; choose from {choices}.',
    nb: 'Feil i direktivet «{name}»: ukjent verdi «{value}» for «{option}»; velg blant {choices}.',
  },
  'directive-duplicate-option': {
    severity: 'error',
    en: 'Error in "{name}" directive: invalid option data: duplicate option "{option}".',
    nb: 'Feil i direktivet «{name}»: valget «{option}» er gitt to ganger.',
  },
  'directive-invalid-option-block': {
    severity: 'error',
    en: 'Error in "{name}" directive: invalid option block (a line among the options that is not an option; a blank line must come before the content).',
    nb: 'Feil i direktivet «{name}»: ugyldig blokk med valg (en linje blant valgene er ikke et valg; det må være en blank linje før innholdet).',
  },
  'directive-no-content': {
    severity: 'error',
    en: 'Error in "{name}" directive: no content permitted.',
    nb: 'Feil i direktivet «{name}»: innhold er ikke tillatt.',
  },
  'directive-content-missing': {
    severity: 'error',
    en: 'Content block expected for the "{name}" directive; none found.',
    nb: 'Direktivet «{name}» må ha innhold (en innrykket blokk), men har ikke noe.',
  },
  'csv-table-content-missing': {
    severity: 'warning',
    en: 'The "{name}" directive requires content; none supplied.',
    nb: 'Direktivet «{name}» krever innhold (eller :file: eller :url:), men har ikke noe.',
  },
  'list-table-empty': {
    severity: 'error',
    en: 'The "{name}" directive is empty; content required.',
    nb: 'Direktivet «{name}» er tomt; det må ha innhold.',
  },
  'directive-too-many-arguments': {
    severity: 'error',
    en: 'Error in "{name}" directive: maximum {max} argument(s) allowed, {count} supplied.',
    nb: 'Feil i direktivet «{name}»: høyst {max} argument(er) tillatt, fikk {count}.',
  },
  'transition-at-start': {
    severity: 'error',
    en: 'Document or section may not begin with a transition.',
    nb: 'Et dokument eller en seksjon kan ikke begynne med en skillelinje.',
  },
  'transitions-adjacent': {
    severity: 'error',
    en: 'At least one body element must separate transitions; adjacent transitions are not allowed.',
    nb: 'Skillelinjer må skilles av minst ett element; to skillelinjer etter hverandre er ikke tillatt.',
  },
  'transition-at-end': {
    severity: 'error',
    en: 'Document may not end with a transition.',
    nb: 'Et dokument kan ikke slutte med en skillelinje.',
  },
  'possible-title-underline': {
    severity: 'info',
    en: "Possible title underline, too short for the title. Treating it as ordinary text because it's so short.",
    nb: 'Mulig understreking av en tittel, men for kort til å gjelde: behandles som vanlig tekst.',
  },
  'definition-list-literal': {
    severity: 'info',
    en: 'Blank line missing before literal block (after the "::")? Interpreted as a definition list item.',
    nb: 'Mangler det en blank linje før den litterale blokken (etter «::»)? Tolket som et punkt i en definisjonsliste.',
  },
  'internal-error': {
    severity: 'error',
    en: 'Internal parser error: {message}',
    nb: 'Intern feil i parseren: {message}',
  },
  // --- end block parser (P) ---
  'inline-emphasis-unclosed': {
    severity: 'warning',
    en: 'Inline emphasis start-string without end-string.',
    nb: 'Utheving (*) er åpnet, men ikke avsluttet.',
  },
  'inline-strong-unclosed': {
    severity: 'warning',
    en: 'Inline strong start-string without end-string.',
    nb: 'Sterk utheving (**) er åpnet, men ikke avsluttet.',
  },
  'inline-literal-unclosed': {
    severity: 'warning',
    en: 'Inline literal start-string without end-string.',
    nb: 'Litteral tekst (``) er åpnet, men ikke avsluttet.',
  },
  'inline-interpreted-unclosed': {
    severity: 'warning',
    en: 'Inline interpreted text or phrase reference start-string without end-string.',
    nb: 'Tolket tekst eller lenke (`) er åpnet, men ikke avsluttet.',
  },
  'inline-target-unclosed': {
    severity: 'warning',
    en: 'Inline target start-string without end-string.',
    nb: 'Innebygd mål (_`) er åpnet, men ikke avsluttet.',
  },
  'inline-substitution-unclosed': {
    severity: 'warning',
    en: 'Inline substitution_reference start-string without end-string.',
    nb: 'Substitusjonsreferanse (|) er åpnet, men ikke avsluttet.',
  },
  'unknown-role': {
    severity: 'error',
    en: 'Unknown interpreted text role "{name}".',
    nb: 'Ukjent rolle «{name}».',
  },
  'role-multiple': {
    severity: 'warning',
    en: 'Multiple roles in interpreted text (both prefix and suffix present; only one allowed).',
    nb: 'Flere roller i tolket tekst (både foran og bak); bare én er tillatt.',
  },
  'role-reference-mismatch': {
    severity: 'warning',
    en: 'Mismatch: both interpreted text role {position} and reference suffix.',
    nb: 'Konflikt: tolket tekst har både rolle ({position}) og lenkesuffiks (_).',
  },
  'duplicate-target': {
    severity: 'warning',
    en: 'Duplicate explicit target name: "{name}".',
    nb: 'Lenkenavnet «{name}» er definert flere ganger med ulike mål.',
  },
  'duplicate-implicit-target': {
    severity: 'info',
    en: 'Duplicate implicit target name: "{name}".',
    nb: 'Det implisitte målet «{name}» finnes flere ganger.',
  },
  'duplicate-target-reference': {
    severity: 'error',
    en: 'Duplicate target name, cannot be used as a unique reference: "{name}".',
    nb: 'Lenkenavnet «{name}» er definert flere ganger og kan ikke brukes som entydig referanse.',
  },
  'unknown-target': {
    severity: 'error',
    en: 'Unknown target name: "{name}".',
    nb: 'Ukjent lenkemål «{name}».',
  },
  'indirect-target-unknown': {
    severity: 'error',
    en: 'Indirect hyperlink target {naming} refers to target "{refname}", {explanation}.',
    nb: 'Det indirekte lenkemålet «{name}» viser til «{refname}», som ikke finnes entydig.',
  },
  'anonymous-mismatch': {
    severity: 'error',
    en: 'Anonymous hyperlink mismatch: {refs} references but {targets} targets.',
    nb: 'Anonyme lenker stemmer ikke: {refs} referanser, men {targets} mål.',
  },
  'undefined-substitution': {
    severity: 'error',
    en: 'Undefined substitution referenced: "{name}".',
    nb: 'Substitusjonen «{name}» er ikke definert.',
  },
  'duplicate-substitution': {
    severity: 'error',
    en: 'Duplicate substitution definition name: "{name}".',
    nb: 'Substitusjonen «{name}» er definert flere ganger.',
  },
  'footnote-autonumber-mismatch': {
    severity: 'error',
    en: 'Too many autonumbered footnote references: only {count} corresponding footnotes available.',
    nb: 'For mange autonummererte fotnotereferanser: bare {count} fotnoter finnes.',
  },
  'footnote-symbol-mismatch': {
    severity: 'error',
    en: 'Too many symbol footnote references: only {count} corresponding footnotes available.',
    nb: 'For mange symbolfotnotereferanser: bare {count} fotnoter finnes.',
  },
};

export function problemMessage(kind: string, locale: 'en' | 'nb', data?: Record<string, string | number>): string {
  const k = PROBLEM_KINDS[kind];
  const template = k ? k[locale] : kind;
  if (template.indexOf('{') < 0) return template; // most messages have no placeholder
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (data && name in data ? String(data[name]) : m));
}
