// Smart quotes: QuoteEducator against docutils' own educate_tokens (attr 'qDe', as Sphinx runs it) on
// random token streams, in several languages; and the cases a report meets, written out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { QuoteEducator, quotesFor, smartQuotesFromConf } from '../../server/src/core/render/smartquotes';
import { findPython, oracleUnavailable } from '../oracle/python';

type Token = ['plain' | 'literal', string];

function educate(tokens: Token[], language: string, action?: string): string[] {
  const e = new QuoteEducator(language, action);
  return tokens.map(([kind, text]) => {
    if (kind === 'literal') { e.literal(text); return text; }
    return e.plain(text);
  });
}

test('quotes, dashes and ellipses in English and Norwegian', () => {
  const en = (s: string) => educate([['plain', s]], 'en')[0];
  assert.equal(en('de 4 "nye" serverne'), 'de 4 “nye” serverne');
  assert.equal(en("it's 'quoted'"), 'it’s ‘quoted’');
  assert.equal(en('2017 -- 2018 --- done...'), '2017 – 2018 — done…');
  assert.equal(en('the \'80s'), 'the ’80s');
  const nb = (s: string) => educate([['plain', s]], 'nb_NO')[0];
  assert.equal(nb('de 4 "nye" serverne'), 'de 4 «nye» serverne');
  assert.equal(nb("det er 'sitat'"), 'det er ’sitat’');
});

test('a quote at the start of a piece of text sees the piece before it (emphasis, literals)', () => {
  // "*fremdrift*": the closing quote follows the emphasis' text
  assert.deepEqual(educate([['plain', 'om "'], ['plain', 'fremdrift'], ['plain', '" i dag']], 'en'), ['om “', 'fremdrift', '” i dag']);
  assert.deepEqual(educate([['plain', 'kjør '], ['literal', 'make'], ['plain', '"']], 'en'), ['kjør ', 'make', '”']);
});

test('escaped quotes and dashes stay as they are; the markers are removed', () => {
  assert.equal(educate([['plain', 'a \0"b\0" c\0-\0- d']], 'en')[0], 'a "b" c-- d');
  assert.equal(educate([['plain', 'x\0 y']], 'en')[0], 'xy');
});

test('language tags: subtags are dropped until one is known; unknown ones keep straight quotes', () => {
  assert.deepEqual(quotesFor('de_CH'), ['«', '»', '‹', '›']);
  assert.deepEqual(quotesFor('nb-NO'), ['«', '»', '’', '’']);
  assert.equal(quotesFor('xx'), undefined);
  assert.equal(educate([['plain', '"a" -- b']], 'xx')[0], '"a" – b');
});

const PY = String.raw`
import sys, json, re
from docutils.utils import smartquotes
from docutils import nodes
cases = json.load(sys.stdin)
out = []
for lang, action, tokens in cases:
    def gen():
        for kind, text in tokens:
            if kind == 'literal':
                yield 'literal', text
            else:
                yield 'plain', re.sub('(?<=\x00)([-\\\'".\x60])', r'\\\1', text)
    res = list(smartquotes.educate_tokens(gen(), attr=action, language=lang))
    out.append([nodes.unescape(t) if k == 'plain' else t for (k, _), t in zip(tokens, res)])
json.dump(out, sys.stdout)
`;

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}

test('agrees with docutils educate_tokens on 3000 random token streams and actions', { skip: oracleUnavailable() ?? false }, () => {
  const r = rng(2026);
  const ALPHA = ['"', '"', "'", "'", ' ', ' ', 'a', 'b', 'ø', '1', '8', '0s', '-', '--', '---', '.', '...', '. . .', '(', '[', '{',
    ')', ':', ';', '!', '?', '_', '\u00a0', '\u2013', '\u2014', '\u2026', '\u201c', '\u00ab', '``', "''", '&quot;', '\n', '\0"', "\0'", '\0-', '\0.', '\0 ', '\0\\', '\\', '&', '#', 'Æ', '\u200b', '`'];
  const LANGS = ['en', 'nb', 'de', 'fr', 'sv', 'fi', 'he', 'xx'];
  // Sphinx's default most of the time; the other actions a conf.py may set (smartquotes_action)
  const ACTIONS = ['qDe', 'qDe', 'qDe', 'qe', 'q', 'De', 'qde', 'qie', 'qbe', 'qBDe', 'qDew', '1', '2', '3', '-1', '0', ''];
  const cases: Array<[string, string, Token[]]> = [];
  for (let i = 0; i < 3000; i++) {
    const tokens: Token[] = [];
    const n = 1 + Math.floor(r() * 4);
    for (let j = 0; j < n; j++) {
      let s = '';
      const len = Math.floor(r() * 8);
      for (let k = 0; k < len; k++) s += ALPHA[Math.floor(r() * ALPHA.length)];
      tokens.push([r() < 0.15 ? 'literal' : 'plain', r() < 0.15 ? s.replace(/\0/g, '') : s]);
    }
    cases.push([LANGS[Math.floor(r() * LANGS.length)], ACTIONS[Math.floor(r() * ACTIONS.length)], tokens.map(([k, t]) => [k, k === 'literal' ? t.replace(/\0/g, '') : t])]);
  }
  const py = spawnSync(findPython()!, ['-c', PY], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(py.status, 0, py.stderr);
  const want = JSON.parse(py.stdout) as string[][];
  const diffs: string[] = [];
  for (let i = 0; i < cases.length; i++) {
    const got = educate(cases[i][2], cases[i][0], cases[i][1]);
    if (JSON.stringify(got) !== JSON.stringify(want[i])) diffs.push(`${cases[i][0]} ${cases[i][1]} ${JSON.stringify(cases[i][2])}\n  ours ${JSON.stringify(got)}\n  docutils ${JSON.stringify(want[i])}`);
  }
  assert.deepEqual(diffs.slice(0, 5), []);
});

test("conf.py decides as Sphinx does: on in English by default, the project's language, off when disabled", () => {
  const en = { language: 'en', action: 'qDe' };
  assert.deepEqual(smartQuotesFromConf(undefined), en);
  assert.deepEqual(smartQuotesFromConf("project = 'x'\n#language = None\n"), en);
  assert.deepEqual(smartQuotesFromConf('language = None\n'), en);
  assert.deepEqual(smartQuotesFromConf("language = 'nb_NO'\n"), { language: 'nb_NO', action: 'qDe' });
  assert.deepEqual(smartQuotesFromConf('language = "de"\nsmartquotes = True\n'), { language: 'de', action: 'qDe' });
  assert.deepEqual(smartQuotesFromConf("language = 'nb'\nsmartquotes_action = 'qe'\n"), { language: 'nb', action: 'qe' });
  assert.equal(smartQuotesFromConf("language = 'nb'\nsmartquotes = False\n"), false);
  assert.equal(smartQuotesFromConf("language = 'ja'\n"), false);
});
