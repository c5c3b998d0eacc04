/**
 * `weekly-report` command line: the same engine as the editor, for CI and scripts.
 *
 *   weekly-report check [--format text|json] [--root DIR] [--lang en|nb] PATH...
 *   weekly-report fix [--root DIR] [--lang en|nb] PATH...
 *   weekly-report render FILE [--root DIR] [-o OUT]
 *
 * Exit codes: 0 no error finding, 1 some error finding, 2 bad usage or unreadable input.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { LineIndex } from './core/lineIndex';
import { posixDirName, posixJoin, posixRelative } from './core/paths';
import { renderStandaloneHtml } from './core/render/html';
import { smartQuotesFromConf } from './core/render/smartquotes';
import type { Finding, Locale } from './core/types';
import type { WorkspaceIndex } from './core/workspace';
import { DocsRootFinder } from './node/docsRoot';
import { buildIndexSync, isSkippedFolder } from './node/scan';
import { readConfigText } from './node/config';
import { absolute, toFsPath } from './node/paths';
import { validate } from './core/engine';
import { fixAll } from './core/fix';
import { loadConfig, type Config } from './core/report/config';

import pkg from '../../package.json';

const VERSION: string = pkg.version;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Working folder (native path). */
  cwd: string;
}

class UsageError extends Error {}

const HELP = `Usage: weekly-report <command> [options] PATH...

Commands:
  check [--format text|json] [--root DIR] [--lang en|nb] [--config FILE] PATH...
      Check reports (files, or folders searched for .rst files).
  fix [--root DIR] [--lang en|nb] PATH...
      Apply every preferred quick fix in place, then report what is left.
  render FILE [--root DIR] [--lang en|nb] [-o OUT]
      Write the report as standalone HTML (to stdout without -o).

Options:
  --format text|json  Output format of check (default text: path:line:col severity code message).
  --root DIR          Docs root for link resolution (default: nearest parent holding conf.py,
                      else the current folder).
  --lang en|nb        Language of messages (default en).
  --config FILE       Use this weekly-report.json instead of the one at the docs root.
  -o, --output OUT    Output file of render.
  -h, --help          Show this help.
  -v, --version       Show the version.

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable input.
`;

interface Options {
  command: string;
  format: 'text' | 'json';
  root?: string;
  lang: Locale;
  output?: string;
  config?: string;
  paths: string[];
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const opts: Options = { command: '', format: 'text', lang: 'en', paths: [] };
  const take = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`option ${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = (name: string): string => {
      if (inline !== undefined) return inline;
      const v = take(i, name);
      i++;
      return v;
    };
    switch (a) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format': {
        const v = value('--format');
        if (v !== 'text' && v !== 'json') throw new UsageError(`unknown format '${v}' (use text or json)`);
        opts.format = v;
        break;
      }
      case '--root':
        opts.root = value('--root');
        break;
      case '--lang': {
        const v = value('--lang');
        if (v !== 'en' && v !== 'nb') throw new UsageError(`unknown language '${v}' (use en or nb)`);
        opts.lang = v;
        break;
      }
      case '--config':
        opts.config = value('--config');
        break;
      case '-o':
      case '--output':
        opts.output = value(a);
        break;
      case '--':
        opts.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        if (!opts.command) opts.command = a;
        else opts.paths.push(argv[i]);
    }
  }
  return opts;
}

interface InputFile {
  /** Path for output: as given (folder walks: the folder as given joined with the file's relative path). */
  display: string;
  /** Absolute posix path. */
  path: string;
  text: string;
}

/** Expand the PATH arguments: files as given, folders walked for .rst files (sorted). */
function collectInputs(paths: string[], io: CliIo): InputFile[] {
  const out: InputFile[] = [];
  for (const given of paths) {
    const fsPath = nodePath.resolve(io.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(fsPath);
    } catch {
      throw new InputError(`cannot read ${given}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      for (const rel of walkRst(fsPath)) out.push(readInput(nodePath.join(given, rel), nodePath.join(fsPath, rel)));
    } else {
      out.push(readInput(given, fsPath));
    }
  }
  return out;
}

class InputError extends Error {}

function readInput(display: string, fsPath: string): InputFile {
  let text: string;
  try {
    text = fs.readFileSync(fsPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${display}${code ? ` (${code})` : ''}`);
  }
  return { display, path: absolute(fsPath), text };
}

/** Relative paths of .rst files below a folder, sorted, skipping node_modules, _build and dot-folders. */
function walkRst(folder: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(nodePath.join(folder, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? rel + '/' + e.name : e.name;
      if (e.isDirectory()) {
        if (!isSkippedFolder(e.name)) visit(r);
      } else if (e.name.endsWith('.rst') && (e.isFile() || e.isSymbolicLink())) out.push(r);
    }
  };
  visit('');
  return out.sort();
}

interface RootState {
  index: WorkspaceIndex;
  config: Config | undefined;
  configFindings: Finding[];
  configPath?: string;
  configText?: string;
}

/** Resolves docs roots, indexes and configs once per root. */
class Roots {
  private readonly finder = new DocsRootFinder();
  private readonly states = new Map<string, RootState>();
  constructor(
    private readonly explicitRoot: string | undefined,
    private readonly cwd: string,
    private readonly locale: Locale,
    /** A config file that replaces each root's weekly-report.json. */
    private readonly configOverride?: { path: string; text: string },
  ) {}

  rootOf(path: string): string {
    return this.explicitRoot ?? this.finder.find(posixDirName(path)) ?? this.cwd;
  }

  state(root: string): RootState {
    let s = this.states.get(root);
    if (!s) {
      const index = buildIndexSync(root);
      const cfg = this.configOverride ?? readConfigText(root);
      s = { index, config: undefined, configFindings: [] };
      if (cfg) {
        const loaded = loadConfig(cfg.text, cfg.path, this.locale);
        s.config = loaded.config;
        s.configFindings = loaded.findings;
        s.configPath = cfg.path;
        s.configText = cfg.text;
      }
      this.states.set(root, s);
    }
    return s;
  }

  all(): Array<[string, RootState]> {
    return [...this.states];
  }
}

interface FileResult {
  display: string;
  text: string;
  findings: Finding[];
}

function resolveRoot(opts: Options, io: CliIo): string | undefined {
  if (opts.root === undefined) return undefined;
  const fsPath = nodePath.resolve(io.cwd, opts.root);
  let ok = false;
  try {
    ok = fs.statSync(fsPath).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new InputError(`--root ${opts.root} is not a folder`);
  return absolute(fsPath);
}

function readConfigOption(opts: Options, io: CliIo): { path: string; text: string } | undefined {
  if (opts.config === undefined) return undefined;
  const fsPath = nodePath.resolve(io.cwd, opts.config);
  try {
    return { path: absolute(fsPath), text: fs.readFileSync(fsPath, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read --config ${opts.config}${code ? ` (${code})` : ''}`);
  }
}

function checkFiles(inputs: InputFile[], roots: Roots, locale: Locale): FileResult[] {
  const results: FileResult[] = [];
  for (const input of inputs) {
    const root = roots.state(roots.rootOf(input.path));
    const findings = validate({ text: input.text, path: input.path, workspace: root.index, config: root.config, locale });
    results.push({ display: input.display, text: input.text, findings: sortFindings(findings) });
  }
  return results;
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
}

function configResults(roots: Roots, io: CliIo): FileResult[] {
  const out: FileResult[] = [];
  for (const [, s] of roots.all()) {
    if (s.configFindings.length === 0 || !s.configPath || s.configText === undefined) continue;
    const rel = nodePath.relative(io.cwd, toFsPath(s.configPath)) || s.configPath;
    out.push({ display: rel, text: s.configText, findings: sortFindings(s.configFindings) });
  }
  return out;
}

function formatText(results: FileResult[]): string {
  let out = '';
  for (const r of results) {
    const lines = new LineIndex(r.text);
    for (const f of r.findings) {
      const p = lines.positionAt(f.start);
      out += `${r.display}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.code} ${f.message.replace(/\s*\n\s*/g, ' ')}\n`;
    }
  }
  return out;
}

function formatJson(results: FileResult[]): string {
  const files = results.map((r) => {
    const lines = new LineIndex(r.text);
    return {
      path: r.display,
      findings: r.findings.map((f) => ({
        code: f.code,
        severity: f.severity,
        message: f.message,
        range: { start: lines.positionAt(f.start), end: lines.positionAt(f.end) },
        fixable: f.fixes.length > 0,
      })),
    };
  });
  return JSON.stringify({ files }, null, 2) + '\n';
}

function hasError(results: FileResult[]): boolean {
  return results.some((r) => r.findings.some((f) => f.severity === 'error'));
}

function runCheck(opts: Options, io: CliIo): number {
  if (opts.paths.length === 0) throw new UsageError('check needs at least one PATH');
  const roots = new Roots(resolveRoot(opts, io), absolute(io.cwd), opts.lang, readConfigOption(opts, io));
  const inputs = collectInputs(opts.paths, io);
  const results = [...configResults(rootsPrimed(roots, inputs), io), ...checkFiles(inputs, roots, opts.lang)];
  io.stdout(opts.format === 'json' ? formatJson(results) : formatText(results));
  return hasError(results) ? 1 : 0;
}

/** Load each root's index and config before checking (so config findings come first). */
function rootsPrimed(roots: Roots, inputs: InputFile[]): Roots {
  for (const i of inputs) roots.state(roots.rootOf(i.path));
  return roots;
}

function runFix(opts: Options, io: CliIo): number {
  if (opts.paths.length === 0) throw new UsageError('fix needs at least one PATH');
  const roots = new Roots(resolveRoot(opts, io), absolute(io.cwd), opts.lang, readConfigOption(opts, io));
  const inputs = collectInputs(opts.paths, io);
  let fixedFiles = 0;
  for (const input of inputs) {
    const root = roots.state(roots.rootOf(input.path));
    // fixAll validates again after each pass until nothing changes.
    const { text } = fixAll({ text: input.text, path: input.path, workspace: root.index, config: root.config, locale: opts.lang });
    if (text !== input.text) {
      try {
        fs.writeFileSync(toFsPath(input.path), text, 'utf8');
      } catch (e) {
        throw new InputError(`cannot write ${input.display}${(e as NodeJS.ErrnoException).code ? ` (${(e as NodeJS.ErrnoException).code})` : ''}`);
      }
      fixedFiles++;
      input.text = text;
    }
  }
  const results = checkFiles(inputs, roots, opts.lang);
  io.stderr(`fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n`);
  io.stdout(formatText(results));
  return hasError(results) ? 1 : 0;
}

function runRender(opts: Options, io: CliIo): number {
  if (opts.paths.length !== 1) throw new UsageError('render needs exactly one FILE');
  const [input] = collectInputs(opts.paths, io);
  const explicit = resolveRoot(opts, io);
  const rootPath = explicit ?? new DocsRootFinder().find(posixDirName(input.path)) ?? absolute(io.cwd);
  const index = buildIndexSync(rootPath, { titles: true });
  const outPath = opts.output !== undefined ? absolute(nodePath.resolve(io.cwd, opts.output)) : undefined;
  let conf: string | undefined;
  try {
    conf = fs.readFileSync(toFsPath(posixJoin(rootPath, 'conf.py')), 'utf8');
  } catch {
    conf = undefined; // no conf.py: Sphinx's defaults
  }
  const html = renderStandaloneHtml(input.text, input.path, {
    workspace: index,
    locale: opts.lang,
    smartQuotes: smartQuotesFromConf(conf),
    // Images and document links relative to where the HTML is written (the source folder for stdout).
    resolveResource: outPath ? (abs) => posixRelative(posixDirName(outPath), abs) : undefined,
  });
  if (outPath === undefined) {
    io.stdout(html);
    return 0;
  }
  try {
    fs.writeFileSync(toFsPath(outPath), html, 'utf8');
  } catch (e) {
    throw new InputError(`cannot write ${opts.output}${(e as NodeJS.ErrnoException).code ? ` (${(e as NodeJS.ErrnoException).code})` : ''}`);
  }
  return 0;
}

/** Run the CLI with arguments (without `node` and the script) and I/O; returns the exit code. */
export function main(argv: string[], io: CliIo): number {
  try {
    const opts = parseArgs(argv);
    if (opts === 'help') {
      io.stdout(HELP);
      return 0;
    }
    if (opts === 'version') {
      io.stdout(`weekly-report ${VERSION}\n`);
      return 0;
    }
    switch (opts.command) {
      case 'check':
        return runCheck(opts, io);
      case 'fix':
        return runFix(opts, io);
      case 'render':
        return runRender(opts, io);
      case '':
        throw new UsageError('missing command (check, fix or render); see --help');
      default:
        throw new UsageError(`unknown command '${opts.command}' (use check, fix or render; see --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.stderr(`weekly-report: ${e.message}\n`);
      return 2;
    }
    io.stderr(`weekly-report: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 2;
  }
}

/** Entry point of bin/weekly-report.js. */
export function run(argv: string[] = process.argv.slice(2)): void {
  const code = main(argv, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}

if (require.main === module) run();
