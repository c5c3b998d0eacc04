import type { Workspace } from './types';
import { posixBaseName } from './paths';

/**
 * In-memory workspace index: the set of known files, looked up by path and by base name.
 * The adapters feed it (a scan at start-up, then file-watcher events); the core only reads it.
 */
export class WorkspaceIndex implements Workspace {
  private readonly paths = new Set<string>();
  private readonly byBase = new Map<string, string[]>();
  private readonly titles = new Map<string, string>();
  /** Every path in sorted order, built when first asked for after a change (for prefix queries). */
  private sorted?: string[];

  constructor(public root: string, files: Iterable<string> = []) {
    for (const f of files) this.add(f);
  }

  add(path: string): void {
    if (this.paths.has(path)) return;
    this.paths.add(path);
    this.sorted = undefined;
    const base = posixBaseName(path);
    const list = this.byBase.get(base);
    if (list) list.push(path);
    else this.byBase.set(base, [path]);
  }

  remove(path: string): void {
    if (!this.paths.delete(path)) return;
    this.sorted = undefined;
    this.titles.delete(path);
    const base = posixBaseName(path);
    const list = this.byBase.get(base);
    if (!list) return;
    const i = list.indexOf(path);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byBase.delete(base);
  }

  /** Remove every file at or below `folder`. */
  removeFolder(folder: string): void {
    const prefix = folder.endsWith('/') ? folder : folder + '/';
    for (const p of [...this.paths]) if (p === folder || p.startsWith(prefix)) this.remove(p);
  }

  setTitle(path: string, title: string | undefined): void {
    if (title === undefined) this.titles.delete(path);
    else this.titles.set(path, title);
  }

  exists(path: string): boolean {
    return this.paths.has(path);
  }

  findByBaseName(baseName: string): readonly string[] {
    return this.byBase.get(baseName) ?? [];
  }

  files(): Iterable<string> {
    return this.paths;
  }

  /** Binary search in the sorted paths: a toctree glob looks at its folder, not at the whole workspace. */
  filesWithPrefix(prefix: string): Iterable<string> {
    const all = (this.sorted ??= [...this.paths].sort());
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    let end = lo;
    while (end < all.length && all[end].startsWith(prefix)) end++;
    return all.slice(lo, end);
  }

  title(path: string): string | undefined {
    return this.titles.get(path);
  }

  get size(): number {
    return this.paths.size;
  }
}
