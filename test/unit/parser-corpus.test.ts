// Parse every .rst of the corpus (when present): no internal errors, tree invariants hold; section titles,
// levels and ids agree with docutils (when python3-docutils is installed) for every file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from '../../server/src/core/rst/parser';
import { walk } from '../../server/src/core/rst/walk';
import type { Section } from '../../server/src/core/rst/ast';
import { checkTree } from './parserCheck';

// out/test/unit/ -> repo root -> ../shared (the test runner's cwd is the repo root)
const DOCS = [path.resolve(__dirname, '../../../../shared/corpus/norcams-iaas/docs'), path.resolve(process.cwd(), '../shared/corpus/norcams-iaas/docs')]
  .find((d) => fs.existsSync(path.join(d, 'conf.py'))) ?? '';
const hasCorpus = DOCS !== '';

function rstFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...rstFiles(p));
    else if (e.name.endsWith('.rst')) out.push(p);
  }
  return out.sort();
}

function sectionsOf(text: string): Array<[number, string, string]> {
  const out: Array<[number, string, string]> = [];
  walk(parse(text).tree, (n) => { if (n.type === 'section') out.push([(n as Section).level, (n as Section).titleText, (n as Section).id]); });
  return out;
}

test('every corpus file parses without internal errors and with a valid tree', { skip: !hasCorpus && 'corpus not present' }, () => {
  const files = rstFiles(DOCS);
  assert.ok(files.length >= 250, `${files.length} files`);
  let sections = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const r = parse(text);
    assert.deepEqual(r.problems.filter((p) => p.kind === 'internal-error'), [], f);
    assert.deepEqual(checkTree(r.tree, text), [], f);
    walk(r.tree, (n) => { if (n.type === 'section') sections++; });
  }
  assert.ok(sections > 1000, `${sections} sections`);
});

test('typical report: exact structure', { skip: !hasCorpus && 'corpus not present' }, () => {
  const text = fs.readFileSync(path.join(DOCS, 'status/reports/2017/uke_16.rst'), 'utf8');
  const r = parse(text);
  assert.deepEqual(sectionsOf(text), [[1, 'Uke 16', 'uke-16'], [2, 'Status', 'status'], [2, 'Planlagte aktiviteter', 'planlagte-aktiviteter'], [2, 'Utfordringer', 'utfordringer'], [2, 'Annet', 'annet']]);
  const top = r.tree.children[0] as Section;
  assert.deepEqual(top.children.slice(0, 3).map((b) => b.type), ['paragraph', 'paragraph', 'directive']);
  assert.equal(text.slice(top.children[0].start, top.children[0].end), 'av Raymond Kristiansen, UH IaaS, 25.april 2017');
});

const PY = `
import sys, json, docutils.core, docutils.nodes as N
from docutils.parsers.rst import directives, roles, Directive
class G(Directive):
    has_content = True; optional_arguments = 10; final_argument_whitespace = True
    class O(dict):
        def __contains__(self, k): return True
        def __getitem__(self, k): return directives.unchanged
    option_spec = O()
    def run(self): return []
for n in ['toctree', 'literalinclude', 'glossary', 'index', 'only', 'versionadded', 'versionchanged', 'deprecated', 'seealso', 'centered', 'hlist', 'highlight']:
    directives.register_directive(n, G)
def role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    return [N.literal(rawtext, text)], []
for r in ['doc', 'ref', 'term', 'download', 'numref', 'abbr']:
    roles.register_local_role(r, role)
out = {}
for f in sys.argv[1:]:
    doc = docutils.core.publish_doctree(open(f, encoding='utf-8').read(), settings_overrides={'report_level': 5, 'halt_level': 5, 'doctitle_xform': False, 'file_insertion_enabled': False, 'syntax_highlight': 'none'})
    secs = []
    def w(n, lvl):
        for c in n.children:
            if isinstance(c, N.section):
                secs.append([lvl + 1, c.next_node(N.title).astext(), c['ids'][0]])
                w(c, lvl + 1)
    w(doc, 0)
    out[f] = secs
print(json.dumps(out))
`;

function docutilsSections(files: string[]): Record<string, Array<[number, string, string]>> | undefined {
  const r = spawnSync('python3', ['-c', PY, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return undefined;
  return JSON.parse(r.stdout);
}
const hasDocutils = spawnSync('python3', ['-c', 'import docutils'], { encoding: 'utf8' }).status === 0;

test('section titles, levels and ids agree with docutils on the whole corpus', { skip: (!hasCorpus && 'corpus not present') || (!hasDocutils && 'docutils not installed') }, () => {
  const files = rstFiles(DOCS);
  const du = docutilsSections(files);
  assert.ok(du, 'docutils ran');
  const diffs: string[] = [];
  for (const f of files) {
    const mine = sectionsOf(fs.readFileSync(f, 'utf8'));
    const theirs = du![f];
    // docutils' final title text numbers auto footnote references ("[#f1]_" -> "1"); compare the rest
    const norm = (s: Array<[number, string, string]>) => s.map(([l, t, id]) => [l, t.replace(/\s*\d+$/, ''), id]);
    if (JSON.stringify(norm(mine)) !== JSON.stringify(norm(theirs))) diffs.push(`${path.relative(DOCS, f)}\n  mine ${JSON.stringify(mine)}\n  docutils ${JSON.stringify(theirs)}`);
  }
  assert.deepEqual(diffs, []);
});
