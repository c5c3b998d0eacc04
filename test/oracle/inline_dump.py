"""Inline-level oracle: parse each input string (JSON list on stdin) as one paragraph with docutils'
parser only (no transforms) and print the paragraph's inline nodes as [type, text] pairs plus the
system messages (level, message). Used by test/unit/inline-oracle.test.ts."""
import json
import sys

from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser


def dump(text):
    parser = Parser()
    settings = get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = ''
    doc = utils.new_document('<in>', settings)
    parser.parse(text, doc)
    out = []
    msgs = []
    paras = list(doc.findall(nodes.paragraph))
    if len(doc.children) != 1 or len(paras) != 1 or paras[0].rawsource != text:
        return None
    for para in paras:
        for ch in para.children:
            if isinstance(ch, nodes.Text):
                out.append(['#text', ch.astext()])
            elif isinstance(ch, nodes.system_message):
                continue
            else:
                item = [ch.tagname, ch.astext()]
                if isinstance(ch, nodes.reference):
                    item.append(ch.get('refuri') or ch.get('refname') or ('anonymous' if ch.get('anonymous') else ''))
                out.append(item)
        break
    for m in doc.findall(nodes.system_message):
        if m['level'] >= 2:
            msgs.append([m['level'], m.children[0].astext() if m.children else ''])
    return {'nodes': out, 'messages': msgs}


def main():
    data = json.load(sys.stdin)
    print(json.dumps([dump(t) for t in data]))


if __name__ == '__main__':
    main()
