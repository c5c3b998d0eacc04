#!/usr/bin/env node
// npm run bench — builds, then prints timing figures as a table:
//   one typical report validated in-process (median of ≥200 runs), the whole corpus in one process,
//   the corpus through the CLI (one process), a large synthetic workspace (2,000 reports), preview
//   rendering, and docutils parsing the same corpus files in one Python process (when available), its
//   passes interleaved with ours so that the ratio compares passes measured seconds apart.
// Options: --runs N (default 300), --synthetic N (default 2000), --no-docutils, --json.
import { build } from './build.mjs';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const RUNS = Math.max(200, opt('--runs', 300));
const SYNTHETIC = opt('--synthetic', 2000);
const corpusDocs = resolve(root, '../shared/corpus/norcams-iaas/docs');
const corpusConfig = join(root, 'test/corpus/weekly-report.json');
const typicalRel = 'status/reports/2017/uke_30.rst';

// ------------------------------------------------------------------ build

await build({ quiet: true });
const benchOut = join(root, 'out/bench');
mkdirSync(benchOut, { recursive: true });
const renderSrc = join(root, 'server/src/core/render/html.ts');
const hasRenderer = existsSync(renderSrc);
await esbuild.build({
  stdin: {
    contents: [
      "export { validate } from './server/src/core/engine';",
      "export { parse } from './server/src/core/rst/parser';",
      "export { loadConfig } from './server/src/core/report/config';",
      "export { buildIndexSync, scanFolderSync } from './server/src/node/scan';",
      "export { fromFsPath } from './server/src/node/paths';",
      hasRenderer ? "export { renderHtml, renderStandaloneHtml } from './server/src/core/render/html';" : '',
      "export { PERF_CASES, PERF_LIMIT, mainThreadCpuMs } from './test/perf/inputs';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
    sourcefile: 'bench-entry.ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  outfile: join(benchOut, 'bench-core.js'),
  logLevel: 'silent',
});
const core = createRequire(import.meta.url)(join(benchOut, 'bench-core.js'));

// ------------------------------------------------------------------ helpers

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';
const rows = [];
const row = (what, value, note = '') => rows.push([what, value, note]);

function walkRst(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === '_build') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walkRst(p, out);
    else if (e.name.endsWith('.rst')) out.push(p);
  }
  return out;
}

if (!existsSync(corpusDocs)) {
  console.error(`bench: corpus not found at ${corpusDocs}`);
  process.exit(2);
}
const docsRoot = core.fromFsPath(corpusDocs);
const index = core.buildIndexSync(docsRoot);
const config = existsSync(corpusConfig) ? core.loadConfig(readFileSync(corpusConfig, 'utf8'), docsRoot + '/weekly-report.json').config : undefined;
const files = walkRst(corpusDocs).sort();
const texts = files.map((f) => ({ path: core.fromFsPath(f), text: readFileSync(f, 'utf8') }));
const totalKb = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1024;

// ------------------------------------------------------------------ one typical report

const typical = texts.find((t) => t.path.endsWith(typicalRel));
for (let i = 0; i < 50; i++) core.validate({ text: typical.text, path: typical.path, workspace: index, config });
const oneRuns = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = now();
  core.validate({ text: typical.text, path: typical.path, workspace: index, config });
  oneRuns.push(now() - t0);
}
const oneMedian = median(oneRuns);
row(`One report (${typicalRel}), parse + all rules`, fmt(oneMedian), `median of ${RUNS}; target < 2 ms ${oneMedian < 2 ? 'OK' : 'MISSED'}`);

// ------------------------------------------------------------------ whole corpus in one process

let findingsCount = 0;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const corpusCpu = [];
const corpusPass = () => {
  const c0 = cpuMs();
  const t0 = now();
  let n = 0;
  for (const t of texts) n += core.validate({ text: t.text, path: t.path, workspace: index, config }).length;
  findingsCount = n;
  const wall = now() - t0;
  corpusCpu.push(cpuMs() - c0);
  return wall;
};
// The language server validates in one long-running process: 30 passes warm the JIT up (passes 11-30 were
// still 15% slower than later ones), the next 20 are measured. The median is the figure; the fastest pass
// shows how much of the spread is this machine's noise (other tenants of a shared host). A cold start is
// the CLI figure below.
const WARM = 30;
const MEASURED = 20;
const corpusPasses = [];
for (let i = 0; i < WARM + MEASURED; i++) corpusPasses.push(corpusPass());
const corpusMedian = median(corpusPasses.slice(WARM));
const corpusMin = Math.min(...corpusPasses.slice(WARM));
const corpusCpuMedian = median(corpusCpu.slice(WARM));
row(`Corpus, ${texts.length} files (${totalKb.toFixed(0)} KB), in-process`, fmt(corpusMedian), `median of ${MEASURED} warm passes (fastest ${fmt(corpusMin)}, CPU ${fmt(corpusCpuMedian)}); first pass ${fmt(corpusPasses[0])}; ${findingsCount} findings`);
const parsePasses = [];
for (let i = 0; i < WARM + MEASURED; i++) {
  const t0 = now();
  for (const t of texts) core.parse(t.text);
  parsePasses.push(now() - t0);
}
row('Corpus, parse only (share of the above)', fmt(median(parsePasses.slice(WARM))), `median of ${MEASURED} warm passes (fastest ${fmt(Math.min(...parsePasses.slice(WARM)))})`);

// ------------------------------------------------------------------ corpus through the CLI

const cliArgs = [join(root, 'dist/cli.js'), 'check', '--format', 'json', ...(existsSync(corpusConfig) ? ['--config', corpusConfig] : []), corpusDocs];
const cliRuns = [];
let cliStatus = null;
let cliFiles = 0;
for (let i = 0; i < 3; i++) {
  const t0 = now();
  const p = spawnSync(process.execPath, cliArgs, { encoding: 'utf8', maxBuffer: 64 << 20 });
  cliRuns.push(now() - t0);
  cliStatus = p.status;
  try {
    cliFiles = JSON.parse(p.stdout).files.length;
  } catch {
    cliFiles = 0;
  }
}
row('Corpus through the CLI (one process, incl. Node start-up)', fmt(median(cliRuns)), `median of 3; ${cliFiles} files, exit ${cliStatus}`);

// ------------------------------------------------------------------ large synthetic workspace

const synthDir = mkdtempSync(join(tmpdir(), 'wr-bench-'));
try {
  writeFileSync(join(synthDir, 'conf.py'), '');
  const synthFiles = [];
  for (let i = 0; i < SYNTHETIC; i++) {
    const year = 2000 + Math.floor(i / 52);
    const week = (i % 52) + 1;
    const dir = join(synthDir, 'status/reports', String(year));
    if (week === 1) mkdirSync(dir, { recursive: true });
    const p = join(dir, `uke_${String(week).padStart(2, '0')}.rst`);
    writeFileSync(p, typical.text.replace(/Uke 30/g, `Uke ${week}`).replace('31.juli 2017', `1.januar ${year}`));
    synthFiles.push(p);
  }
  mkdirSync(join(synthDir, 'status/plans'), { recursive: true });
  writeFileSync(join(synthDir, 'status/plans/demo.rst'), 'Demo\n====\n');
  const t0 = now();
  const c0 = cpuMs();
  const synthIndex = core.buildIndexSync(core.fromFsPath(synthDir), { titles: true });
  const scanMs = now() - t0;
  const scanCpu = cpuMs() - c0;
  const synthTexts = synthFiles.map((f) => ({ path: core.fromFsPath(f), text: readFileSync(f, 'utf8') }));
  const t1 = now();
  const c1 = cpuMs();
  let synthFindings = 0;
  for (const t of synthTexts) synthFindings += core.validate({ text: t.text, path: t.path, workspace: synthIndex }).length;
  const allMs = now() - t1;
  const allCpu = cpuMs() - c1;
  const oneLarge = [];
  const sample = synthTexts[synthTexts.length >> 1];
  for (let i = 0; i < RUNS; i++) {
    const t2 = now();
    core.validate({ text: sample.text, path: sample.path, workspace: synthIndex });
    oneLarge.push(now() - t2);
  }
  row(`Synthetic workspace: scan + titles, ${synthIndex.size} files`, fmt(scanMs), `CPU ${fmt(scanCpu)}; background scan at server start`);
  row(`Synthetic workspace: validate all ${SYNTHETIC} reports`, fmt(allMs), `CPU ${fmt(allCpu)}, ${(allCpu / SYNTHETIC).toFixed(3)} ms/report; ${synthFindings} findings`);
  row(`Synthetic workspace: one report with a ${synthIndex.size}-file index`, fmt(median(oneLarge)), `median of ${RUNS} (must not grow with the workspace)`);
} finally {
  rmSync(synthDir, { recursive: true, force: true });
}

// ------------------------------------------------------------------ adversarial inputs (issue 2)

{
  // as the perf test measures them: three warm-up parses (V8 optimises late), then the best of five; CPU
  // time counts V8's parallel garbage-collector thread too, so on the large input it exceeds the wall time
  const cpu = (f) => { const c0 = process.cpuUsage(); f(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
  for (const [name, make] of core.PERF_CASES) {
    const text = make();
    for (let i = 0; i < 3; i++) core.parse(text);
    let wall = Infinity, cpuBest = Infinity, main = Infinity;
    for (let i = 0; i < 5; i++) {
      const m0 = core.mainThreadCpuMs();
      const t0 = now();
      cpuBest = Math.min(cpuBest, cpu(() => core.parse(text)));
      wall = Math.min(wall, now() - t0);
      const m1 = core.mainThreadCpuMs();
      if (m0 !== undefined && m1 !== undefined) main = Math.min(main, m1 - m0);
    }
    const verdict = (ms) => (ms < core.PERF_LIMIT ? 'OK' : 'MISSED');
    // main-thread CPU leaves out the garbage collector's helper thread (Linux only)
    const mainNote = Number.isFinite(main) ? `, main thread ${fmt(main)}` : '';
    row(`Parse ${name}`, fmt(wall), `best of 5 after 3 warm-ups; CPU ${fmt(cpuBest)}${mainNote}; target < ${core.PERF_LIMIT} ms: wall ${verdict(wall)}, CPU ${verdict(cpuBest)} (the perf test asserts CPU)`);
  }
}

// ------------------------------------------------------------------ preview rendering

if (hasRenderer && core.renderHtml) {
  const parsed = core.parse(typical.text);
  // as the preview renders (smart quotes on, English: the corpus' conf.py leaves `language` unset)
  const opts = { path: typical.path, workspace: index, dataLines: true, allowHttpsImages: false, smartQuotes: 'en' };
  for (let i = 0; i < 50; i++) core.renderHtml(core.parse(typical.text), typical.text, opts);
  const r = [];
  const rp = [];
  for (let i = 0; i < RUNS; i++) {
    let t0 = now();
    core.renderHtml(parsed, typical.text, opts);
    r.push(now() - t0);
    t0 = now();
    core.renderHtml(core.parse(typical.text), typical.text, opts);
    rp.push(now() - t0);
  }
  row('Preview render of the typical report (tree → HTML)', fmt(median(r)), `median of ${RUNS}`);
  row('Preview render incl. parse', fmt(median(rp)), `median of ${RUNS}; target < 5 ms ${median(rp) < 5 ? 'OK' : 'MISSED'}`);
} else {
  row('Preview render', 'skipped', 'renderer (server/src/core/render/html.ts) not present');
}

// ------------------------------------------------------------------ docutils

// docutils runs in one Python process that stays up and parses the corpus when asked; its passes are
// interleaved with ours, so that both sides of each ratio were measured within seconds of each other
// (the speed of this shared machine drifts by up to 2x over minutes).
if (!args.includes('--no-docutils')) {
  const py = `
import sys, time, io, json
try:
    import docutils, docutils.core, docutils.frontend
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document
except Exception as e:
    print("ERR", e, flush=True); sys.exit(0)
files = json.loads(sys.stdin.readline())
texts = [open(f, encoding="utf-8").read() for f in files]
settings = {"report_level": 5, "halt_level": 5, "warning_stream": io.StringIO(), "file_insertion_enabled": False, "raw_enabled": False}
try:
    from docutils.frontend import get_default_settings
    base = get_default_settings(Parser)
except Exception:
    import warnings
    warnings.simplefilter("ignore")
    base = docutils.frontend.OptionParser(components=(Parser,)).get_default_values()
for k, v in settings.items():
    setattr(base, k, v)
parser = Parser()
def parse_only():
    for f, t in zip(files, texts):
        parser.parse(t, new_document(f, base))
def publish():
    for f, t in zip(files, texts):
        docutils.core.publish_doctree(t, source_path=f, settings_overrides=settings)
print("OK", docutils.__version__, flush=True)
for line in sys.stdin:
    fn = {"parse": parse_only, "publish": publish}.get(line.strip())
    if fn is None:
        break
    t0 = time.perf_counter()
    fn()
    print((time.perf_counter() - t0) * 1000, flush=True)
`;
  const { spawn } = await import('node:child_process');
  const { createInterface } = await import('node:readline');
  let child;
  try {
    child = spawn('python3', ['-c', py], { stdio: ['pipe', 'pipe', 'ignore'] });
  } catch {
    child = undefined;
  }
  const lines = child ? createInterface({ input: child.stdout })[Symbol.asyncIterator]() : undefined;
  // one listener for the child's failure (python3 missing), raced against every answer
  const failed = child ? new Promise((res) => child.once('error', () => res({ done: true }))) : undefined;
  const next = async () => {
    if (!lines) return undefined;
    const r = await Promise.race([lines.next(), failed]);
    return r.done ? undefined : r.value;
  };
  child?.stdin.write(JSON.stringify(files) + '\n');
  const hello = await next();
  if (!hello || !hello.startsWith('OK')) {
    row('docutils (python3)', 'skipped', !hello ? 'python3 not found' : `docutils not available: ${hello}`);
    child?.kill();
  } else {
    const version = hello.split(' ')[1];
    const ask = async (what) => {
      child.stdin.write(what + '\n');
      return Number(await next());
    };
    await ask('parse'); // warm-up (imports, caches)
    const PAIRS = 7;
    const theirs = [];
    const ours = [];
    const oursAfterIdle = [];
    const ratios = [];
    for (let i = 0; i < PAIRS; i++) {
      // Both sides are measured after at least a second of continuous work. While one side runs, the other
      // waits, and on this machine a process's first few hundred milliseconds after 2.5 s of waiting run
      // 1.5-2 times slower (measured: the corpus pass took 50-60 ms for about five passes after waiting for
      // Python, then 28-31 ms; after 2.5 s of busy-waiting instead it took 28-31 ms at once, with or without
      // V8's memory reducer and code flushing). Docutils' 2.5 s pass hides that ramp, our 30 ms passes sat
      // inside it. So: ours is the median of the second half of a burst of passes lasting at least a second;
      // docutils parses twice in a row and its second pass counts (which only makes its figure smaller).
      const burst = [];
      const b0 = now();
      while (now() - b0 < 1000 || burst.length < 6) burst.push(corpusPass());
      oursAfterIdle.push(median(burst.slice(0, 3)));
      const o = median(burst.slice(burst.length >> 1));
      await ask('parse');
      const t = await ask('parse');
      ours.push(o);
      theirs.push(t);
      ratios.push(t / o);
    }
    const pub = [];
    for (let i = 0; i < 3; i++) pub.push(await ask('publish'));
    const pubOurs = [corpusPass(), corpusPass(), corpusPass()];
    child.stdin.write('quit\n');
    child.stdin.end();
    const ratio = median(ratios);
    row(`docutils ${version}: parser only (Parser.parse), same ${files.length} files`, fmt(median(theirs)), `median of ${PAIRS} warm passes (fastest ${fmt(Math.min(...theirs))}), each the second of two in a row, paired with ours (median ${fmt(median(ours))}, the second half of a 1 s burst; its first three passes: ${fmt(median(oursAfterIdle))})`);
    row(`docutils ${version}: publish_doctree (parse + transforms)`, fmt(median(pub)), 'median of 3 warm passes');
    row('Ratio docutils parser / weekly-report (parse + rules)', `${ratio.toFixed(1)}×`, `median of the ${PAIRS} paired passes (range ${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}×); publish_doctree ${(median(pub) / median(pubOurs)).toFixed(1)}×; target ≥ 50× ${ratio >= 50 ? 'OK' : 'MISSED'}`);
  }
}

// ------------------------------------------------------------------ table

if (args.includes('--json')) {
  console.log(JSON.stringify(rows.map(([what, value, note]) => ({ what, value, note })), null, 2));
} else {
  const w0 = Math.max(...rows.map((r) => r[0].length), 'Measure'.length);
  const w1 = Math.max(...rows.map((r) => r[1].length), 'Time'.length);
  const line = (a, b, c) => `${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`;
  console.log(`weekly-report bench — node ${process.version}, ${texts.length} corpus files`);
  console.log(line('Measure', 'Time', 'Notes'));
  console.log(line('-'.repeat(w0), '-'.repeat(w1), '-----'));
  for (const [a, b, c] of rows) console.log(line(a, b, c));
}
