/**
 * docutils' name and id functions (`nodes.make_id`, `nodes.fully_normalize_name`), shared by the parser,
 * the reference checks and the renderer. They run for every section title and target, so the common
 * inputs (ASCII, Latin-1 such as Norwegian titles, names without odd whitespace) take loops without
 * regular expressions or Unicode normalisation; everything else takes the literal transcription.
 */

/** docutils `_non_id_translate` (and `_non_id_translate_digraphs`). */
export const NON_ID_TRANSLATE: Readonly<Record<string, string>> = {
  '\u00f8': 'o', '\u0111': 'd', '\u0127': 'h', '\u0131': 'i', '\u0142': 'l', '\u0167': 't', '\u0180': 'b',
  '\u0183': 'b', '\u0188': 'c', '\u018c': 'd', '\u0192': 'f', '\u0199': 'k', '\u019a': 'l', '\u019e': 'n',
  '\u01a5': 'p', '\u01ab': 't', '\u01ad': 't', '\u01b4': 'y', '\u01b6': 'z', '\u01e5': 'g', '\u0225': 'z',
  '\u0234': 'l', '\u0235': 'n', '\u0236': 't', '\u0237': 'j', '\u023c': 'c', '\u023f': 's', '\u0240': 'z',
  '\u0247': 'e', '\u0249': 'j', '\u024b': 'q', '\u024d': 'r', '\u024f': 'y',
  '\u00df': 'sz', '\u00e6': 'ae', '\u0153': 'oe', '\u0238': 'db', '\u0239': 'qp',
};
const RE_TRANSLATE = /[\u00f8\u0111\u0127\u0131\u0142\u0167\u0180\u0183\u0188\u018c\u0192\u0199\u019a\u019e\u01a5\u01ab\u01ad\u01b4\u01b6\u01e5\u0225\u0234-\u0237\u023c\u023f\u0240\u0247\u0249\u024b\u024d\u024f\u00df\u00e6\u0153\u0238\u0239]/g;

/** The first steps of make_id: lower-case, translate, NFKD, drop what is not ASCII. */
function idFold(s: string): string {
  return s.toLowerCase().replace(RE_TRANSLATE, (c) => NON_ID_TRANSLATE[c] ?? c).normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
}

/** idFold of each character below U+0100 (all of these steps work character by character there). */
const FOLD_LATIN1: string[] = [];
for (let c = 0; c < 0x100; c++) FOLD_LATIN1.push(idFold(String.fromCharCode(c)));

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** The last steps of make_id on folded (ASCII) text: runs of other characters become '-', leading digits and dashes go. */
function idFinish(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && !(s.charCodeAt(i) >= 97 && s.charCodeAt(i) <= 122)) i++;
  let out = '';
  while (i < n) {
    let j = i;
    while (j < n && isAlnum(s.charCodeAt(j))) j++;
    out = out ? out + '-' + s.slice(i, j) : s.slice(i, j);
    while (j < n && !isAlnum(s.charCodeAt(j))) j++;
    i = j;
  }
  return out;
}

/** docutils.nodes.make_id (without the uniqueness suffix). May return ''. */
export function makeId(s: string): string {
  let latin1 = true;
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      ascii = false;
      if (c >= 0x100) { latin1 = false; break; }
    }
  }
  if (ascii) return idFinish(s.toLowerCase());
  if (latin1) {
    let folded = '';
    for (let i = 0; i < s.length; i++) folded += FOLD_LATIN1[s.charCodeAt(i)];
    return idFinish(folded);
  }
  // the whitespace collapse of make_id is subsumed by idFinish (whitespace is not alphanumeric)
  return idFinish(idFold(s));
}

/** Is `s` already whitespace-normalised: no leading, trailing or repeated whitespace, no whitespace but ' '? */
function spacedNormally(s: string, pythonWs: boolean): boolean {
  const n = s.length;
  let prevSpace = true; // a space at the start is not normal
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c < 32) {
      if ((c >= 9 && c <= 13) || (pythonWs && c >= 0x1c)) return false;
    } else if (c >= 0x85) {
      if (c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
        c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return false;
    }
  }
  return n === 0 || !prevSpace;
}

/** No leading, trailing or repeated whitespace, and no whitespace but ' ' (JavaScript's `\s`). */
export function isSpacedNormally(s: string): boolean {
  return spacedNormally(s, false);
}

/** JavaScript's `\s`: whitespace collapsed to single spaces, ends trimmed, lower-cased (the parser's normalize_name). */
export function normalizeName(s: string): string {
  if (spacedNormally(s, false)) return s.toLowerCase();
  // same as s.split(/\s+/).filter(Boolean).join(' '): trim() strips exactly the characters \s matches
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** docutils `whitespace_normalize_name` with Python's `str.split()` whitespace (which includes U+001C–U+001F). */
export function whitespaceNormalize(name: string): string {
  if (spacedNormally(name, true)) return name;
  // = split on runs + drop empty parts + join: every run becomes one ' ', then the edge ones go
  return name.replace(/[\s\x1c-\x1f]+/gu, ' ').trim();
}

/** docutils `fully_normalize_name` with Python's whitespace. */
export function fullyNormalizeName(name: string): string {
  return whitespaceNormalize(name).toLowerCase();
}
