/** Pure posix path helpers (the core never imports `path` or `fs`). */

export function posixBaseName(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

export function posixDirName(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

/** Normalise '.', '..' and duplicate slashes. Keeps a leading '/'. */
const NEEDS_NORMALIZING = /(?:^|\/)\.\.?(?:\/|$)|\/\/|\/$/;
export function posixNormalize(p: string): string {
  // most paths are normal already: no '.' or '..' segment, no '//', no trailing '/'
  return p !== '' && !NEEDS_NORMALIZING.test(p) ? p : normalizeSegments(p);
}

/** posixNormalize without its pass-through for normal paths (exported for the test that compares the two). */
export function normalizeSegments(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return abs ? '/' + joined : joined || '.';
}

export function posixJoin(...parts: string[]): string {
  // (most calls join a folder and a name)
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') return posixNormalize(parts[0] + '/' + parts[1]);
  return posixNormalize(parts.filter((p) => p !== '').join('/'));
}

/** Path of `to` relative to the folder `fromDir`. */
export function posixRelative(fromDir: string, to: string): string {
  const a = posixNormalize(fromDir);
  const b = posixNormalize(to);
  // the common case, without splitting: an absolute path inside (or equal to) an absolute folder
  if (a.charCodeAt(0) === 47 && b.charCodeAt(0) === 47) {
    if (a === b) return '.';
    if (a === '/') return b.slice(1);
    if (b.length > a.length && b.charCodeAt(a.length) === 47 && b.startsWith(a)) return b.slice(a.length + 1);
  }
  return relativeSegments(a, b);
}

/** posixRelative of two normalised paths, segment by segment (exported for the test that compares the two). */
export function relativeSegments(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const rel = [...up, ...b.slice(i)].join('/');
  return rel || '.';
}

/**
 * Match a posix path against a glob: `*` (within a segment), `**` (any number of segments), `?`, `{a,b}`.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:[^/]*/)*';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escapeRegExp).join('|') + ')';
        i = close;
      }
    } else re += escapeRegExp(c);
  }
  return new RegExp('^' + re + '$');
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
