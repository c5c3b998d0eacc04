/**
 * An ESLint-RuleTester-like helper for rules. For every case it runs the real engine (`validate`, all
 * registered rules plus the rule under test), and for invalid cases:
 *  - checks the rule's findings (codes, ranges, messages) against `errors`;
 *  - applies the preferred fixes of the rule's findings (non-overlapping ones per pass, validating again
 *    between passes, like ESLint) and compares the text with `output` (`output: null`: no preferred fix);
 *  - applies EVERY fix of every finding of the rule on its own (edits and renames) and validates again,
 *    proving that this finding is gone, that no new finding of any code appears, and that no text outside
 *    the edits changed.
 *
 *   ruleTester(rule, {
 *     valid: [{ text, path }],
 *     invalid: [{ text, path, errors: [{ code: 'section.missing', line: 2, message: /Annet/ }], output: '...' }],
 *   });
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rule } from '../../server/src/core/rules/rule';
import type { Finding, Fix, Locale, Workspace } from '../../server/src/core/types';
import { validate, type ValidateInput } from '../../server/src/core/engine';
import { RULE_LIST } from '../../server/src/core/rules/index';
import { applyEdits, nonOverlappingFixEdits } from '../../server/src/core/fix';
import { loadConfig, type Config } from '../../server/src/core/report/config';
import { LineIndex } from '../../server/src/core/lineIndex';
import { WorkspaceIndex } from '../../server/src/core/workspace';

export interface CaseBase {
  /** Test name (default: the first line of the text). */
  name?: string;
  text: string;
  /** Absolute posix path of the document. */
  path: string;
  /** Docs root; default: `/docs` when the path is under it. */
  root?: string;
  /** A Config, or the JSON text of a weekly-report.json at the root. */
  config?: Config | string;
  /** Files known to the workspace (absolute paths), or a Workspace. */
  files?: string[];
  workspace?: Workspace;
  locale?: Locale;
}

export interface ExpectedError {
  code: string;
  /** Exact start/end offsets. */
  start?: number;
  end?: number;
  /** 1-based line and column of the start. */
  line?: number;
  column?: number;
  /** Substring of (or pattern for) the message. */
  message?: string | RegExp;
  severity?: Finding['severity'];
}

export interface InvalidCase extends CaseBase {
  errors: ExpectedError[];
  /** Text after applying the preferred fixes of the rule's findings; null: no preferred fix. */
  output?: string | null;
}

export interface RuleTesterCases {
  valid: CaseBase[];
  invalid: InvalidCase[];
}

export interface RuleTesterOptions {
  /** Which finding codes belong to the rule (default: its code and `<code>.*`); e.g. /^rst\./ for a rule emitting sub-codes. */
  codes?: RegExp;
}

let ownCodes: RegExp | undefined;

function codeOf(rule: Rule, f: Finding): boolean {
  if (ownCodes) return ownCodes.test(f.code);
  return f.code === rule.meta.code || f.code.startsWith(rule.meta.code + '.');
}

function inputOf(rule: Rule, c: CaseBase, text = c.text, path = c.path): ValidateInput {
  const root = c.root ?? (c.path.startsWith('/docs/') ? '/docs' : undefined);
  let config: Config | undefined;
  if (typeof c.config === 'string') {
    const r = loadConfig(c.config, (root ?? '') + '/weekly-report.json');
    assert.deepEqual(r.findings.map((f) => f.message), [], 'the test configuration is valid');
    config = r.config;
  } else config = c.config;
  const workspace = c.workspace ?? (c.files ? new WorkspaceIndex(root ?? '/', c.files) : undefined);
  const rules = RULE_LIST.includes(rule) ? RULE_LIST : [...RULE_LIST, rule];
  return { text, path, root, config, workspace, locale: c.locale, rules };
}

function countByCode(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.code, (m.get(f.code) ?? 0) + 1);
  return m;
}

function show(findings: Finding[], lines: LineIndex): string {
  return findings.map((f) => `${lines.positionAt(f.start).line + 1}:${lines.positionAt(f.start).character + 1} ${f.code} ${f.message}`).join('\n') || '(none)';
}

/** Apply one fix and validate again; assert the finding is gone and nothing new appears. */
export function checkFix(rule: Rule, c: CaseBase, before: Finding[], finding: Finding, fix: Fix): string {
  const text = fix.edits.length ? applyEdits(c.text, fix.edits) : c.text;
  // no text outside the edits changed
  if (fix.edits.length) {
    const lo = Math.min(...fix.edits.map((e) => e.start));
    const hi = Math.max(...fix.edits.map((e) => e.end));
    const delta = text.length - c.text.length;
    assert.equal(text.slice(0, lo), c.text.slice(0, lo), `fix "${fix.title}" keeps the text before its edits`);
    assert.equal(text.slice(hi + delta), c.text.slice(hi), `fix "${fix.title}" keeps the text after its edits`);
  }
  const path = fix.rename ? fix.rename.to : c.path;
  if (fix.rename) assert.equal(fix.rename.from, c.path, 'rename starts from the document');
  const after = validate(inputOf(rule, c, text, path));
  const b = countByCode(before);
  const a = countByCode(after);
  const lines = new LineIndex(text);
  assert.ok((a.get(finding.code) ?? 0) < (b.get(finding.code) ?? 0), `fix "${fix.title}" removes its finding ${finding.code}; after the fix:\n${show(after, lines)}\n--- fixed text:\n${text}`);
  for (const [code, n] of a) {
    assert.ok(n <= (b.get(code) ?? 0), `fix "${fix.title}" adds no new finding, but ${code} appears ${n} time(s) (was ${b.get(code) ?? 0}):\n${show(after, lines)}\n--- fixed text:\n${text}`);
  }
  return text;
}

export function ruleTester(rule: Rule, cases: RuleTesterCases, options: RuleTesterOptions = {}): void {
  const code = rule.meta.code;
  const own = options.codes;
  // tests run later (node:test queues them): set the code matcher inside each test
  const withCodes = (fn: () => void) => (): void => {
    const saved = ownCodes;
    ownCodes = own;
    try { fn(); } finally { ownCodes = saved; }
  };
  cases.valid.forEach((c, i) => {
    test(`${code} valid #${i + 1}: ${c.name ?? c.text.split('\n').find((l) => /\w/.test(l)) ?? ''}`, withCodes(() => {
      const every = validate(inputOf(rule, c));
      assert.deepEqual(every.filter((f) => f.code === 'engine.rule-failed').map((f) => f.message), [], 'no rule fails');
      const findings = every.filter((f) => codeOf(rule, f));
      assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], `no ${code} finding expected`);
    }));
  });
  cases.invalid.forEach((c, i) => {
    test(`${code} invalid #${i + 1}: ${c.name ?? c.errors.map((e) => e.code).join(', ')}`, withCodes(() => {
      const all = validate(inputOf(rule, c));
      assert.deepEqual(all.filter((f) => f.code === 'engine.rule-failed').map((f) => f.message), [], 'no rule fails');
      const mine = all.filter((f) => codeOf(rule, f));
      const lines = new LineIndex(c.text);
      assert.equal(mine.length, c.errors.length, `expected ${c.errors.length} finding(s) of ${code}, got:\n${show(mine, lines)}`);
      c.errors.forEach((e, k) => {
        const f = mine[k];
        const pos = lines.positionAt(f.start);
        assert.equal(f.code, e.code, `finding #${k + 1} code`);
        if (e.start !== undefined) assert.equal(f.start, e.start, `finding #${k + 1} start`);
        if (e.end !== undefined) assert.equal(f.end, e.end, `finding #${k + 1} end`);
        if (e.line !== undefined) assert.equal(pos.line + 1, e.line, `finding #${k + 1} line (${f.message})`);
        if (e.column !== undefined) assert.equal(pos.character + 1, e.column, `finding #${k + 1} column`);
        if (e.severity !== undefined) assert.equal(f.severity, e.severity, `finding #${k + 1} severity`);
        if (typeof e.message === 'string') assert.ok(f.message.includes(e.message), `message "${f.message}" contains "${e.message}"`);
        else if (e.message) assert.match(f.message, e.message);
        assert.ok(f.start <= f.end && f.end <= c.text.length, 'range inside the text');
        assert.equal(rule.meta.fixable || f.fixes.length === 0, true, 'only fixable rules carry fixes');
      });
      if (c.output !== undefined) {
        const first = nonOverlappingFixEdits(mine);
        if (c.output === null) assert.equal(first.count, 0, 'no preferred fix expected');
        else {
          assert.ok(first.count > 0, 'a preferred fix is expected');
          // like ESLint: apply the rule's non-overlapping preferred fixes, validate again, up to 10 passes
          let text = c.text;
          let found = mine;
          for (let pass = 0; pass < 10; pass++) {
            const { edits, count } = nonOverlappingFixEdits(found);
            if (count === 0) break;
            text = applyEdits(text, edits);
            found = validate(inputOf(rule, c, text)).filter((f) => codeOf(rule, f));
          }
          assert.equal(text, c.output, 'text after the preferred fixes');
        }
      }
      for (const f of mine) for (const fix of f.fixes) checkFix(rule, c, all, f, fix);
    }));
  });
}
