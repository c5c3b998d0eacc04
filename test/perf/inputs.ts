// The adversarial inputs of issue 2's parser targets (each parses in under 200 ms), shared by the perf
// test (test/unit/parser-perf.test.ts) and `npm run bench`.
import * as fs from 'node:fs';

/** xorshift32: the same sequence on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}

/**
 * Random lines: 15% runs of one punctuation character (adornment-like), 10% blank, the rest random
 * printable ASCII; random indentation. Every kind of block and inline markup, and many problems.
 */
export function junk(size: number): string {
  const r = rng(42);
  const punct = '=-~^"`*+#:.\'_|<>[]()!';
  const parts: string[] = [];
  let len = 0;
  while (len < size) {
    const x = r();
    const ind = ' '.repeat(Math.floor(r() * r() * 12));
    let line: string;
    if (x < 0.15) line = ind + punct[Math.floor(r() * punct.length)].repeat(1 + Math.floor(r() * 30));
    else if (x < 0.25) line = '';
    else {
      let l = '';
      const n = Math.floor(r() * 80);
      for (let i = 0; i < n; i++) l += String.fromCharCode(32 + Math.floor(r() * 95));
      line = ind + l;
    }
    parts.push(line);
    len += line.length + 1;
  }
  return parts.join('\n');
}

/** Bullet lists nested `depth` deep, each item indented under the one before. */
export function nestedLists(depth: number): string {
  const lines: string[] = [];
  for (let i = 0; i < depth; i++) lines.push(' '.repeat(2 * i) + '- item ' + i, '');
  return lines.join('\n');
}

/** Issue 2's limit for each of these inputs (ms). */
export const PERF_LIMIT = 200;

export const PERF_CASES: Array<[string, () => string]> = [
  ['2 MB junk', () => junk(2_000_000)],
  ['lists nested 500 deep', () => nestedLists(500)],
  ['100 KB line of unbalanced backquotes', () => '`'.repeat(100_000)],
  ['100 KB line of "*a " repeated', () => '*a '.repeat(34_000)],
];

/**
 * CPU time of this process's main thread so far (ms), where Linux reports it (/proc/self/task/PID/schedstat):
 * unlike process.cpuUsage() it leaves out V8's garbage-collector helper threads, which run beside the
 * parse, and unlike the wall time it leaves out time spent waiting for other processes. undefined elsewhere.
 */
export function mainThreadCpuMs(): number | undefined {
  try {
    const ns = Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
