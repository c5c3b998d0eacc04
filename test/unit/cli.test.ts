import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { main, type CliIo } from '../../server/src/cli';

const repo = path.resolve(__dirname, '../../..');
const corpus = path.resolve(repo, '../shared/corpus/norcams-iaas/docs');
const uke30 = fs.readFileSync(path.join(corpus, 'status/reports/2017/uke_30.rst'), 'utf8');
/** The same report filed as week 31 while its title still says week 30: one title.week-mismatch error. */
const mismatched = uke30;

let docs: string;

before(() => {
  docs = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wr-cli-')));
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(docs, rel)), { recursive: true });
    fs.writeFileSync(path.join(docs, rel), text);
  };
  write('conf.py', '');
  write('status/plans/demo.rst', 'Demo\n====\n\nText.\n');
  write('status/reports/2017/uke_30.rst', uke30);
  write('status/reports/2017/uke_31.rst', mismatched);
  // Skipped folders: never checked even when they hold reports with defects.
  write('status/node_modules/pkg/uke_01.rst', 'no title\n');
  write('status/.hidden/uke_02.rst', 'no title\n');
});

function run(argv: string[], cwd = docs): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd };
  const code = main(argv, io);
  return { code, out, err };
}

type JsonOut = { files: Array<{ path: string; findings: Array<{ code: string; severity: string; message: string; fixable: boolean; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> }> };

test('check: a clean report exits 0 and prints nothing', () => {
  const r = run(['check', 'status/reports/2017/uke_30.rst']);
  assert.equal(r.out, '');
  assert.equal(r.err, '');
  assert.equal(r.code, 0);
});

test('check: text output is path:line:col severity code message, 1-based; errors exit 1', () => {
  const r = run(['check', 'status/reports/2017/uke_31.rst']);
  assert.equal(r.code, 1);
  const lines = r.out.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.out);
  assert.match(lines[0], /^status\/reports\/2017\/uke_31\.rst:2:\d+ error title\.week-mismatch \S.*$/);
});

test('check --format json: the documented shape, 0-based ranges, fixable flag', () => {
  const r = run(['check', '--format', 'json', 'status/reports/2017/uke_31.rst', 'status/reports/2017/uke_30.rst']);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out) as JsonOut;
  assert.deepEqual(Object.keys(json), ['files']);
  assert.deepEqual(json.files.map((f) => f.path), ['status/reports/2017/uke_31.rst', 'status/reports/2017/uke_30.rst']);
  assert.deepEqual(json.files[1].findings, []);
  const [f] = json.files[0].findings;
  assert.deepEqual(Object.keys(f).sort(), ['code', 'fixable', 'message', 'range', 'severity']);
  assert.equal(f.code, 'title.week-mismatch');
  assert.equal(f.severity, 'error');
  assert.equal(f.fixable, true);
  assert.equal(f.range.start.line, 1);
  assert.equal(f.range.end.line, 1);
  assert.ok(f.range.end.character > f.range.start.character);
  assert.ok(f.message.length > 0);
});

test('check: folders are walked for .rst files (sorted), skipping node_modules and dot-folders', () => {
  const r = run(['check', '--format=json', 'status']);
  const json = JSON.parse(r.out) as JsonOut;
  assert.deepEqual(json.files.map((f) => f.path), [
    path.join('status', 'plans/demo.rst'),
    path.join('status', 'reports/2017/uke_30.rst'),
    path.join('status', 'reports/2017/uke_31.rst'),
  ]);
  assert.equal(r.code, 1);
});

test('check --lang nb: Norwegian messages, same codes', () => {
  const en = JSON.parse(run(['check', '--format', 'json', 'status/reports/2017/uke_31.rst']).out) as JsonOut;
  const nb = JSON.parse(run(['check', '--format', 'json', '--lang', 'nb', 'status/reports/2017/uke_31.rst']).out) as JsonOut;
  assert.deepEqual(nb.files[0].findings.map((f) => f.code), en.files[0].findings.map((f) => f.code));
  assert.notEqual(nb.files[0].findings[0].message, en.files[0].findings[0].message);
});

test('check: the docs root defaults to the nearest parent holding conf.py, whatever the working folder', () => {
  const abs = path.join(docs, 'status/reports/2017/uke_30.rst');
  const fromElsewhere = run(['check', '--format', 'json', abs], os.tmpdir());
  const fromDocs = run(['check', '--format', 'json', abs], docs);
  assert.deepEqual(JSON.parse(fromElsewhere.out), JSON.parse(fromDocs.out));
  assert.equal(fromElsewhere.code, 0);
});

test('bad usage and unreadable input exit 2 with a one-line message', () => {
  const cases: string[][] = [
    [],
    ['frobnicate', 'x.rst'],
    ['check'],
    ['check', '--format', 'xml', 'status'],
    ['check', '--lang', 'de', 'status'],
    ['check', '--bogus', 'status'],
    ['check', '--root'],
    ['check', 'no/such/file.rst'],
    ['check', '--root', 'no/such/folder', 'status'],
    ['check', '--config', 'missing.json', 'status'],
    ['render'],
  ];
  for (const argv of cases) {
    const r = run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.out, '', argv.join(' '));
    assert.match(r.err, /^weekly-report: [^\n]+\n$/, argv.join(' '));
  }
});

test('--help and --version', () => {
  const h = run(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /Usage: weekly-report/);
  assert.match(h.out, /check \[--format text\|json\] \[--root DIR\]/);
  const v = run(['--version']);
  assert.equal(v.code, 0);
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
  assert.equal(v.out, `weekly-report ${pkg.version}\n`);
});

test('fix applies the preferred fixes in place; the file then checks clean', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wr-fix-'));
  fs.writeFileSync(path.join(dir, 'conf.py'), '');
  fs.cpSync(path.join(docs, 'status'), path.join(dir, 'status'), { recursive: true });
  const file = 'status/reports/2017/uke_31.rst';
  const r = run(['fix', file], dir);
  assert.equal(r.code, 0, r.out + r.err);
  const after = fs.readFileSync(path.join(dir, file), 'utf8');
  assert.notEqual(after, mismatched);
  assert.match(after, /^======\nUke 31\n======\n/);
  // Nothing else changed.
  assert.equal(after.replace('Uke 31', 'Uke 30'), mismatched);
  assert.equal(run(['check', file], dir).code, 0);
});

test('render writes standalone HTML to a file or stdout', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wr-render-')), 'uke_30.html');
  const r = run(['render', 'status/reports/2017/uke_30.rst', '-o', out]);
  assert.equal(r.code, 0, r.err);
  const html = fs.readFileSync(out, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /Planlagte aktiviteter/);
  assert.doesNotMatch(html, /<script/i);
  const s = run(['render', 'status/reports/2017/uke_30.rst']);
  assert.equal(s.code, 0);
  assert.match(s.out, /Planlagte aktiviteter/);
});

test("render applies smart quotes as Sphinx would with the project's conf.py", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wr-quotes-'));
  const report = '======\nUke 5\n======\n\nDe "nye" nodene -- endelig...\n';
  fs.writeFileSync(path.join(dir, 'uke_05.rst'), report);
  // no conf.py: Sphinx's defaults (English quotes)
  assert.match(run(['render', 'uke_05.rst'], dir).out, /De \u201cnye\u201d nodene \u2013 endelig\u2026/);
  fs.writeFileSync(path.join(dir, 'conf.py'), "project = 'x'\nlanguage = 'nb'\n");
  assert.match(run(['render', 'uke_05.rst'], dir).out, /De \u00abnye\u00bb nodene \u2013 endelig\u2026/);
  fs.writeFileSync(path.join(dir, 'conf.py'), "language = 'nb'\nsmartquotes_action = 'qe'\n"); // no dashes
  assert.match(run(['render', 'uke_05.rst'], dir).out, /De \u00abnye\u00bb nodene -- endelig\u2026/);
  fs.writeFileSync(path.join(dir, 'conf.py'), "language = 'nb'\nsmartquotes = False\n");
  assert.match(run(['render', 'uke_05.rst'], dir).out, /De &quot;nye&quot; nodene -- endelig\.\.\./);
});

test('the bundled CLI runs as a process (exit code, JSON on stdout)', () => {
  const outdir = path.join(repo, 'out/test-dist/cli');
  const b = spawnSync(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--outdir', outdir, '--quiet'], { encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);
  const p = spawnSync(process.execPath, [path.join(outdir, 'cli.js'), 'check', '--format', 'json', 'status/reports/2017/uke_31.rst'], { cwd: docs, encoding: 'utf8' });
  assert.equal(p.status, 1, p.stderr);
  const json = JSON.parse(p.stdout) as JsonOut;
  assert.equal(json.files[0].findings[0].code, 'title.week-mismatch');
  const bad = spawnSync(process.execPath, [path.join(outdir, 'cli.js'), 'check', 'nope.rst'], { cwd: docs, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^weekly-report: cannot read nope\.rst/);
});

test('bin/weekly-report.js says how to build when dist/ is missing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wr-bin-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(path.join(repo, 'bin/weekly-report.js'), path.join(dir, 'bin/weekly-report.js'));
  const p = spawnSync(process.execPath, [path.join(dir, 'bin/weekly-report.js'), '--version'], { encoding: 'utf8' });
  assert.equal(p.status, 2);
  assert.match(p.stderr, /^weekly-report: .*dist.cli\.js is missing; build it first with "npm run build"\n$/);
  // With the bundle next to it, it runs the CLI.
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.copyFileSync(path.join(repo, 'out/test-dist/cli/cli.js'), path.join(dir, 'dist/cli.js'));
  const q = spawnSync(process.execPath, [path.join(dir, 'bin/weekly-report.js'), '--version'], { encoding: 'utf8' });
  assert.equal(q.status, 0, q.stderr);
  assert.match(q.stdout, /^weekly-report \d+\.\d+\.\d+\n$/);
});
