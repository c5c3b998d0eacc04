// The parser's hand-kept directive tables against the specs generated from docutils' and Sphinx's
// directive classes (scripts/gen-directive-specs.py → server/src/core/rst/directiveSpecs.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIRECTIVE_TABLES } from '../../server/src/core/rst/parser';
import { DIRECTIVE_SPECS } from '../../server/src/core/rst/directiveSpecs';

const { KNOWN_DIRECTIVES, NO_ARGUMENTS, NO_CONTENT, ARGUMENT_SPECS, CONTENT_REQUIRED } = DIRECTIVE_TABLES;

/** Directives parsed on purpose differently from their class's declaration, and why. */
const OWN_WAY: Record<string, string> = {
  role: 'docutils reads `.. role:: name(base)` from the first line itself ("requires arguments on the first line")',
  replace: 'in a substitution definition its text is read as the argument and the content alike',
  date: 'the format on the first line is kept as the argument (docutils reads it as content); the renderer reads both',
  'restructuredtext-test-directive': "docutils' test directive",
};

test('every directive docutils and Sphinx register is known to the parser', () => {
  for (const name of DIRECTIVE_SPECS.keys()) assert.ok(KNOWN_DIRECTIVES.has(name), name);
});

test('argument counts agree with the directive classes', () => {
  for (const [name, [req, opt, finalWs]] of DIRECTIVE_SPECS) {
    if (OWN_WAY[name]) continue;
    if (req + opt === 0) {
      assert.ok(NO_ARGUMENTS.has(name), `${name} takes no arguments: its first-line text is content`);
      assert.equal(ARGUMENT_SPECS.get(name), undefined, name);
    } else {
      assert.ok(!NO_ARGUMENTS.has(name), `${name} takes arguments`);
      assert.deepEqual(ARGUMENT_SPECS.get(name), [req, opt, finalWs], name);
    }
  }
});

test('content: none permitted exactly where the class takes none; required only where it may be given', () => {
  for (const [name, [, , , hasContent]] of DIRECTIVE_SPECS) {
    if (OWN_WAY[name]) continue;
    assert.equal(NO_CONTENT.has(name), !hasContent, name);
    if (CONTENT_REQUIRED.has(name)) assert.ok(hasContent, name);
  }
});
