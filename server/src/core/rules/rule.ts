import type { ParseResult } from '../rst/ast';
import type { LineIndex } from '../lineIndex';
import type { Finding, Fix, Locale, Severity, Workspace } from '../types';
import type { ReportModel } from '../report/model';
import type { Profile } from '../report/profile';

/** Metadata first: what a rule checks, how loud it is by default, whether it can fix what it finds. */
export interface RuleMeta {
  /** Stable namespaced code, e.g. `section.missing`. */
  code: string;
  description: { en: string; nb: string };
  severity: Severity;
  fixable: boolean;
  /** `report`: runs only on documents recognised as reports; `all`: on every .rst document. */
  scope: 'report' | 'all';
}

/** A localised message: one text per supported locale. */
export type Message = { en: string; nb: string };

export interface RuleContext {
  readonly text: string;
  /** Absolute posix path of the document. */
  readonly path: string;
  readonly parsed: ParseResult;
  readonly lines: LineIndex;
  readonly locale: Locale;
  readonly profile: Profile;
  /** The report model, when the document is a report under its profile. */
  readonly report?: ReportModel;
  readonly workspace?: Workspace;
  /** The docs root (folder holding conf.py / weekly-report.json), when known. */
  readonly root?: string;
  /**
   * Record a finding of this rule. Severity defaults to the rule's (or the configured override).
   * `code` (optional) lets one rule emit sub-codes of its namespace, e.g. `rst.unexpected-indentation`;
   * severity overrides then apply to that code (or its namespace).
   */
  emit(finding: { start: number; end: number; message: Message; code?: string; fixes?: Array<Omit<Fix, 'title'> & { title: Message }>; severity?: Severity }): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export type { Finding };
