import type { Finding } from './core/types';

/**
 * At most this many diagnostics are published for one document. A hostile or binary file can
 * produce tens of thousands of findings, which the editor then needs seconds to receive and draw;
 * nobody reads past the first screenful. The most severe findings are kept, and one more
 * finding says how many were left out (the CLI still reports them all).
 */
export const MAX_DIAGNOSTICS = 1000;

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function capFindings(findings: readonly Finding[], locale: 'en' | 'nb', max = MAX_DIAGNOSTICS): Finding[] {
  if (findings.length <= max) return findings as Finding[];
  const kept = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .slice(0, max - 1)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  const more = findings.length - kept.length;
  const first = kept[0];
  kept.push({
    code: 'engine.too-many-findings',
    severity: 'information',
    message:
      locale === 'nb'
        ? `${more} funn til vises ikke (grensen er ${max}); kjør «weekly-report check» for alle.`
        : `${more} more findings are not shown (the limit is ${max}); run 'weekly-report check' for all of them.`,
    start: first ? first.start : 0,
    end: first ? first.start : 0,
    fixes: [],
  });
  return kept;
}
