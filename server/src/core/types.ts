/**
 * Data exchanged between the pure core and its adapters (LSP server, CLI, preview).
 * All offsets are 0-based UTF-16 offsets into the document text; conversion to
 * line/character happens only at the edges (see `lineIndex.ts`).
 */

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Locale = 'en' | 'nb';

/** Replace text[start, end) with newText. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix, carried as data on the finding. */
export interface Fix {
  /** Localised title shown in the light bulb menu. */
  title: string;
  /** Edits to this document (non-overlapping). */
  edits: TextEdit[];
  /** Preferred fix: the one applied by "fix all". */
  isPreferred?: boolean;
  /** Rename this document (absolute posix paths) instead of / besides editing it. */
  rename?: { from: string; to: string };
}

export interface Finding {
  /** Stable, namespaced code: `title.*`, `date.*`, `section.*`, `link.*`, `rst.*`, `text.*`, `config.*`. */
  code: string;
  severity: Severity;
  /** Localised message. */
  message: string;
  start: number;
  end: number;
  fixes: Fix[];
}

/**
 * What the core knows about the workspace. Implementations must answer from memory
 * (an index), never by touching the disk: this is called on the keystroke path.
 * Paths are absolute, posix-style ('/'-separated), without trailing slash.
 */
export interface Workspace {
  /** The docs root: the folder holding conf.py (or the workspace folder). */
  readonly root: string;
  exists(path: string): boolean;
  /** Known files with this base name (e.g. 'production.rst'). */
  findByBaseName(baseName: string): readonly string[];
  /** Every known file. */
  files(): Iterable<string>;
  /** The known files whose path starts with `prefix` (optional: without it, callers filter files()). */
  filesWithPrefix?(prefix: string): Iterable<string>;
  /** Title of an .rst document, if the index knows it. */
  title?(path: string): string | undefined;
}
