// Thousands of equal names (links or section titles) must stay linear: ids are made unique
// with docutils' "-N" suffixes, and finding the next free suffix used to rescan from 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/rst/parser';

function time(text: string): { ms: number; problems: number } {
  parse(text); // warm-up
  const t0 = performance.now();
  const r = parse(text);
  return { ms: performance.now() - t0, problems: r.problems.length };
}

test('4,000 links with the same name and different URLs parse in linear time', () => {
  // one link per line (a line over 10,000 characters would add docutils' line-length-limit error)
  const links = (n: number) => 'Title\n=====\n\n' + Array.from({ length: n }, (_, i) => `\`same <http://x/${i}>\`_`).join('\n') + '\n';
  const small = time(links(1000));
  const large = time(links(4000));
  assert.equal(large.problems, 3999, 'every duplicate is reported');
  assert.ok(large.ms < 200, `4,000 links: ${large.ms.toFixed(1)} ms`);
  assert.ok(large.ms < small.ms * 4 * 3 + 20, `grows linearly: ${small.ms.toFixed(1)} ms -> ${large.ms.toFixed(1)} ms`);
});

test('4,000 sections with the same title parse in linear time', () => {
  const sections = (n: number) => 'Title\n=====\n\n' + Array.from({ length: n }, () => 'Sec\n---\n\ntext\n').join('\n');
  const large = time(sections(4000));
  assert.ok(large.ms < 400, `4,000 sections: ${large.ms.toFixed(1)} ms`);
});
