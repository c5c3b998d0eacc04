// docutils' make_id / normalize_name: the fast paths in core/rst/names.ts give exactly what the literal
// transcriptions (regular expressions + NFKD, as the parser had them before) give, on fixed and random input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullyNormalizeName, makeId, NON_ID_TRANSLATE, normalizeName, whitespaceNormalize } from '../../server/src/core/rst/names';

/** docutils.nodes.make_id, transcribed step by step (with docutils' translation table, shared with the code). */
function makeIdReference(s: string): string {
  let id = s.toLowerCase();
  id = [...id].map((c) => NON_ID_TRANSLATE[c] ?? c).join('');
  id = id.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  id = id.split(/\s+/).filter(Boolean).join(' ').replace(/[^a-z0-9]+/g, '-');
  return id.replace(/^[-0-9]+|-+$/g, '');
}
const normalizeReference = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const whitespaceReference = (s: string) => s.replace(/[\s\x1c-\x1f]+/gu, ' ').trim();

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}
const ALPHABET = [
  ...'abcXYZ019 -_.:/()', '  ', '\t', '\n', '\r', '\v', '\f', '\x1c', '\x1f', '\x00', '\x85', '\xa0', '\u2003', '\u3000', '\ufeff',
  ...'æøåÆØÅéÉüßµªº¹¼´¨¯¸·×÷þÞðÐ', '\u0142', '\u0153', 'ǅ', 'ﬁ', 'Ⅻ', 'ᴬ', '\u0301', '\u{1d400}', '漢', 'Ω',
];

test('makeId: fixed cases (corpus titles and docutils examples)', () => {
  const cases: Array<[string, string]> = [
    ['Status', 'status'], ['Planlagte aktiviteter', 'planlagte-aktiviteter'], ['Fullført', 'fullfort'],
    ['Uke 30', 'uke-30'], ['1. Første del', 'forste-del'], ['Ærlig talt: på tide!', 'aerlig-talt-pa-tide'],
    ['--', ''], ['42', ''], ['a--b', 'a-b'], ['Straße', 'strasze'], ['ﬁre', 'fire'], ['Łódź', 'lodz'],
  ];
  for (const [input, want] of cases) {
    assert.equal(makeId(input), want, input);
    assert.equal(makeIdReference(input), want, `reference: ${input}`);
  }
});

test('makeId, normalizeName, whitespaceNormalize: equal to the transcriptions on 20,000 random strings', () => {
  const r = rng(7);
  for (let i = 0; i < 20000; i++) {
    let s = '';
    const n = Math.floor(r() * 14);
    for (let k = 0; k < n; k++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
    assert.equal(makeId(s), makeIdReference(s), JSON.stringify(s));
    assert.equal(normalizeName(s), normalizeReference(s), JSON.stringify(s));
    assert.equal(whitespaceNormalize(s), whitespaceReference(s), JSON.stringify(s));
    assert.equal(fullyNormalizeName(s), whitespaceReference(s).toLowerCase(), JSON.stringify(s));
  }
});

test('makeId: every character below U+0100, alone and between letters', () => {
  for (let c = 0; c < 0x100; c++) {
    const ch = String.fromCharCode(c);
    for (const s of [ch, `a${ch}b`, `${ch}${ch}x`]) assert.equal(makeId(s), makeIdReference(s), `U+${c.toString(16)} in ${JSON.stringify(s)}`);
  }
});
