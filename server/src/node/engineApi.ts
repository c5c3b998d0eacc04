/**
 * TEMPORARY shim for the engine API (owned by engineer R: core/engine.ts, core/report/config.ts,
 * core/fix.ts, core/i18n.ts). The adapters import the engine only through this module; when the real
 * modules land this file becomes plain re-exports (or is deleted).
 */
import type { Finding, Locale, TextEdit, Workspace } from '../core/types';
import type { ParseResult } from '../core/rst/ast';

export type ReportConfig = unknown;

export interface ValidateInput {
  text: string;
  path: string;
  workspace?: Workspace;
  config?: ReportConfig;
  locale?: Locale;
  parsed?: ParseResult;
}

export function validate(_input: ValidateInput): Finding[] {
  return [];
}

export function loadConfig(_text: string, _configPath: string): { config: ReportConfig; findings: Finding[] } {
  return { config: undefined, findings: [] };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function localeFrom(tag: string | undefined | null): Locale {
  return tag && /^(nb|no|nn)\b/i.test(tag) ? 'nb' : 'en';
}

/** Text after applying every finding's preferred fix (first fix when none is preferred); overlapping fixes are skipped. */
export function fixAllText(text: string, findings: readonly Finding[]): string {
  const edits: TextEdit[] = [];
  const taken: Array<[number, number]> = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.isPreferred) ?? undefined;
    if (!fix || fix.rename) continue;
    if (fix.edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end))) continue;
    for (const e of fix.edits) {
      edits.push(e);
      taken.push([e.start, e.end]);
    }
  }
  return applyEdits(text, edits);
}
