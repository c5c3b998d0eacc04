/**
 * Conversions between the core's absolute posix paths, native file-system paths and `file:` URIs.
 * The core only sees posix paths ('/'-separated, absolute). On Windows a drive path `C:\a\b`
 * becomes `/c:/a/b` in the core and back `c:/a/b` for the file system.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as nodePath from 'node:path';

/** Native path (any platform) → core posix path. */
export function fromFsPath(fsPath: string): string {
  let p = fsPath.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):(\/|$)/.exec(p);
  if (drive) p = '/' + drive[1].toLowerCase() + p.slice(1);
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/** Core posix path → path usable with `fs`. */
export function toFsPath(posixPath: string): string {
  if (/^\/[a-z]:(\/|$)/i.test(posixPath)) return posixPath.slice(1);
  return posixPath;
}

/** Absolute core path of a (possibly relative) native path. */
export function absolute(fsPath: string, cwd: string = process.cwd()): string {
  return fromFsPath(nodePath.resolve(cwd, fsPath));
}

export function uriToPath(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fromFsPath(fileURLToPath(uri));
    } catch {
      /* fall through: not a valid local file URI */
    }
  }
  // Non-file URIs (untitled:, vscode-notebook-cell:, …): a stable pseudo path.
  const m = /^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?(.*)$/i.exec(uri);
  const rest = m ? decodeURIComponent(m[2] || '/') : uri;
  return rest.startsWith('/') ? rest : '/' + rest;
}

export function pathToUri(posixPath: string): string {
  const fsPath = toFsPath(posixPath);
  if (/^[a-z]:/i.test(fsPath)) {
    // Build Windows file URIs by hand so they are the same on every platform (VS Code style).
    return 'file:///' + fsPath[0].toLowerCase() + '%3A' + encodeSegments(fsPath.slice(2));
  }
  return pathToFileURL(fsPath).href;
}

function encodeSegments(p: string): string {
  return p.split('/').map((s) => encodeURIComponent(s)).join('/');
}
