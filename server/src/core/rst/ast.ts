/**
 * The reStructuredText syntax tree produced by `parse()`.
 *
 * Invariants (see architecture.md):
 * - every node carries `start`/`end`: 0-based UTF-16 offsets into the source text, `end` exclusive;
 * - a child's range lies inside its parent's range; siblings are in source order and do not overlap;
 * - the tree is plain data (JSON-serialisable): no functions, no cycles.
 */

export interface Span {
  /** 0-based UTF-16 offset of the first character. */
  start: number;
  /** 0-based UTF-16 offset one past the last character. */
  end: number;
}

// ---------------------------------------------------------------- problems

export type ProblemSeverity = 'error' | 'warning' | 'info';

/**
 * A syntax problem, as docutils would report it on the same text (a "system message").
 * `kind` is a stable kebab-case identifier (e.g. `title-underline-too-short`, `unexpected-indentation`,
 * `inline-start-without-end`, `duplicate-target`, `unknown-target`, `literal-block-expected`);
 * the rules layer turns it into the finding code `rst.<kind>` and a localised message using `data`.
 */
export interface Problem extends Span {
  kind: string;
  severity: ProblemSeverity;
  /** Values for the message, e.g. `{ name: 'trello' }`. */
  data?: Record<string, string | number>;
}

// ---------------------------------------------------------------- inline

export interface Text extends Span { type: 'text'; value: string }
export interface Emphasis extends Span { type: 'emphasis'; children: Inline[] }
export interface Strong extends Span { type: 'strong'; children: Inline[] }
export interface Literal extends Span { type: 'literal'; value: string }

/**
 * Interpreted text: `` :role:`text` `` or `` `text`:role: `` or `` `text` `` (default role: `role` null).
 * For Sphinx cross-reference roles (`:doc:`, `:ref:` …) written as `title <target>`,
 * `title`/`target` are split out; otherwise `target` is the whole text and `title` is undefined.
 */
export interface Role extends Span {
  type: 'role';
  role: string | null;
  /** Range of the role name including colons, if written. */
  roleSpan?: Span;
  /** The text between the backquotes (escapes processed). */
  text: string;
  textSpan: Span;
  title?: string;
  target: string;
  targetSpan: Span;
}

export type ReferenceKind =
  | 'named'       // `text`_  or word_
  | 'anonymous'   // `text`__ or word__
  | 'standalone'  // https://example.org
  | 'email';      // someone@example.org

/** A hyperlink reference. */
export interface Reference extends Span {
  type: 'reference';
  kind: ReferenceKind;
  /** The displayed text. */
  text: string;
  textSpan: Span;
  /** Normalised reference name (whitespace collapsed, lower-cased) for named refs; undefined otherwise. */
  refname?: string;
  /** The URL, if embedded (`text <url>`_), standalone or e-mail (with `mailto:`). */
  url?: string;
  urlSpan?: Span;
  /** True for `text <url>`_ / `text <url>`__ forms. */
  embedded: boolean;
  /** For embedded `<name_>` forms: the referenced target name (normalised). */
  embeddedRefname?: string;
}

/** Inline internal target: _`name`. */
export interface InlineTarget extends Span { type: 'inline_target'; name: string; text: string }
/** |name| or |name|_ */
export interface SubstitutionReference extends Span { type: 'substitution_reference'; name: string; linked: boolean }
/** [1]_, [#]_, [#label]_, [*]_ */
export interface FootnoteReference extends Span { type: 'footnote_reference'; label: string }
/** [CIT2002]_ */
export interface CitationReference extends Span { type: 'citation_reference'; label: string }
/** A problem rendered inline (docutils' `problematic`), e.g. an unmatched start-string. */
export interface Problematic extends Span { type: 'problematic'; value: string }

export type Inline =
  | Text | Emphasis | Strong | Literal | Role | Reference | InlineTarget
  | SubstitutionReference | FootnoteReference | CitationReference | Problematic;

// ---------------------------------------------------------------- blocks

export interface Document extends Span {
  type: 'document';
  children: Block[];
}

export interface Adornment {
  /** The punctuation character, e.g. '='. */
  char: string;
  overline: boolean;
  overlineSpan?: Span;
  underlineSpan: Span;
}

export interface Section extends Span {
  type: 'section';
  /** 1 = top level (the document title in a report), 2 = its subsections, ... */
  level: number;
  title: Inline[];
  /** The title as plain text (markup removed, whitespace trimmed). */
  titleText: string;
  /** Range of the title text line (without adornment and indentation). */
  titleSpan: Span;
  adornment: Adornment;
  /** docutils id (`make_id`): lower-case ASCII, non-alphanumerics to '-'. */
  id: string;
  children: Block[];
}

export interface Paragraph extends Span { type: 'paragraph'; children: Inline[] }

export interface ListItem extends Span {
  type: 'list_item';
  /** Span of the bullet / enumerator marker. */
  markerSpan: Span;
  children: Block[];
}

export interface BulletList extends Span { type: 'bullet_list'; bullet: string; items: ListItem[] }

export interface EnumeratedList extends Span {
  type: 'enumerated_list';
  enumtype: 'arabic' | 'loweralpha' | 'upperalpha' | 'lowerroman' | 'upperroman' | 'auto';
  prefix: string;
  suffix: string;
  startNumber: number;
  items: ListItem[];
}

export interface DefinitionListItem extends Span {
  type: 'definition_list_item';
  term: Inline[];
  termSpan: Span;
  classifiers: Inline[][];
  definition: Block[];
}
export interface DefinitionList extends Span { type: 'definition_list'; items: DefinitionListItem[] }

export interface Field extends Span {
  type: 'field';
  name: Inline[];
  nameText: string;
  nameSpan: Span;
  body: Block[];
}
export interface FieldList extends Span { type: 'field_list'; fields: Field[] }

/** Option lists (`-a  description`): kept as items of option text and description. */
export interface OptionListItem extends Span { type: 'option_list_item'; options: string; optionsSpan: Span; description: Block[] }
export interface OptionList extends Span { type: 'option_list'; items: OptionListItem[] }

/** Literal block after `::` (indented or quoted). */
export interface LiteralBlock extends Span {
  type: 'literal_block';
  /** The text with the common indentation removed. */
  value: string;
  /** Set for `code`/`code-block`/`sourcecode` directives' content. */
  language?: string;
  /** `parsed-literal` content: the inline markup of the text (offsets into the source). */
  children?: Inline[];
}

export interface DoctestBlock extends Span { type: 'doctest_block'; value: string }

export interface BlockQuote extends Span {
  type: 'block_quote';
  children: Block[];
  attribution?: Inline[];
  attributionSpan?: Span;
}

export interface Line extends Span { type: 'line'; indent: number; children: Inline[] }
/**
 * `| text` lines. As in docutils (nest_line_block_segment), lines indented more than the block's least
 * indent form a nested line block in their place: `lines` holds lines and nested blocks, in source order.
 */
export interface LineBlock extends Span { type: 'line_block'; lines: Array<Line | LineBlock> }

export interface Comment extends Span { type: 'comment'; value: string }
export interface Transition extends Span { type: 'transition' }

export interface DirectiveOption extends Span {
  name: string;
  value: string;
  nameSpan: Span;
  valueSpan: Span;
}

/**
 * `.. name:: argument` with `:option: value` lines and indented content.
 * Known body directives (admonitions, figure legend, topic, sidebar, rubric-like containers, `only`, `container`,
 * `compound`, …) have their content parsed into `children`; others keep only `content`.
 */
export interface Directive extends Span {
  type: 'directive';
  name: string;
  nameSpan: Span;
  argument: string;
  argumentSpan?: Span;
  options: DirectiveOption[];
  /** Raw content text with common indentation removed ('' when none). */
  content: string;
  /** Range of the content lines in the source (when there is content). */
  contentSpan?: Span;
  /** Parsed content for directives whose body is rST. */
  children?: Block[];
  /** For `code`/`code-block`/`literalinclude`-like directives: the language argument. */
  language?: string;
  /**
   * Set when docutils rejects the directive and builds no node for it, only an error: an unknown name, an
   * unknown or repeated option, arguments missing or too many, content missing or not permitted. The
   * preview then shows the error alone (as Sphinx), or the directive's text for an unknown one; either way
   * a title after it is still the document's title.
   */
  invalid?: 'unknown' | 'options' | 'arguments' | 'content';
}

/** `.. _name: url`, `.. _name: other_`, `.. __: url`, `__ url` */
export interface Target extends Span {
  type: 'target';
  /** Normalised name ('' for anonymous). */
  name: string;
  nameSpan: Span;
  anonymous: boolean;
  /** External URL (whitespace removed), if any. */
  url?: string;
  urlSpan?: Span;
  /** Indirect target: the referenced name (normalised), for `.. _a: b_`. */
  refname?: string;
}

export interface SubstitutionDefinition extends Span {
  type: 'substitution_definition';
  name: string;
  nameSpan: Span;
  directive: Directive;
}

export interface Footnote extends Span {
  type: 'footnote';
  /** '1', '#', '#label', '*' */
  label: string;
  labelSpan: Span;
  children: Block[];
}

export interface Citation extends Span {
  type: 'citation';
  label: string;
  labelSpan: Span;
  children: Block[];
}

export interface TableCell extends Span {
  type: 'table_cell';
  /** Number of extra columns/rows spanned (grid tables); 0 when none. */
  morecols: number;
  morerows: number;
  children: Block[];
}
export interface TableRow extends Span { type: 'table_row'; cells: TableCell[] }
export interface Table extends Span {
  type: 'table';
  kind: 'grid' | 'simple' | 'list' | 'csv';
  /** Rows in the header (thead). */
  header: TableRow[];
  body: TableRow[];
  /** Column widths in characters (grid/simple). */
  colWidths: number[];
}

export type Block =
  | Section | Paragraph | BulletList | EnumeratedList | ListItem | DefinitionList | DefinitionListItem
  | FieldList | Field | OptionList | OptionListItem | LiteralBlock | DoctestBlock | BlockQuote | LineBlock | Line
  | Comment | Transition | Directive | Target | SubstitutionDefinition | Footnote | Citation
  | Table | TableRow | TableCell;

export type Node = Document | Block | Inline;

export interface ParseResult {
  tree: Document;
  problems: Problem[];
}
