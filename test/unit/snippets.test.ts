import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from '../../server/src/core/rst/parser';
import { scanHeadings } from '../../server/src/core/features/headings';

const ROOT = path.resolve(__dirname, '../../..');
const FILE = path.join(ROOT, 'snippets/rst.code-snippets');

/** Expand a snippet body the way VS Code would with every placeholder left at its default. */
export function expandSnippet(body: string): string {
  const vars: Record<string, string> = {
    TM_FULLNAME: 'Kari Nordmann',
    CURRENT_DATE: '26',
    CURRENT_YEAR: '2026',
    CURRENT_MONTH_NAME: 'November',
    TM_FILENAME_BASE: 'uke_48',
  };
  const values = new Map<string, string>();
  let s = body;
  // innermost first: ${N:default} / ${VAR:default} without nested '${'
  for (let guard = 0; guard < 50; guard++) {
    const before = s;
    s = s.replace(/\$\{(\d+|[A-Z_]+):([^${}]*)\}/g, (_, k: string, def: string) => {
      const v = /^\d+$/.test(k) ? def : vars[k] ?? def;
      if (/^\d+$/.test(k)) values.set(k, v);
      return v;
    });
    s = s.replace(/\$\{(\d+|[A-Z_]+)\}/g, (_, k: string) => (/^\d+$/.test(k) ? values.get(k) ?? '' : vars[k] ?? ''));
    if (s === before) break;
  }
  // transforms ${N/regex/format/flags}
  s = s.replace(/\$\{(\d+)\/((?:[^/\\]|\\.)*)\/((?:[^/\\]|\\.)*)\/([a-z]*)\}/g, (_, k: string, re: string, fmt: string, flags: string) =>
    (values.get(k) ?? '').replace(new RegExp(re, flags), fmt),
  );
  s = s.replace(/\$(\d+|[A-Z_]+)/g, (_, k: string) => (/^\d+$/.test(k) ? values.get(k) ?? '' : vars[k] ?? ''));
  return s;
}

function docutilsWarnings(text: string): string[] | undefined {
  const py = `
import sys, docutils.core
msgs = []
class S:
    def write(self, s): msgs.append(s)
docutils.core.publish_doctree(sys.stdin.read(), settings_overrides={'report_level': 2, 'warning_stream': S(), 'halt_level': 5})
print(''.join(msgs))
`;
  const r = spawnSync('python3', ['-c', py], { input: text, encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

const snippets = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>;

test('snippets: valid JSON, prefixes in Norwegian and English, every body expands', () => {
  const names = Object.keys(snippets);
  assert.ok(names.length >= 15, `${names.length} snippets`);
  const prefixes = new Set(names.flatMap((n) => ([] as string[]).concat(snippets[n].prefix)));
  for (const p of ['uke', 'report', 'seksjon', 'section', 'lenke', 'link', 'dato', 'date', 'bilde', 'image', 'figur', 'figure', 'merknad', 'note', 'advarsel', 'warning', 'punkt', 'item', 'doc']) {
    assert.ok(prefixes.has(p), `prefix ${p}`);
  }
  for (const n of names) {
    const sn = snippets[n];
    assert.ok(sn.description, `${n}: description`);
    const body = ([] as string[]).concat(sn.body).join('\n');
    const text = expandSnippet(body);
    assert.doesNotMatch(text, /\$\{|\$\d/, `${n}: unexpanded placeholder in ${JSON.stringify(text)}`);
  }
});

test('snippets: each body is rST our parser (and docutils) accepts', () => {
  for (const [name, sn] of Object.entries(snippets)) {
    const text = expandSnippet(([] as string[]).concat(sn.body).join('\n')) + '\n';
    const { problems } = parse(text);
    assert.deepEqual(problems, [], `${name}: ${JSON.stringify(text)}`);
    // Headings drawn to their title's length.
    for (const h of scanHeadings(text)) assert.ok(h.underlineEnd - h.underlineStart >= h.title.length, `${name}: ${h.title}`);
    // docutils as an oracle, except for Sphinx-only markup (:doc:, toctree) it does not know.
    if (/:doc:|toctree/.test(text)) continue;
    const w = docutilsWarnings(text);
    if (w) assert.deepEqual(w, [], `${name}: ${JSON.stringify(text)}`);
  }
});

test('snippets: the report skeleton has the required sections in order', () => {
  const sk = Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes('uke'))!;
  const text = expandSnippet(([] as string[]).concat(sk.body).join('\n'));
  assert.deepEqual(scanHeadings(text).map((h) => h.title), ['Uke N', 'Status', 'Planlagte aktiviteter', 'Utfordringer', 'Annet']);
  assert.match(text, /^av Kari Nordmann, Organisasjon, 26\. måned 2026$/m);
});
