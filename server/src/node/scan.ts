/**
 * Scanning a folder into the list of files the workspace index holds.
 * Skips `node_modules`, `_build`, and every dot-folder (`.git`, `.venv`, …); does not follow
 * symbolic links to folders (no cycles). Paths are absolute core (posix) paths.
 */
import * as fs from 'node:fs';
import { WorkspaceIndex } from '../core/workspace';
import { toFsPath } from './paths';

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '_build', '__pycache__']);

export interface ScanOptions {
  /** Stop after this many files (default 200,000). */
  maxFiles?: number;
  /** Read the title of every .rst file (first section title). Default false. */
  titles?: boolean;
}

export interface ScanResult {
  files: string[];
  /** Titles of .rst files, when asked for. */
  titles: Map<string, string>;
  truncated: boolean;
}

export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** True when a path lies inside a skipped folder (relative to `root`). */
export function isSkippedPath(path: string, root: string): boolean {
  const rel = path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
  const parts = rel.split('/');
  for (let i = 0; i < parts.length - 1; i++) if (parts[i] && isSkippedFolder(parts[i])) return true;
  return false;
}

/**
 * One folder's entries, shared by both scans: sub-folders (unless skipped) go on the stack,
 * files (and links to files) into `files`. Returns true when `max` files were reached.
 */
function addEntries(dir: string, entries: fs.Dirent[], stack: string[], files: string[], max: number): boolean {
  for (const e of entries) {
    const p = dir === '/' ? '/' + e.name : dir + '/' + e.name;
    if (e.isDirectory()) {
      if (!isSkippedFolder(e.name)) stack.push(p);
    } else if (e.isFile() || (e.isSymbolicLink() && isFileLink(p))) {
      if (files.length >= max) return true;
      files.push(p);
    }
  }
  return false;
}

/** Synchronous scan (fast: one readdir per folder). */
export function scanFolderSync(root: string, options: ScanOptions = {}): ScanResult {
  const max = options.maxFiles ?? 200_000;
  const files: string[] = [];
  const titles = new Map<string, string>();
  const stack = [root];
  let truncated = false;
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(toFsPath(dir), { withFileTypes: true });
    } catch {
      continue;
    }
    const before = files.length;
    truncated = addEntries(dir, entries, stack, files, max);
    if (options.titles) {
      for (let i = before; i < files.length; i++) {
        if (!files[i].endsWith('.rst')) continue;
        const t = readTitleSync(files[i]);
        if (t !== undefined) titles.set(files[i], t);
      }
    }
    if (truncated) break;
  }
  return { files, titles, truncated };
}

/** Asynchronous scan: yields to the event loop between folders so a server stays responsive. */
export async function scanFolder(root: string, options: ScanOptions = {}): Promise<ScanResult> {
  const max = options.maxFiles ?? 200_000;
  const files: string[] = [];
  const titles = new Map<string, string>();
  const stack = [root];
  let truncated = false;
  while (stack.length > 0 && !truncated) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(toFsPath(dir), { withFileTypes: true });
    } catch {
      continue;
    }
    truncated = addEntries(dir, entries, stack, files, max);
  }
  if (options.titles) {
    for (const p of files) {
      if (!p.endsWith('.rst')) continue;
      const t = await readTitle(p);
      if (t !== undefined) titles.set(p, t);
    }
  }
  return { files, titles, truncated };
}

/** Build a workspace index from a scan. */
export function indexFromScan(root: string, scan: ScanResult): WorkspaceIndex {
  const index = new WorkspaceIndex(root, scan.files);
  for (const [p, t] of scan.titles) index.setTitle(p, t);
  return index;
}

/** Scan `root` and return its index (synchronous; used by the CLI). */
export function buildIndexSync(root: string, options: ScanOptions = {}): WorkspaceIndex {
  return indexFromScan(root, scanFolderSync(root, options));
}

function isFileLink(p: string): boolean {
  try {
    return fs.statSync(toFsPath(p)).isFile();
  } catch {
    return false;
  }
}

const TITLE_BYTES = 4096;

function readTitleSync(p: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(toFsPath(p), 'r');
    const buf = Buffer.alloc(TITLE_BYTES);
    const n = fs.readSync(fd, buf, 0, TITLE_BYTES, 0);
    return extractTitle(buf.toString('utf8', 0, n));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

async function readTitle(p: string): Promise<string | undefined> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(toFsPath(p), 'r');
    const buf = Buffer.alloc(TITLE_BYTES);
    const { bytesRead } = await handle.read(buf, 0, TITLE_BYTES, 0);
    return extractTitle(buf.toString('utf8', 0, bytesRead));
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

const ADORNMENT = /^([!-\/:-@\[-`{-~])\1+\s*$/;

/**
 * The first section title of an rST text, found cheaply from its lines (over+underline or
 * underline-only adornment). Open documents get their exact title from the parser instead.
 */
export function extractTitle(text: string): string | undefined {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/, 200);
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    if (ADORNMENT.test(line) && i + 2 < lines.length) {
      const title = lines[i + 1].trim();
      const under = lines[i + 2];
      if (title && ADORNMENT.test(under) && under[0] === line[0]) return title;
    }
    if (/^\s/.test(line) || line.trim() === '' || ADORNMENT.test(line) || line.startsWith('..')) continue;
    const next = lines[i + 1];
    if (ADORNMENT.test(next) && next.trimEnd().length >= Math.min(line.trimEnd().length, 4) && (i === 0 || lines[i - 1].trim() === '')) {
      return line.trim();
    }
  }
  return undefined;
}
