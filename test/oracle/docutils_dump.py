"""docutils oracle for the rST parser tests.

Usage: python3 docutils_dump.py FILE...   (or a JSON list of paths on stdin with no arguments)

Parses every file with docutils in ONE process, with Sphinx's roles and directives registered as known
(no-op or literal-ish) handlers so that they are not reported as unknown, and prints one JSON object
{path: result} where result has:
  sections:   [[level, title, line]]              (level 1 = top; doctitle_xform disabled)
  references: [[kind, text, refuri|refname|'']]   kind: uri | name | anonymous
  roles:      [[name, target]]                    (name '' for the default role)
  directives: [[name, first-line argument or null when docutils rejected the block, line]]
  targets:    [[names, refuri|refname|'', anonymous]]
  messages:   [[level, line, type, message]]      (system messages of level >= 2, parse and transforms)
"""
import json
import re
import sys

from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Directive, Parser, directives, roles, states
from docutils.readers.standalone import Reader

# ---------------------------------------------------------------- recording hooks

CURRENT = {}


def _rec(key, item):
    CURRENT.setdefault(key, []).append(item)


_orig_run_directive = states.Body.run_directive


def _run_directive(self, directive, match, type_name, option_presets):
    lineno = self.state_machine.abs_line_number()
    rec = [type_name.lower(), None, lineno]  # argument stays None when docutils rejects the directive block
    _rec('directives', rec)

    class Recording(directive):
        def __init__(self, name, arguments, *args, **kwargs):
            # the arguments as docutils parsed them (first line), e.g. '' for `.. contents:: :depth: 2`
            rec[1] = ' '.join(arguments).split('\n')[0].strip()
            super().__init__(name, arguments, *args, **kwargs)

    Recording.__name__ = directive.__name__
    return _orig_run_directive(self, Recording, match, type_name, option_presets)


states.Body.run_directive = _run_directive

XREF = {'doc', 'ref', 'term', 'download', 'any', 'numref', 'keyword', 'option', 'envvar', 'token'}
EXPLICIT_TITLE = re.compile(r'^(.+?)\s*(?<!\x00)<(.*?)>$', re.DOTALL)

_orig_interpreted = states.Inliner.interpreted


def _interpreted(self, rawsource, text, role, lineno):
    name = (role or '').lower()
    target = nodes.unescape(text)
    if name in XREF:
        m = EXPLICIT_TITLE.match(text)
        if m:
            target = nodes.unescape(m.group(2))
        if target[:1] in ('!', '~'):
            target = target[1:]
    result = _orig_interpreted(self, rawsource, text, role, lineno)
    if not (result[0] and isinstance(result[0][0], nodes.problematic)):
        _rec('roles', [name, target])
    return result


states.Inliner.interpreted = _interpreted

# ---------------------------------------------------------------- Sphinx roles and directives as known no-ops


def generic_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.literal(rawtext, nodes.unescape(text))], []


SPHINX_ROLES = ['doc', 'ref', 'term', 'download', 'any', 'numref', 'keyword', 'option', 'envvar', 'token', 'abbr',
                'command', 'dfn', 'file', 'guilabel', 'kbd', 'mailheader', 'makevar', 'manpage', 'menuselection',
                'mimetype', 'newsgroup', 'program', 'regexp', 'samp', 'eq', 'confval']
for _r in SPHINX_ROLES:
    roles.register_local_role(_r, generic_role)


class AnyOptions(dict):
    """An option_spec accepting every option (value kept as text)."""

    def __missing__(self, key):
        return directives.unchanged


class LiteralDirective(Directive):
    """code-block, sourcecode, code, literalinclude, highlight, toctree, index …: content kept as text."""
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = AnyOptions(name=directives.unchanged)

    def run(self):
        text = '\n'.join(self.content)
        return [nodes.literal_block(text, text)] if text else []


class BodyDirective(Directive):
    """only, seealso, hlist, versionadded …: content parsed as rST."""
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = AnyOptions(name=directives.unchanged)

    def run(self):
        node = nodes.container()
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _variant(base, required, optional, final_ws):
    return type(base.__name__, (base,), {'required_arguments': required, 'optional_arguments': optional,
                                         'final_argument_whitespace': final_ws})


# argument counts as Sphinx declares them (sphinx/directives/*.py), so argument errors match a Sphinx build
LITERAL = {
    'code-block': (0, 1, False), 'sourcecode': (0, 1, False), 'code': (0, 1, False),
    'literalinclude': (1, 0, True), 'highlight': (1, 0, False), 'toctree': (0, 0, False), 'index': (1, 0, True),
    'centered': (1, 0, True), 'tabularcolumns': (1, 0, True), 'productionlist': (1, 0, True),
    'autosummary': (0, 0, False), 'graphviz': (0, 1, True), 'digraph': (1, 0, True), 'graph': (1, 0, True),
    'math': (0, 1, True),
}
BODY = {
    'only': (1, 0, True), 'seealso': (0, 1, True), 'hlist': (0, 0, False), 'versionadded': (1, 1, True),
    'versionchanged': (1, 1, True), 'deprecated': (1, 1, True), 'glossary': (0, 0, False), 'todo': (0, 0, False),
    'tab': (1, 0, True), 'tabs': (0, 0, False), 'ifconfig': (1, 0, True),
}
for _d, (_r, _o, _w) in LITERAL.items():
    directives.register_directive(_d, _variant(LiteralDirective, _r, _o, _w))
for _d, (_r, _o, _w) in BODY.items():
    directives.register_directive(_d, _variant(BodyDirective, _r, _o, _w))

# ---------------------------------------------------------------- parsing


def settings():
    s = get_default_settings(Parser, Reader)
    s.report_level = 5          # nothing on stderr; messages are collected by an observer
    s.halt_level = 5
    s.warning_stream = ''
    s.doctitle_xform = False
    s.docinfo_xform = False
    s.sectsubtitle_xform = False
    s.file_insertion_enabled = False
    s.raw_enabled = False
    s.syntax_highlight = 'none'
    return s


def dump(path, text, base_settings):
    global CURRENT
    CURRENT = {'directives': [], 'roles': []}
    parser = Parser()
    doc = utils.new_document(path, base_settings.copy() if hasattr(base_settings, 'copy') else base_settings)
    messages = []

    def observer(msg):
        if msg['level'] >= 2:
            messages.append([msg['level'], msg.get('line'), msg['type'],
                             msg.children[0].astext() if msg.children else ''])

    doc.reporter.attach_observer(observer)
    parser.parse(text, doc)

    sections = []
    for sec in doc.findall(nodes.section):
        level = 0
        p = sec
        while p is not None:
            if isinstance(p, nodes.section):
                level += 1
            p = p.parent
        title = sec[0] if len(sec) and isinstance(sec[0], nodes.title) else None
        sections.append([level, title.astext() if title else '', title.line if title else None])
    references = []
    for ref in doc.findall(nodes.reference):
        if ref.get('refuri') is not None:
            references.append(['uri', ref.astext(), ref['refuri']])
        elif ref.get('refname') is not None:
            references.append(['name', ref.astext(), ref['refname']])
        elif ref.get('anonymous'):
            references.append(['anonymous', ref.astext(), ''])
        else:
            references.append(['other', ref.astext(), ''])
    targets = []
    for t in doc.findall(nodes.target):
        targets.append([t['names'][:] + t.get('dupnames', []),
                        t.get('refuri') or t.get('refname') or '', bool(t.get('anonymous'))])

    # transforms (references, substitutions, footnotes …) report the document-level problems
    doc.transformer.populate_from_components((Reader(), parser))
    doc.transformer.apply_transforms()

    return {'sections': sections, 'references': references, 'roles': CURRENT['roles'],
            'directives': CURRENT['directives'], 'targets': targets, 'messages': messages}


def main():
    paths = sys.argv[1:] or json.load(sys.stdin)
    base = settings()
    out = {}
    for path in paths:
        try:
            with open(path, encoding='utf-8') as f:
                text = f.read()
            out[path] = dump(path, text, base)
        except Exception as e:  # keep going: one bad file must not hide the others
            out[path] = {'error': '%s: %s' % (type(e).__name__, e)}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
