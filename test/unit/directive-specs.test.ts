// The parser's directive tables against the specs generated from docutils' and Sphinx's directive classes
// (scripts/gen-directive-specs.py → server/src/core/rst/directiveSpecs.ts): they are built from them, and
// differ only for the directives parsed their own way (OWN_WAY) and the extension ones the specs lack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIRECTIVE_TABLES } from '../../server/src/core/rst/parser';
import { DIRECTIVE_SPECS } from '../../server/src/core/rst/directiveSpecs';

const { KNOWN_DIRECTIVES, NO_ARGUMENTS, NO_CONTENT, ARGUMENT_SPECS, CONTENT_REQUIRED, OWN_WAY } = DIRECTIVE_TABLES;

test('the directives parsed their own way are registered ones', () => {
  for (const name of OWN_WAY.keys()) assert.ok(DIRECTIVE_SPECS.has(name), name);
});

test('every directive docutils and Sphinx register is known to the parser', () => {
  for (const name of DIRECTIVE_SPECS.keys()) assert.ok(KNOWN_DIRECTIVES.has(name), name);
});

test('argument counts agree with the directive classes', () => {
  for (const [name, [req, opt, finalWs]] of DIRECTIVE_SPECS) {
    if (OWN_WAY.has(name)) continue;
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
    if (OWN_WAY.has(name)) continue;
    assert.equal(NO_CONTENT.has(name), !hasContent, name);
    if (CONTENT_REQUIRED.has(name)) assert.ok(hasContent, name);
  }
});
