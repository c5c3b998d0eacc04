/**
 * The docs root: the nearest folder at or above a start folder that holds `conf.py` (Sphinx),
 * else a fallback (the given folder). Lookups are cached per folder.
 */
import * as fs from 'node:fs';
import { posixDirName, posixJoin } from '../core/paths';
import { toFsPath } from './paths';

export class DocsRootFinder {
  private readonly cache = new Map<string, string | null>();

  /** Nearest folder at or above `folder` holding conf.py, or undefined. `stopAt` (inclusive) bounds the walk upwards. */
  find(folder: string, stopAt?: string): string | undefined {
    const visited: string[] = [];
    let dir = folder;
    let found: string | null = null;
    for (;;) {
      const cached = this.cache.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      if (fileExists(posixJoin(dir, 'conf.py'))) {
        found = dir;
        break;
      }
      const parent = posixDirName(dir);
      if (dir === stopAt || parent === dir || parent === '.' || dir === '/') break;
      dir = parent;
    }
    // Only cache complete (unbounded) answers.
    if (stopAt === undefined || found !== null) for (const v of visited) this.cache.set(v, found);
    return found ?? undefined;
  }

  /** Forget cached answers (e.g. after a conf.py was created or deleted). */
  clear(): void {
    this.cache.clear();
  }
}

const shared = new DocsRootFinder();

/** Docs root for `folder`: nearest parent holding conf.py, else `fallback` (default: `folder` itself). */
export function findDocsRoot(folder: string, fallback: string = folder): string {
  return shared.find(folder) ?? fallback;
}

function fileExists(posixPath: string): boolean {
  try {
    return fs.statSync(toFsPath(posixPath)).isFile();
  } catch {
    return false;
  }
}
