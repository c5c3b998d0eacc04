/** Applying fixes: edits as data, applied back to front; "fix all" re-validates until stable. Pure. */
import type { Finding, Fix, TextEdit } from './types';
import { validate, type ValidateInput } from './engine';

/**
 * Apply non-overlapping edits (any order) to a text. Throws when edits overlap or fall outside the text
 * (two insertions at the same offset are allowed and applied in the given order).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  for (let k = 0; k < sorted.length; k++) {
    const { e } = sorted[k];
    if (!(e.start >= 0 && e.end >= e.start && e.end <= text.length)) throw new RangeError(`edit [${e.start}, ${e.end}) outside the text (length ${text.length})`);
    if (k > 0 && sorted[k - 1].e.end > e.start) throw new RangeError(`overlapping edits at ${e.start}`);
  }
  let out = '';
  let pos = 0;
  for (const { e } of sorted) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The fix "fix all" applies for a finding: its preferred fix, if it edits this document only. */
export function preferredFix(f: Finding): Fix | undefined {
  const fix = f.fixes.find((x) => x.isPreferred);
  return fix && !fix.rename && fix.edits.length > 0 ? fix : undefined;
}

/**
 * Pick the preferred fixes of the findings that do not overlap each other (document order wins) and return
 * their edits. Edits touching (end === start) count as overlapping so two insertions never interleave.
 */
export function nonOverlappingFixEdits(findings: readonly Finding[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  const taken: Array<[number, number]> = [];
  let count = 0;
  for (const f of findings) {
    const fix = preferredFix(f);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.some(([s, t]) => e.start <= t && s <= e.end))) continue;
    for (const e of fix.edits) {
      edits.push(e);
      taken.push([e.start, e.end]);
    }
    count++;
  }
  return { edits, count };
}

/** Apply the preferred fixes of every fixable finding, validating again until nothing changes (at most `maxPasses`). */
export function fixAll(input: ValidateInput, maxPasses = 10): { text: string; fixed: number; findings: Finding[] } {
  let text = input.text;
  let fixed = 0;
  let findings = validate({ ...input, text });
  for (let pass = 0; pass < maxPasses; pass++) {
    const { edits, count } = nonOverlappingFixEdits(findings);
    if (count === 0) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
    fixed += count;
    findings = validate({ ...input, text, parsed: undefined });
  }
  return { text, fixed, findings };
}
