/**
 * The rule registry: every rule, one import and one array entry each (add lines; keep it a plain list so
 * parallel additive edits merge).
 */
import type { Rule } from './rule';
import { rule as titleMissingWeek } from './title-missing-week';
import { rule as titleWeekMismatch } from './title-week-mismatch';
import { rule as titleAdornment } from './title-adornment';

export const RULE_LIST: Rule[] = [
  titleMissingWeek,
  titleWeekMismatch,
  titleAdornment,
];
