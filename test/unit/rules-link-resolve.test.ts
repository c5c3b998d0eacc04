// Link resolution in the workspace (pure): Sphinx rules and suggestions in the style of the original link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveLink, isExternal, splitSuffix, looksLikeLink, type LinkKind } from '../../server/src/core/links';
import { WorkspaceIndex } from '../../server/src/core/workspace';

const ws = new WorkspaceIndex('/docs', [
  '/docs/conf.py',
  '/docs/index.rst',
  '/docs/status/index.rst',
  '/docs/status/activities/archive/production.rst',
  '/docs/status/activities/archive/demo.rst',
  '/docs/status/activities/archive/storage.rst',
  '/docs/status/reports/2016/2016_uke_30.rst',
  '/docs/status/reports/2017/uke_16.rst',
  '/docs/status/reports/2015/2015_uke_40.rst',
  '/docs/status/reports/2015/images/devnet_overview.png',
  '/docs/status/reports/workshop/2016_workshop_2.rst',
  '/docs/status/reports/workshop/2017_workshop_1.rst',
  '/docs/design/nodes.rst',
  '/docs/design/images/nodes.png',
  '/docs/other/production.rst',
  '/docs/a/b/c/production.rst',
]);

function r(kind: LinkKind, target: string, doc: string, glob = false) {
  return resolveLink({ kind, target, glob }, doc, ws);
}

const r2016 = '/docs/status/reports/2016/2016_uke_30.rst';
const r2017 = '/docs/status/reports/2017/uke_16.rst';
const r2015 = '/docs/status/reports/2015/2015_uke_40.rst';

test(':doc: paths resolve relative to the document, or to the docs root with a leading slash; .rst is appended', () => {
  assert.deepEqual(r('doc', '../workshop/2016_workshop_2', r2016), { status: 'ok', path: '/docs/status/reports/workshop/2016_workshop_2.rst' });
  assert.deepEqual(r('doc', '/status/index', r2016), { status: 'ok', path: '/docs/status/index.rst' });
  assert.equal(r('doc', '../../../index', r2016).status, 'ok');
  assert.equal(r('doc', 'index', r2016).status, 'missing');
});

test('a broken :doc: link suggests the page that now has that name, as a relative name without .rst', () => {
  const res = r('doc', '../../plans/archive/production', r2016);
  assert.equal(res.status, 'missing');
  assert.ok(res.status === 'missing');
  assert.equal(res.path, '/docs/status/plans/archive/production.rst');
  // three production.rst exist; the one sharing "archive/production" is preferred
  assert.equal(res.suggestion, '../../activities/archive/production');
  assert.equal(res.suggestionPath, '/docs/status/activities/archive/production.rst');
  // rooted links get a rooted suggestion
  const rooted = r('doc', '/plans/archive/production', r2016);
  assert.ok(rooted.status === 'missing');
  assert.equal(rooted.suggestion, '/status/activities/archive/production');
});

test('closest candidate wins when no trailing folder is shared', () => {
  const res = r('doc', 'c/production', '/docs/a/b/x.rst');
  assert.ok(res.status === 'ok');
  const miss = r('doc', 'zzz/production', '/docs/a/b/x.rst');
  assert.ok(miss.status === 'missing');
  assert.equal(miss.suggestion, 'c/production');
});

test('relative .html links resolve when the .rst page exists; anchors and queries are ignored', () => {
  assert.equal(r('reference', '../workshop/2017_workshop_1.html', r2017).status, 'ok');
  assert.equal(r('reference', '../workshop/2017_workshop_1.html#agenda', r2017).status, 'ok');
  assert.equal(r('reference', '../workshop/2017_workshop_1.html?x=1', r2017).status, 'ok');
  assert.equal(r('target', '/status/index.html', r2017).status, 'ok');
  assert.equal(r('reference', '../../', r2017).status, 'ok', 'a folder link finds its index page');
  assert.deepEqual(r('reference', '#local-anchor', r2017), { status: 'skipped', reason: 'anchor' });
});

test('a broken .html link suggests the page in the same style (.html kept, anchor kept)', () => {
  const demo = r('reference', '../../plans/demo.html', r2017);
  assert.ok(demo.status === 'missing');
  assert.equal(demo.suggestion, '../../activities/archive/demo.html');
  const storage = r('reference', '../../plans/storage.html#top', r2017);
  assert.ok(storage.status === 'missing');
  assert.equal(storage.suggestion, '../../activities/archive/storage.html#top');
});

test('external schemes and e-mail addresses are not checked', () => {
  for (const u of ['http://x.org/a.html', 'https://x.org', 'mailto:a@b.no', 'ftp://f.org/x', '//cdn.org/x.js', 'someone@example.org', 'irc://x']) {
    assert.equal(isExternal(u), true, u);
    assert.equal(r('reference', u, r2017).status, 'skipped', u);
  }
  assert.equal(isExternal('../plans/demo.html'), false);
});

test('build-only folders: _images/NAME resolves by image name anywhere; _static is not checked', () => {
  assert.equal(r('image-target', '../_images/nodes.png', '/docs/design/nodes.rst').status, 'ok');
  assert.equal(r('reference', '../../_static/cabling.ods', '/docs/team/installation/cabling.rst').status, 'skipped');
  assert.equal(r('target', '../genindex.html', '/docs/design/nodes.rst').status, 'skipped');
});

test('an image :target: into a non-existent _images folder suggests the build image folder at the right depth', () => {
  const res = r('image-target', '_images/devnet_overview.png', r2015);
  assert.ok(res.status === 'missing');
  assert.equal(res.suggestion, '../../../_images/devnet_overview.png');
});

test('image paths are source paths relative to the document', () => {
  assert.equal(r('image', 'images/devnet_overview.png', r2015).status, 'ok');
  assert.equal(r('image', '/status/reports/2015/images/devnet_overview.png', '/docs/index.rst').status, 'ok');
  const miss = r('image', 'img/devnet_overview.png', r2015);
  assert.ok(miss.status === 'missing');
  assert.equal(miss.suggestion, 'images/devnet_overview.png');
  assert.equal(r('image', 'images/devnet_overview.*', r2015).status, 'ok', 'Sphinx picks the extension for name.*');
});

test('toctree entries: names like :doc:, globs must match a document', () => {
  const idx = '/docs/status/reports/index.rst';
  assert.equal(r('toctree', 'workshop/2016_workshop_2', idx).status, 'ok');
  assert.equal(r('toctree', 'workshop/2017_workshop_*', idx, true).status, 'ok');
  assert.equal(r('toctree', '2016/2016_uke_*', idx, true).status, 'ok');
  assert.equal(r('toctree', '2030/uke_*', idx, true).status, 'missing');
  assert.equal(r('toctree', 'workshop/2016_workshop_[2-3]', idx, true).status, 'ok', 'a bracket set');
  assert.equal(r('toctree', 'workshop/2016_workshop_[!0-9]', idx, true).status, 'missing', 'a negated set');
  assert.equal(r('toctree', '?016/2016_uke_3*', idx, true).status, 'ok', 'a wildcard in the first segment');
  assert.equal(r('toctree', 'workshop/nothing', idx).status, 'missing');
  assert.equal(r('toctree', 'https://example.org', idx).status, 'skipped');
});

test('without a workspace nothing is checked', () => {
  assert.deepEqual(resolveLink({ kind: 'doc', target: 'x' }, '/docs/a.rst', undefined), { status: 'skipped', reason: 'no-workspace' });
});

test('splitSuffix and looksLikeLink', () => {
  assert.deepEqual(splitSuffix('a/b.html#c?d'), { path: 'a/b.html', suffix: '#c?d' });
  assert.deepEqual(splitSuffix('plain'), { path: 'plain', suffix: '' });
  for (const u of ['https://x', 'page.html', '../a', 'www.uio.no', 'name_', 'a@b.no']) assert.equal(looksLikeLink(u), true, u);
  for (const u of ['number', 'dom', 'osd-id', 'host']) assert.equal(looksLikeLink(u), false, u);
});

test('WorkspaceIndex.filesWithPrefix: the files under a prefix, kept right through adds and removes', () => {
  const idx = new WorkspaceIndex('/d', ['/d/b/x.rst', '/d/a/y.rst', '/d/b/z.rst', '/d/bb/w.rst', '/d/b']);
  const under = (p: string) => [...idx.filesWithPrefix(p)].sort();
  const want = (p: string) => [...idx.files()].filter((f) => f.startsWith(p)).sort();
  for (const p of ['/d/b/', '/d/b', '/d/', '/d/a/y', '/e', '', '/d/bb/w.rst/']) assert.deepEqual(under(p), want(p), p);
  idx.add('/d/b/c.rst');
  idx.remove('/d/b/x.rst');
  assert.deepEqual(under('/d/b/'), ['/d/b/c.rst', '/d/b/z.rst']);
  assert.deepEqual(under('/d/b/'), want('/d/b/'));
});
