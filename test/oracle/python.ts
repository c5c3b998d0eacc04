// Finds a Python interpreter with docutils for the oracle tests (python3, then /usr/bin/python3).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | null | undefined;

/** The first interpreter that imports docutils, or null. */
export function findPython(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  for (const exe of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(exe, ['-c', 'import docutils'], { encoding: 'utf8' });
    if (r.status === 0) {
      cached = exe;
      break;
    }
  }
  return cached;
}

/** Why the oracle cannot run, or null when it can. In CI (process.env.CI) a missing docutils is an error, not a skip. */
export function oracleUnavailable(): string | null {
  if (findPython()) return null;
  const msg = 'docutils oracle skipped: no python3 with docutils (tried python3, /usr/bin/python3; install python3-docutils)';
  if (process.env.CI) throw new Error(msg.replace('skipped', 'required in CI'));
  return msg;
}

/** Repository root: from out/test/oracle (compiled), else the current directory. */
export const repoRoot = [path.resolve(__dirname, '../../..'), process.cwd()].find((d) =>
  fs.existsSync(path.join(d, 'test/oracle/docutils_dump.py')))
  ?? path.resolve(__dirname, '../../..');
export const oracleDir = path.join(repoRoot, 'test/oracle');

/** Runs a script of test/oracle with JSON on stdin; returns parsed JSON from stdout. */
export function runOracle(script: string, args: string[], input?: string): unknown {
  const py = findPython();
  if (!py) throw new Error('no python with docutils');
  const r = spawnSync(py, [path.join(oracleDir, script), ...args], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * What docutils' publish_doctree writes to its warning stream for each text (report level 1: every
 * message, never halting), or null when no python has docutils.
 */
export function publishWarnings(texts: string[]): string[] | null {
  const py = findPython();
  if (!py) return null;
  const script = [
    'import sys, json, io',
    'from docutils.core import publish_doctree',
    'out = []',
    'for text in json.load(sys.stdin):',
    '    err = io.StringIO()',
    '    publish_doctree(text, settings_overrides={"report_level": 1, "halt_level": 5, "warning_stream": err})',
    '    out.append(err.getvalue())',
    'print(json.dumps(out))',
  ].join('\n');
  const r = spawnSync(py, ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`docutils failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
