/**
 * The command `weeklyReport.newReport`: finds the reports and their naming scheme, picks the week, writes
 * the report planned by the pure core (`server/src/core/report/newReport.ts`) and opens it. Never
 * overwrites: an existing report for the week is opened instead.
 *
 * Argument (all optional): `{ year, week, folder }` (`folder` a URI or path: the reports folder) → asks
 * nothing and resolves to the URI of the report created or opened. From the Explorer context menu the
 * argument is the folder's URI.
 */
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import {
  planNewReport,
  suggestWeek,
  reportPathInfo,
  compareWeeks,
  type ExistingReport,
  type IndexFile,
  type WeekChoice,
} from '../../../server/src/core/report/newReport';
import { isoWeekOf, isoWeeksInYear, type CalendarDate, type IsoWeek } from '../../../server/src/core/report/isoweek';
import { loadConfig, profileFor, CONFIG_FILE_NAME, type Config } from '../../../server/src/core/report/config';
import { posixDirName, posixJoin, posixBaseName } from '../../../server/src/core/paths';
import { scanHeadings } from '../../../server/src/core/features/headings';

export interface NewReportArgs {
  year?: number;
  week?: number;
  folder?: vscode.Uri | string;
}

const EXCLUDE = '**/{node_modules,_build,.git,.work,out,dist}/**';

function nb(): boolean {
  const setting = vscode.workspace.getConfiguration('weeklyReport').get<string>('language', 'auto');
  const lang = setting && setting !== 'auto' ? setting : vscode.env.language;
  return /^(nb|no|nn)\b/i.test(lang);
}

function msg(en: string, no: string): string {
  return nb() ? no : en;
}

function todayDate(): CalendarDate {
  const d = new Date();
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

function toPath(uri: vscode.Uri): string {
  return uri.path;
}

function toUri(path: string, like: vscode.Uri): vscode.Uri {
  return like.with({ path });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function gitUserName(cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
    } catch {
      resolve(undefined);
    }
  });
}

/** The author: the `weeklyReport.author` setting, else `git config user.name`. */
export async function authorName(cwd: string | undefined): Promise<string | undefined> {
  const setting = vscode.workspace.getConfiguration('weeklyReport').get<string>('author', '').trim();
  return setting || (await gitUserName(cwd));
}

function folderArg(arg: unknown): { uri?: vscode.Uri; year?: number; week?: number; explicit: boolean } {
  if (arg instanceof vscode.Uri) return { uri: arg, explicit: false };
  if (arg && typeof arg === 'object') {
    const a = arg as NewReportArgs & { fsPath?: string; scheme?: string; path?: string };
    if (typeof a.scheme === 'string' && typeof a.path === 'string') return { uri: vscode.Uri.from(a as unknown as vscode.Uri), explicit: false };
    let uri: vscode.Uri | undefined;
    if (a.folder instanceof vscode.Uri) uri = a.folder;
    else if (typeof a.folder === 'string') uri = /^[a-z][a-z0-9+.-]+:/i.test(a.folder) && !/^[a-z]:[\\/]/i.test(a.folder) ? vscode.Uri.parse(a.folder) : vscode.Uri.file(a.folder);
    else if (a.folder && typeof a.folder === 'object') uri = vscode.Uri.from(a.folder as vscode.Uri);
    return { uri, year: typeof a.year === 'number' ? a.year : undefined, week: typeof a.week === 'number' ? a.week : undefined, explicit: true };
  }
  return { explicit: false };
}

async function pickWeek(choices: WeekChoice[]): Promise<IsoWeek | undefined> {
  type Item = vscode.QuickPickItem & { week?: IsoWeek };
  const items: Item[] = choices.map((c) => ({
    label: c.kind === 'this' ? msg(`This week (week ${c.week.week})`, `Denne uken (uke ${c.week.week})`) : msg(`Last week (week ${c.week.week})`, `Forrige uke (uke ${c.week.week})`),
    description: `${c.week.year}` + (c.exists ? msg(' — exists, will be opened', ' — finnes, åpnes') : ''),
    week: c.week,
  }));
  items.push({ label: msg('Another week…', 'En annen uke…') });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: msg('Which week is the report for?', 'Hvilken uke gjelder rapporten?') });
  if (!picked) return undefined;
  if (picked.week) return picked.week;
  const now = isoWeekOf(todayDate());
  const input = await vscode.window.showInputBox({
    prompt: msg('Week number, or year-week (e.g. 2024-52)', 'Ukenummer, eller år-uke (f.eks. 2024-52)'),
    value: String(now.week),
    validateInput: (v) => (parseWeekInput(v, now.year) ? undefined : msg('Not a week', 'Ikke en uke')),
  });
  return input ? parseWeekInput(input, now.year) : undefined;
}

export function parseWeekInput(v: string, year: number): IsoWeek | undefined {
  const m = /^\s*(?:(\d{4})\s*[-/ ]\s*(?:[wW]|uke\s*)?)?(\d{1,2})\s*$/.exec(v);
  if (!m) return undefined;
  const y = m[1] ? Number(m[1]) : year;
  const w = Number(m[2]);
  return w >= 1 && w <= isoWeeksInYear(y) ? { year: y, week: w } : undefined;
}

async function loadWorkspaceConfig(root: vscode.Uri): Promise<Config | undefined> {
  const uri = vscode.Uri.joinPath(root, CONFIG_FILE_NAME);
  const text = await readText(uri);
  if (text === undefined) return undefined;
  try {
    return loadConfig(text, toPath(uri)).config;
  } catch {
    return undefined;
  }
}

/** The docs root above a folder: the nearest folder holding conf.py, else the workspace folder. */
async function docsRootOf(folder: vscode.Uri, ws: vscode.WorkspaceFolder | undefined): Promise<vscode.Uri> {
  let p = toPath(folder);
  const stop = ws ? toPath(ws.uri) : '/';
  for (let i = 0; i < 30; i++) {
    if (await exists(toUri(posixJoin(p, 'conf.py'), folder))) return toUri(p, folder);
    if (p === stop || p === '/' || p === '.') break;
    p = posixDirName(p);
  }
  return ws?.uri ?? folder;
}

export async function newReport(arg?: unknown): Promise<vscode.Uri | undefined> {
  const a = folderArg(arg);
  const wsFolder =
    (a.uri && vscode.workspace.getWorkspaceFolder(a.uri)) ??
    (vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri)) ??
    vscode.workspace.workspaceFolders?.[0];
  if (!wsFolder && !a.uri) {
    void vscode.window.showErrorMessage(msg('Weekly Report: open a folder first.', 'Weekly Report: åpne en mappe først.'));
    return undefined;
  }
  const base = a.uri ?? wsFolder!.uri;

  // Existing reports in the workspace folder.
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(wsFolder ?? base, '**/*{uke,week,Uke,Week}*.rst'), EXCLUDE, 20000);
  const infos = found.map((u) => ({ uri: u, info: reportPathInfo(toPath(u)) })).filter((x) => x.info);

  // The reports folder: the argument (or its parent when it is a year folder), else the newest report's.
  let folder: string | undefined;
  if (a.uri) {
    const p = toPath(a.uri);
    const known = new Set(infos.map((x) => x.info!.reportsFolder));
    if (known.has(p)) folder = p;
    else if (/^\d{4}$/.test(posixBaseName(p)) && known.has(posixDirName(p))) folder = posixDirName(p);
    else {
      // A folder above the reports (the docs root, `status/`): the newest reports folder below it.
      const below = infos.filter((x) => x.info!.reportsFolder === p || x.info!.reportsFolder.startsWith(p + '/'));
      if (below.length) folder = below.map((x) => x.info!).sort(compareWeeks).pop()!.reportsFolder;
      else folder = p;
    }
  }
  const relevant = infos.filter((x) => !folder || x.info!.reportsFolder === folder);
  // Texts of the newest reports (habit, boilerplate, carried items): at most 12 files are read.
  const newest = [...relevant].sort((x, y) => compareWeeks(y.info!, x.info!)).slice(0, 12);
  const withText = new Set(newest.map((x) => x.uri.toString()));
  const reports: ExistingReport[] = [];
  for (const x of relevant) {
    reports.push({ path: toPath(x.uri), text: withText.has(x.uri.toString()) ? await readText(x.uri) : undefined });
  }

  const rootUri = await docsRootOf(folder ? toUri(folder, base) : newest[0] ? toUri(posixDirName(toPath(newest[0].uri)), base) : base, wsFolder);
  const config = await loadWorkspaceConfig(rootUri);
  const today = todayDate();
  const profile = profileFor(config, newest[0] ? toPath(newest[0].uri) : posixJoin(folder ?? toPath(rootUri), String(today.year), 'uke_01.rst'), toPath(rootUri));

  // The week.
  let week: IsoWeek | undefined;
  if (a.week !== undefined) week = { year: a.year ?? isoWeekOf(today).year, week: a.week };
  else {
    const s = suggestWeek(today, reports, profile);
    week = s.ambiguous && !a.explicit ? await pickWeek(s.choices) : s.week;
  }
  if (!week) return undefined;

  // Index documents that may hold the reports' toctree.
  const reportsFolder = folder ?? (newest[0] ? newest[0].info!.reportsFolder : undefined);
  const indexes: IndexFile[] = [];
  for (const p of new Set([reportsFolder && posixJoin(reportsFolder, 'index.rst'), posixJoin(toPath(rootUri), 'index.rst')])) {
    if (!p) continue;
    const text = await readText(toUri(p, base));
    if (text !== undefined) indexes.push({ path: p, text });
  }

  const author = await authorName(wsFolder?.uri.fsPath);
  const plan = planNewReport({ root: toPath(rootUri), reports, today, week, author, folder, profile, indexes });
  const target = toUri(plan.path, base);
  if (plan.exists || (await exists(target))) {
    await vscode.window.showTextDocument(target, { preview: false });
    if (!a.explicit) void vscode.window.showInformationMessage(msg(`The report for week ${week.week} exists already: opened it.`, `Rapporten for uke ${week.week} finnes allerede: åpnet den.`));
    return target;
  }
  await vscode.workspace.fs.createDirectory(toUri(plan.folder, base));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(plan.text));
  if (plan.indexEdit) {
    const indexUri = toUri(plan.indexEdit.path, base);
    const doc = await vscode.workspace.openTextDocument(indexUri);
    const edit = new vscode.WorkspaceEdit();
    for (const e of plan.indexEdit.edits) edit.replace(indexUri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    if (await vscode.workspace.applyEdit(edit)) await doc.save();
  }
  const editor = await vscode.window.showTextDocument(target, { preview: false });
  // Cursor at the start of the first section's body.
  const first = scanHeadings(editor.document.getText())[1];
  if (first) {
    const pos = editor.document.positionAt(first.end).translate(1, 0);
    editor.selection = new vscode.Selection(pos, pos);
  }
  return target;
}
