import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanFolderSync, scanFolder, buildIndexSync, extractTitle, isSkippedPath } from '../../server/src/node/scan';
import { DocsRootFinder, findDocsRoot } from '../../server/src/node/docsRoot';
import { fromFsPath, toFsPath, uriToPath, pathToUri } from '../../server/src/node/paths';
import { readConfigText } from '../../server/src/node/config';

function tmpTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wr-node-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return fromFsPath(fs.realpathSync(dir));
}

const TREE = {
  'conf.py': '',
  'index.rst': 'Docs\n====\n',
  'status/reports/2017/uke_30.rst': '======\nUke 30\n======\n\nav X, Y, 31.juli 2017\n',
  'status/reports/2017/uke_31.rst': 'Uke 31\n======\n',
  'images/a.png': 'x',
  'node_modules/pkg/readme.rst': 'x',
  '.git/config': 'x',
  '_build/html/index.html': 'x',
  '.venv/lib/x.py': 'x',
  'status/.hidden/secret.rst': 'x',
};

test('scan lists files and skips node_modules, _build and dot-folders', async () => {
  const root = tmpTree(TREE);
  const expected = ['conf.py', 'images/a.png', 'index.rst', 'status/reports/2017/uke_30.rst', 'status/reports/2017/uke_31.rst'].map((r) => root + '/' + r).sort();
  const sync = scanFolderSync(root);
  assert.deepEqual([...sync.files].sort(), expected);
  assert.equal(sync.truncated, false);
  const asyncScan = await scanFolder(root);
  assert.deepEqual([...asyncScan.files].sort(), expected);
  assert.equal(isSkippedPath(root + '/node_modules/pkg/readme.rst', root), true);
  assert.equal(isSkippedPath(root + '/status/.hidden/secret.rst', root), true);
  assert.equal(isSkippedPath(root + '/status/reports/2017/uke_30.rst', root), false);
});

test('scan reads .rst titles on request and builds an index', async () => {
  const root = tmpTree(TREE);
  const index = buildIndexSync(root, { titles: true });
  assert.equal(index.root, root);
  assert.equal(index.exists(root + '/status/reports/2017/uke_30.rst'), true);
  assert.equal(index.exists(root + '/node_modules/pkg/readme.rst'), false);
  assert.deepEqual(index.findByBaseName('uke_31.rst'), [root + '/status/reports/2017/uke_31.rst']);
  assert.equal(index.title(root + '/status/reports/2017/uke_30.rst'), 'Uke 30');
  assert.equal(index.title(root + '/status/reports/2017/uke_31.rst'), 'Uke 31');
  assert.equal(index.title(root + '/index.rst'), 'Docs');
  const a = await scanFolder(root, { titles: true });
  assert.equal(a.titles.get(root + '/status/reports/2017/uke_30.rst'), 'Uke 30');
  const capped = scanFolderSync(root, { maxFiles: 2 });
  assert.equal(capped.files.length, 2);
  assert.equal(capped.truncated, true);
});

test('extractTitle finds over/underlined and underlined titles, skipping comments', () => {
  assert.equal(extractTitle('=====\nUke 5\n=====\n\ntext'), 'Uke 5');
  assert.equal(extractTitle('.. comment\n\nUke 7\n-----\n'), 'Uke 7');
  assert.equal(extractTitle('Just a paragraph\nwith two lines\n'), undefined);
  assert.equal(extractTitle('\ufeffTitle\r\n=====\r\n'), 'Title');
});

test('docs root: nearest parent holding conf.py, else the fallback', () => {
  const root = tmpTree({ 'docs/conf.py': '', 'docs/a/b/c.rst': '', 'other/x.rst': '' });
  assert.equal(findDocsRoot(root + '/docs/a/b'), root + '/docs');
  assert.equal(findDocsRoot(root + '/docs'), root + '/docs');
  const finder = new DocsRootFinder();
  assert.equal(finder.find(root + '/other', root), undefined);
  assert.equal(findDocsRoot(root + '/other', '/fallback'), '/fallback');
  // The cache is cleared when conf.py appears.
  fs.writeFileSync(toFsPath(root + '/other/conf.py'), '');
  assert.equal(finder.find(root + '/other', root), root + '/other');
});

test('weekly-report.json is read from the docs root', () => {
  const root = tmpTree({ 'conf.py': '', 'weekly-report.json': '{"rules":{}}' });
  assert.deepEqual(readConfigText(root), { path: root + '/weekly-report.json', text: '{"rules":{}}' });
  assert.equal(readConfigText(root + '/nowhere'), undefined);
});

test('paths: file URIs and native paths round-trip to posix paths', () => {
  assert.equal(fromFsPath('C:\\Users\\me\\docs\\'), '/c:/Users/me/docs');
  assert.equal(toFsPath('/c:/Users/me'), 'c:/Users/me');
  assert.equal(toFsPath('/home/me'), '/home/me');
  assert.equal(pathToUri('/c:/a b/x.rst'), 'file:///c%3A/a%20b/x.rst');
  if (process.platform !== 'win32') {
    for (const p of ['/tmp/a b/uke_30.rst', '/tmp/æøå/#1/x%y.rst', '/']) assert.equal(uriToPath(pathToUri(p)), p);
    assert.equal(uriToPath('file:///home/me/r%C3%B8d.rst'), '/home/me/rød.rst');
  }
  assert.equal(uriToPath('untitled:Untitled-1'), '/Untitled-1');
});

test('scanning a 5,000-file tree is fast', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wr-big-'));
  for (let y = 0; y < 50; y++) {
    const d = path.join(dir, 'reports', String(2000 + y));
    fs.mkdirSync(d, { recursive: true });
    for (let w = 0; w < 100; w++) fs.writeFileSync(path.join(d, `uke_${w}.rst`), `Uke ${w}\n=====\n`);
  }
  fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
  for (let i = 0; i < 500; i++) fs.writeFileSync(path.join(dir, 'node_modules', 'x', `f${i}.js`), '');
  const root = fromFsPath(fs.realpathSync(dir));
  scanFolderSync(root); // warm the OS cache
  const t0 = process.hrtime.bigint();
  const r = scanFolderSync(root);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const t1 = process.hrtime.bigint();
  const withTitles = scanFolderSync(root, { titles: true });
  const msTitles = Number(process.hrtime.bigint() - t1) / 1e6;
  console.log(`# scan of 5,000 files: ${ms.toFixed(1)} ms; with titles: ${msTitles.toFixed(1)} ms`);
  assert.equal(r.files.length, 5000);
  assert.equal(withTitles.titles.size, 5000);
  assert.equal(withTitles.titles.get(root + '/reports/2049/uke_99.rst'), 'Uke 99');
  assert.ok(ms < 500, `scan took ${ms} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
});
