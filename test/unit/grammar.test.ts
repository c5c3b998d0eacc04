import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes/rst.tmLanguage.json'), 'utf8'));
const langConf = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes/language-configuration.json'), 'utf8'));

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  name?: string;
  contentName?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  endCaptures?: Record<string, { name: string }>;
  patterns?: Rule[];
  include?: string;
}

function allRules(): Rule[] {
  const out: Rule[] = [];
  const visit = (r: Rule) => {
    out.push(r);
    for (const p of r.patterns ?? []) visit(p);
  };
  for (const p of grammar.patterns) visit(p);
  for (const r of Object.values(grammar.repository) as Rule[]) visit(r);
  return out;
}

test('grammar: scope name, every regex compiles, every include resolves', () => {
  assert.equal(grammar.scopeName, 'source.rst');
  let count = 0;
  for (const r of allRules()) {
    for (const key of ['match', 'begin', 'end', 'while'] as const) {
      const src = r[key];
      if (src === undefined) continue;
      // Oniguruma-only syntax (\h, \G, possessive quantifiers, atomic groups) is not used by this grammar.
      assert.doesNotMatch(src, /(?<!\\)\\[hHGAzZ]|\(\?>/, `${key}: ${src}`);
      assert.doesNotThrow(() => new RegExp(src, 'd'), `${key}: ${src}`);
      count++;
    }
    if (r.include) {
      assert.ok(r.include.startsWith('#'), r.include);
      assert.ok(grammar.repository[r.include.slice(1)], `missing repository entry ${r.include}`);
    }
    if (r.begin) assert.ok(r.end !== undefined || r.while !== undefined, `begin without end/while: ${r.begin}`);
  }
  assert.ok(count > 30, `only ${count} regexes`);
  // language configuration: onEnter regexes compile too
  for (const rule of langConf.onEnterRules) assert.doesNotThrow(() => new RegExp(rule.beforeText));
});

// ---------------------------------------------------------------- a tiny TextMate line tokenizer

interface Token { start: number; end: number; scopes: string[] }
interface Frame { rule: Rule; endRe?: RegExp; whileRe?: RegExp; scopes: string[] }

function resolve(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  for (const r of rules) {
    if (r.include) out.push(...resolve([grammar.repository[r.include.slice(1)]]));
    else if (!r.match && !r.begin && r.patterns) out.push(...resolve(r.patterns));
    else out.push(r);
  }
  return out;
}

function withBackrefs(src: string, m: RegExpExecArray): string {
  return src.replace(/\\(\d)/g, (_, d) => (m[+d] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

function paint(tokens: Token[], m: RegExpExecArray, base: string[], caps: Record<string, { name: string }> | undefined) {
  const idx = (m as any).indices as Array<[number, number] | undefined>;
  const [s, e] = idx[0]!;
  tokens.push({ start: s, end: e, scopes: base });
  if (!caps) return;
  for (const [k, v] of Object.entries(caps)) {
    const span = idx[+k];
    if (span && span[1] > span[0]) tokens.push({ start: span[0], end: span[1], scopes: [...base, ...v.name.split(' ')] });
  }
}

function tokenize(text: string): Token[][] {
  const stack: Frame[] = [];
  const result: Token[][] = [];
  for (const line of text.split('\n')) {
    const tokens: Token[] = [];
    // while-rules: pop those whose condition fails on this line
    for (let i = 0; i < stack.length; i++) {
      const f = stack[i];
      if (f.whileRe) {
        f.whileRe.lastIndex = 0;
        if (!f.whileRe.exec(line)) {
          stack.length = i;
          break;
        }
      }
    }
    let pos = 0;
    let guard = 0;
    while (pos <= line.length && guard++ < 1000) {
      const top = stack[stack.length - 1];
      const base = top ? top.scopes : [];
      const rules = resolve(top ? top.rule.patterns ?? [] : grammar.patterns);
      let best: { m: RegExpExecArray; rule?: Rule; isEnd?: boolean } | undefined;
      if (top?.endRe) {
        top.endRe.lastIndex = pos;
        const m = top.endRe.exec(line);
        if (m) best = { m, isEnd: true };
      }
      for (const r of rules) {
        const re = new RegExp(r.match ?? r.begin!, 'dg');
        re.lastIndex = pos;
        const m = re.exec(line);
        if (m && (!best || m.index < best.m.index)) best = { m, rule: r };
      }
      if (top) tokens.push({ start: pos, end: best ? best.m.index : line.length, scopes: [...base, ...(top.rule.contentName ? [top.rule.contentName] : [])] });
      if (!best) break;
      const { m } = best;
      if (best.isEnd) {
        stack.pop();
        paint(tokens, m, base, top!.rule.endCaptures ?? top!.rule.captures);
      } else if (best.rule!.match) {
        paint(tokens, m, best.rule!.name ? [...base, ...best.rule!.name.split(' ')] : base, best.rule!.captures);
      } else {
        const r = best.rule!;
        const scopes = r.name ? [...base, ...r.name.split(' ')] : base;
        paint(tokens, m, scopes, r.beginCaptures ?? r.captures);
        stack.push({
          rule: r,
          scopes,
          endRe: r.end !== undefined ? new RegExp(withBackrefs(r.end, m), 'dg') : undefined,
          whileRe: r.while !== undefined ? new RegExp(withBackrefs(r.while, m), 'dg') : undefined,
        });
      }
      const next = m.index + m[0].length;
      pos = next > pos ? next : pos + 1;
      if (m[0].length === 0 && best.isEnd) pos = m.index; // zero-width end: continue with the parent's rules here
      if (pos > line.length) break;
    }
    result.push(tokens);
  }
  return result;
}

const SAMPLE = [
  '======', //                                       0
  'Uke 9', //                                        1
  '======', //                                       2
  '', //                                             3
  'av Kari Nordmann, UH IaaS, 4. mars 2019', //      4
  '', //                                             5
  'Se `Trello <https://trello.com/norcams>`_ og :doc:`plan <../plans/index>`.', // 6
  '', //                                             7
  '.. contents::', //                                8
  '   :depth: 2', //                                 9
  '', //                                             10
  'Status', //                                       11
  '======', //                                       12
  '', //                                             13
  '- Bruk ``ceph -s`` og **sterk** og *svak* tekst', // 14
  '', //                                             15
  '.. en kommentar', //                              16
  '   som fortsetter', //                            17
  '', //                                             18
  ':Forfatter: Kari', //                             19
  '', //                                             20
  'Eksempel::', //                                   21
  '', //                                             22
  '    kode her', //                                 23
  '', //                                             24
  '.. _trello: https://trello.com', //               25
  '', //                                             26
  'Se trello_ og https://example.org/side og :ref:`x` og :abbr:`A (b)`.', // 27
].join('\n');

function scopesOf(tokens: Token[][], line: number, needle: string, text = SAMPLE): string[] {
  const lineText = text.split('\n')[line];
  const at = lineText.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not on line ${line}`);
  const out = new Set<string>();
  for (const t of tokens[line]) if (t.start <= at && t.end >= at + needle.length && t.end > t.start) for (const s of t.scopes) out.add(s);
  return [...out];
}

test('grammar: scopes on a report sample', () => {
  const t = tokenize(SAMPLE);
  const has = (line: number, needle: string, scope: string) =>
    assert.ok(scopesOf(t, line, needle).includes(scope), `line ${line} '${needle}': expected ${scope}, got ${scopesOf(t, line, needle).join(' ')}`);
  has(0, '======', 'punctuation.definition.heading.rst');
  has(1, 'Uke', 'entity.name.section.title.rst');
  has(1, '9', 'constant.numeric.week.rst');
  has(2, '======', 'punctuation.definition.heading.rst');
  has(4, 'av', 'keyword.other.date-line.rst');
  has(4, 'Kari Nordmann', 'entity.name.author.rst');
  has(4, 'UH IaaS', 'string.unquoted.organisation.rst');
  has(4, '4. mars 2019', 'constant.other.date.rst');
  has(6, 'https://trello.com/norcams', 'markup.underline.link.rst');
  has(6, 'Trello', 'string.other.link.title.rst');
  has(6, 'doc', 'support.function.role.sphinx.rst');
  has(6, '../plans/index', 'markup.underline.link.rst');
  has(8, 'contents', 'entity.name.function.directive.rst');
  has(9, 'depth', 'entity.other.attribute-name.option.rst');
  has(11, 'Status', 'entity.name.section.rst');
  has(12, '======', 'markup.heading.rst');
  has(14, '-', 'punctuation.definition.list.begin.rst');
  has(14, 'ceph -s', 'markup.inline.raw.string.rst');
  has(14, 'sterk', 'markup.bold.rst');
  has(14, 'svak', 'markup.italic.rst');
  has(16, 'en kommentar', 'comment.block.rst');
  has(17, 'som fortsetter', 'comment.block.rst');
  has(19, 'Forfatter', 'entity.name.tag.field.rst');
  has(23, 'kode her', 'markup.raw.block.rst');
  has(25, 'trello', 'entity.name.label.target.rst');
  has(25, 'https://trello.com', 'markup.underline.link.rst');
  has(27, 'trello', 'meta.link.reference.rst');
  has(27, 'https://example.org/side', 'markup.underline.link.rst');
  has(27, 'ref', 'support.function.role.sphinx.rst');
  has(27, 'abbr', 'support.function.role.sphinx.rst');
  // No stray scopes: plain words stay plain, a comment does not leak past its block.
  assert.deepEqual(scopesOf(t, 14, 'Bruk'), []);
  assert.ok(!scopesOf(t, 19, 'Kari').includes('comment.block.rst'));
  assert.ok(!scopesOf(t, 27, 'Se').includes('markup.raw.block.rst'), 'literal block ended');
});
