/**
 * Renaming or moving a file: the links to it (in every indexed file) and its own relative links are
 * rewritten, in the style they were written (relative or `/`-rooted, `.html` kept, no `.rst` for document
 * names, `#anchor` kept). Returns the edits per file, as data. Pure.
 */
import type { TextEdit } from '../types';
import { posixDirName, posixRelative } from '../paths';
import type { LinkGraph, OutLink } from './linkGraph';

export type FileEdits = Map<string, TextEdit[]>;

/** Write `target` (absolute path of the file linked to) as a link from `fromFile`, in the style of `written`. */
export function rewriteLink(link: Pick<OutLink, 'kind' | 'written'>, fromFile: string, target: string, root: string): string {
  let written = link.written;
  let prefix = '';
  if ((link.kind === 'doc' || link.kind === 'toctree') && /^[~!]/.test(written)) {
    prefix = written[0];
    written = written.slice(1);
  }
  const i = written.search(/[#?]/);
  const suffix = i >= 0 && link.kind !== 'doc' && link.kind !== 'toctree' ? written.slice(i) : '';
  const bare = i >= 0 && suffix ? written.slice(0, i) : written;
  let t = target;
  if (link.kind === 'doc' || link.kind === 'toctree') {
    if (!bare.endsWith('.rst')) t = t.replace(/\.rst$/, '');
  } else if (/\.html?$/i.test(bare) && t.endsWith('.rst')) {
    t = t.replace(/\.rst$/, bare.slice(bare.lastIndexOf('.')));
  }
  const rooted = bare.startsWith('/');
  let out = rooted ? '/' + posixRelative(root, t) : posixRelative(posixDirName(fromFile), t);
  if (!rooted && bare.startsWith('./') && !out.startsWith('.')) out = './' + out;
  return prefix + out + suffix;
}

/**
 * Edits for moving `oldPath` to `newPath`. Edits are keyed by the files' current (pre-move) paths, as
 * LSP's `workspace/willRenameFiles` expects.
 */
export function renameFileEdits(graph: LinkGraph, oldPath: string, newPath: string, root: string): FileEdits {
  const edits: FileEdits = new Map();
  const add = (file: string, e: TextEdit) => {
    const list = edits.get(file) ?? [];
    if (!list.some((x) => x.start === e.start)) list.push(e);
    edits.set(file, list);
  };
  // links to the file
  for (const l of graph.referencesTo(oldPath)) {
    const from = l.from === oldPath ? newPath : l.from;
    const newText = rewriteLink(l, from, newPath, root);
    if (newText !== l.written) add(l.from, { start: l.start, end: l.end, newText });
  }
  // the moved file's own relative links, when its folder changes
  if (posixDirName(oldPath) !== posixDirName(newPath)) {
    for (const l of graph.linksOf(oldPath)) {
      if (!l.ok || l.written.startsWith('/')) continue;
      const target = l.target === oldPath ? newPath : l.target;
      const newText = rewriteLink(l, newPath, target, root);
      if (newText !== l.written) add(oldPath, { start: l.start, end: l.end, newText });
    }
  }
  for (const list of edits.values()) list.sort((a, b) => a.start - b.start);
  return edits;
}

/** Edits for moving a folder: every file below it moves along. */
export function renameFolderEdits(graph: LinkGraph, files: Iterable<string>, oldFolder: string, newFolder: string, root: string): FileEdits {
  const prefix = oldFolder.endsWith('/') ? oldFolder : oldFolder + '/';
  const moved = new Map<string, string>();
  for (const f of files) if (f.startsWith(prefix)) moved.set(f, newFolder.replace(/\/$/, '') + '/' + f.slice(prefix.length));
  const edits: FileEdits = new Map();
  const seen = new Set<string>();
  for (const [oldPath, newPath] of moved) {
    for (const l of graph.referencesTo(oldPath)) {
      const key = `${l.from}:${l.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const from = moved.get(l.from) ?? l.from;
      const newText = rewriteLink(l, from, newPath, root);
      if (newText !== l.written) {
        const list = edits.get(l.from) ?? [];
        list.push({ start: l.start, end: l.end, newText });
        edits.set(l.from, list);
      }
    }
  }
  // moved files' links to files that stay
  for (const [oldPath, newPath] of moved) {
    for (const l of graph.linksOf(oldPath)) {
      if (!l.ok || l.written.startsWith('/') || moved.has(l.target)) continue;
      const key = `${oldPath}:${l.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const newText = rewriteLink(l, newPath, l.target, root);
      if (newText !== l.written) {
        const list = edits.get(oldPath) ?? [];
        list.push({ start: l.start, end: l.end, newText });
        edits.set(oldPath, list);
      }
    }
  }
  for (const list of edits.values()) list.sort((a, b) => a.start - b.start);
  return edits;
}
