/**
 * The rule registry: every rule, one import and one array entry each (add lines; keep it a plain list so
 * parallel additive edits merge).
 */
import type { Rule } from './rule';
import { rule as titleMissingWeek } from './title-missing-week';
import { rule as titleWeekMismatch } from './title-week-mismatch';
import { rule as titleAdornment } from './title-adornment';
import { rule as dateMissing } from './date-missing';
import { rule as dateUnparsable } from './date-unparsable';
import { rule as dateWindow } from './date-window';
import { rule as dateYear } from './date-year';
import { rule as dateFormat } from './date-format';
import { rule as sectionMissing } from './section-missing';
import { rule as sectionOrder } from './section-order';
import { rule as sectionEmpty } from './section-empty';
import { rule as sectionDuplicate } from './section-duplicate';
import { rule as sectionLevel } from './section-level';
import { rule as sectionUnexpected } from './section-unexpected';
import { rule as linkMissingUnderscore } from './link-missing-underscore';
import { rule as linkMissingSpace } from './link-missing-space';
import { rule as linkUnbalancedBackquotes } from './link-unbalanced-backquotes';
import { rule as linkDuplicateName } from './link-duplicate-name';
import { rule as linkDocUnresolved } from './link-doc-unresolved';
import { rule as linkRelativeUnresolved } from './link-relative-unresolved';
import { rule as linkImageUnresolved } from './link-image-unresolved';
import { rule as rstSyntax } from './rst-syntax';
import { rule as textEncoding } from './text-encoding';
import { rule as textTabs } from './text-tabs';
import { rule as textTrailingSpace } from './text-trailing-space';

export const RULE_LIST: Rule[] = [
  titleMissingWeek,
  titleWeekMismatch,
  titleAdornment,
  dateMissing,
  dateUnparsable,
  dateWindow,
  dateYear,
  dateFormat,
  sectionMissing,
  sectionOrder,
  sectionEmpty,
  sectionDuplicate,
  sectionLevel,
  sectionUnexpected,
  linkMissingUnderscore,
  linkMissingSpace,
  linkUnbalancedBackquotes,
  linkDuplicateName,
  linkDocUnresolved,
  linkRelativeUnresolved,
  linkImageUnresolved,
  rstSyntax,
  textEncoding,
  textTabs,
  textTrailingSpace,
];
