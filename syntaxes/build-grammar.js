// Generates syntaxes/rst.tmLanguage.json: node syntaxes/build-grammar.js syntaxes/rst.tmLanguage.json
const ADORN = `[=\\-~^"'\`#*+:.<>_!$%&,/;?@\\\\|]`;
const SPHINX_ROLES = 'doc|ref|term|download|numref|envvar|token|keyword|option|abbr|command|dfn|file|guilabel|kbd|mailheader|makevar|manpage|menuselection|mimetype|newsgroup|program|regexp|samp|pep|rfc|any|math|eq|py:[a-z]+|c:[a-z]+|cpp:[a-z]+|js:[a-z]+|rst:[a-z]+|std:[a-z]+|func|class|meth|mod|attr|data|exc|obj|const';
const SECTIONS = 'Status|Planlagte aktiviteter|Utfordringer|Annet|Fullført|Under arbeid|Planlagt fremdrift|Implementasjon|Aktiviteter|Kommende aktiviteter';
const MONTH = '[A-Za-zÆØÅæøå]+\\.?';
const DATE = `\\d{1,2}\\.\\s*${MONTH}\\s+\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2}`;

const g = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'reStructuredText (Weekly Report)',
  scopeName: 'source.rst',
  fileTypes: ['rst', 'rest'],
  patterns: [
    { include: '#title-overline' },
    { include: '#adornment' },
    { include: '#report-title' },
    { include: '#report-section' },
    { include: '#date-line' },
    { include: '#literal-directive' },
    { include: '#substitution-definition' },
    { include: '#footnote-definition' },
    { include: '#target' },
    { include: '#directive' },
    { include: '#comment' },
    { include: '#literal-block' },
    { include: '#field' },
    { include: '#list' },
    { include: '#line-block' },
    { include: '#inline' },
  ],
  repository: {
    'title-overline': {
      comment: 'Overlined title: overline, title line, underline (the report title `Uke N`).',
      begin: `^(${ADORN})\\1{2,}\\s*$`,
      beginCaptures: { 0: { name: 'markup.heading.rst punctuation.definition.heading.rst' } },
      end: `^(?:(\\1+)\\s*$|(?=\\s*$))`,
      endCaptures: { 1: { name: 'markup.heading.rst punctuation.definition.heading.rst' } },
      patterns: [{ include: '#heading-text' }],
    },
    'heading-text': {
      patterns: [
        {
          match: '^\\s*((?:Uke|uke|Week|week)\\s+(\\d{1,2}))\\b(.*)$',
          captures: { 1: { name: 'markup.heading.rst entity.name.section.title.rst' }, 2: { name: 'constant.numeric.week.rst' }, 3: { name: 'markup.heading.rst entity.name.section.rst' } },
        },
        { match: '^\\s*(\\S.*?)\\s*$', captures: { 1: { name: 'markup.heading.rst entity.name.section.rst' } } },
      ],
    },
    adornment: {
      comment: 'Section underlines and transitions.',
      match: `^(${ADORN})\\1{2,}\\s*$`,
      name: 'markup.heading.rst punctuation.definition.heading.rst',
    },
    'report-title': {
      comment: 'An underlined `Uke N` title line.',
      match: '^((?:Uke|Week)\\s+(\\d{1,2}))\\s*$',
      captures: { 1: { name: 'markup.heading.rst entity.name.section.title.rst' }, 2: { name: 'constant.numeric.week.rst' } },
    },
    'report-section': {
      comment: 'The report sections the profiles know (a title line alone cannot be told from text otherwise).',
      match: `^(${SECTIONS})\\s*$`,
      captures: { 1: { name: 'markup.heading.rst entity.name.section.rst' } },
    },
    'date-line': {
      match: `^(av|Av|by|By)\\s+([^,]+?)\\s*(,)\\s*(?:([^,]+?)\\s*(,)\\s*)?(${DATE})\\s*$`,
      name: 'meta.date-line.rst',
      captures: {
        1: { name: 'keyword.other.date-line.rst' },
        2: { name: 'entity.name.author.rst' },
        3: { name: 'punctuation.separator.rst' },
        4: { name: 'string.unquoted.organisation.rst' },
        5: { name: 'punctuation.separator.rst' },
        6: { name: 'constant.other.date.rst' },
      },
    },
    'literal-directive': {
      comment: 'code / code-block / sourcecode / literalinclude / raw: options, then raw content.',
      begin: '^(\\s*)(\\.\\.)\\s+(code-block|code|sourcecode|raw|highlight|literalinclude|math)(::)\\s*(.*)$',
      beginCaptures: {
        2: { name: 'punctuation.definition.directive.rst' },
        3: { name: 'entity.name.function.directive.rst' },
        4: { name: 'punctuation.separator.directive.rst' },
        5: { name: 'variable.parameter.directive.argument.rst' },
      },
      end: '^(?!\\1\\s+\\S|\\s*$)',
      name: 'meta.directive.literal.rst',
      patterns: [
        { include: '#directive-option' },
        { match: '^\\s+\\S.*$', name: 'markup.raw.block.rst' },
      ],
    },
    'directive-option': {
      match: '^\\s+(:)([^:\\s][^:]*?)(:)(?:\\s+(.*))?$',
      captures: {
        1: { name: 'punctuation.definition.field.rst' },
        2: { name: 'entity.other.attribute-name.option.rst' },
        3: { name: 'punctuation.definition.field.rst' },
        4: { name: 'string.unquoted.option-value.rst' },
      },
    },
    'substitution-definition': {
      match: '^\\s*(\\.\\.)\\s+(\\|)([^|]+)(\\|)\\s+([\\w:+.-]+)(::)\\s*(.*)$',
      name: 'meta.substitution-definition.rst',
      captures: {
        1: { name: 'punctuation.definition.directive.rst' },
        2: { name: 'punctuation.definition.substitution.rst' },
        3: { name: 'variable.other.substitution.rst' },
        4: { name: 'punctuation.definition.substitution.rst' },
        5: { name: 'entity.name.function.directive.rst' },
        6: { name: 'punctuation.separator.directive.rst' },
        7: { name: 'variable.parameter.directive.argument.rst' },
      },
    },
    'footnote-definition': {
      match: '^\\s*(\\.\\.)\\s+(\\[)([^\\]]+)(\\])(?=\\s|$)',
      captures: {
        1: { name: 'punctuation.definition.directive.rst' },
        2: { name: 'punctuation.definition.footnote.rst' },
        3: { name: 'entity.name.label.footnote.rst' },
        4: { name: 'punctuation.definition.footnote.rst' },
      },
    },
    target: {
      match: '^\\s*(\\.\\.)\\s+(_)(`[^`]+`|[^:\\\\]*(?:\\\\.[^:\\\\]*)*|_)(:)(?:\\s+(.*))?$',
      name: 'meta.link.target.rst',
      captures: {
        1: { name: 'punctuation.definition.directive.rst' },
        2: { name: 'punctuation.definition.target.rst' },
        3: { name: 'entity.name.label.target.rst' },
        4: { name: 'punctuation.separator.target.rst' },
        5: { name: 'markup.underline.link.rst' },
      },
    },
    directive: {
      begin: '^(\\s*)(\\.\\.)\\s+([A-Za-z0-9][\\w+.:-]*?)(::)(?:\\s+(.*))?$',
      beginCaptures: {
        2: { name: 'punctuation.definition.directive.rst' },
        3: { name: 'entity.name.function.directive.rst' },
        4: { name: 'punctuation.separator.directive.rst' },
        5: { name: 'variable.parameter.directive.argument.rst' },
      },
      end: '^(?!\\1\\s+:[^:\\s][^:]*:(?:\\s|$))',
      name: 'meta.directive.rst',
      patterns: [{ include: '#directive-option' }],
    },
    comment: {
      comment: '`..` not followed by a directive, target, footnote or substitution: a comment with its indented lines.',
      begin: '^(\\s*)(\\.\\.)(?=\\s|$)',
      beginCaptures: { 2: { name: 'punctuation.definition.comment.rst' } },
      while: '^(?:\\1\\s+\\S|\\s*$)',
      name: 'comment.block.rst',
    },
    'literal-block': {
      comment: 'A paragraph ending in `::` introduces an indented literal block.',
      begin: '(?<!\\S\\s)(::)\\s*$',
      beginCaptures: { 1: { name: 'punctuation.definition.literal.rst' } },
      end: '^(?=\\S)',
      contentName: 'markup.raw.block.rst',
    },
    field: {
      match: '^\\s*(:)((?:[^:`\\\\]|\\\\.)+)(:)(?=\\s|$)',
      captures: {
        1: { name: 'punctuation.definition.field.rst' },
        2: { name: 'entity.name.tag.field.rst' },
        3: { name: 'punctuation.definition.field.rst' },
      },
    },
    list: {
      patterns: [
        { match: '^\\s*([-*+•‣⁃])(?=\\s+\\S|\\s*$)', captures: { 1: { name: 'markup.list.unnumbered.rst punctuation.definition.list.begin.rst' } } },
        { match: '^\\s*(\\(?(?:\\d+|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)])(?=\\s+\\S)', captures: { 1: { name: 'markup.list.numbered.rst punctuation.definition.list.begin.rst' } } },
      ],
    },
    'line-block': {
      match: '^\\s*(\\|)(?=\\s|$)',
      captures: { 1: { name: 'punctuation.definition.line-block.rst' } },
    },
    inline: {
      patterns: [
        { include: '#literal' },
        { include: '#strong' },
        { include: '#emphasis' },
        { include: '#role' },
        { include: '#embedded-link' },
        { include: '#phrase-reference' },
        { include: '#inline-target' },
        { include: '#interpreted' },
        { include: '#substitution-reference' },
        { include: '#footnote-reference' },
        { include: '#word-reference' },
        { include: '#url' },
        { include: '#email' },
      ],
    },
    literal: {
      match: '(``)(?=\\S)(.+?)(?<=\\S)(``)',
      name: 'markup.inline.raw.string.rst',
      captures: { 1: { name: 'punctuation.definition.raw.rst' }, 3: { name: 'punctuation.definition.raw.rst' } },
    },
    strong: {
      match: '(?<![\\w*])(\\*\\*)(?=[^\\s*])(.+?)(?<=[^\\s*])(\\*\\*)(?![\\w*])',
      name: 'markup.bold.rst',
      captures: { 1: { name: 'punctuation.definition.bold.rst' }, 3: { name: 'punctuation.definition.bold.rst' } },
    },
    emphasis: {
      match: '(?<![\\w*])(\\*)(?=[^\\s*])(.+?)(?<=[^\\s*])(\\*)(?![\\w*])',
      name: 'markup.italic.rst',
      captures: { 1: { name: 'punctuation.definition.italic.rst' }, 3: { name: 'punctuation.definition.italic.rst' } },
    },
    role: {
      patterns: [
        {
          comment: 'Sphinx cross-reference roles with `title <target>`.',
          match: `(:)(${SPHINX_ROLES})(:)(\`)([^\`<]*?)\\s*(<)([^\`>]+)(>)(\`)`,
          name: 'meta.role.sphinx.rst',
          captures: {
            1: { name: 'punctuation.definition.role.rst' },
            2: { name: 'support.function.role.sphinx.rst' },
            3: { name: 'punctuation.definition.role.rst' },
            4: { name: 'punctuation.definition.interpreted.rst' },
            5: { name: 'string.other.link.title.rst' },
            6: { name: 'punctuation.definition.link.rst' },
            7: { name: 'markup.underline.link.rst' },
            8: { name: 'punctuation.definition.link.rst' },
            9: { name: 'punctuation.definition.interpreted.rst' },
          },
        },
        {
          match: `(:)(${SPHINX_ROLES})(:)(\`)([^\`]+)(\`)`,
          name: 'meta.role.sphinx.rst',
          captures: {
            1: { name: 'punctuation.definition.role.rst' },
            2: { name: 'support.function.role.sphinx.rst' },
            3: { name: 'punctuation.definition.role.rst' },
            4: { name: 'punctuation.definition.interpreted.rst' },
            5: { name: 'markup.underline.link.rst' },
            6: { name: 'punctuation.definition.interpreted.rst' },
          },
        },
        {
          match: '(:)([A-Za-z0-9][\\w+.:-]*?)(:)(`)([^`]+)(`)',
          name: 'meta.role.rst',
          captures: {
            1: { name: 'punctuation.definition.role.rst' },
            2: { name: 'entity.name.function.role.rst' },
            3: { name: 'punctuation.definition.role.rst' },
            4: { name: 'punctuation.definition.interpreted.rst' },
            5: { name: 'string.other.interpreted.rst' },
            6: { name: 'punctuation.definition.interpreted.rst' },
          },
        },
        {
          match: '(`)([^`]+)(`)(:)([A-Za-z0-9][\\w+.:-]*?)(:)',
          name: 'meta.role.rst',
          captures: {
            1: { name: 'punctuation.definition.interpreted.rst' },
            2: { name: 'string.other.interpreted.rst' },
            3: { name: 'punctuation.definition.interpreted.rst' },
            4: { name: 'punctuation.definition.role.rst' },
            5: { name: 'entity.name.function.role.rst' },
            6: { name: 'punctuation.definition.role.rst' },
          },
        },
      ],
    },
    'embedded-link': {
      match: '(`)([^`<]*?)\\s*(<)([^`>]+)(>)(`)(__?)(?![\\w])',
      name: 'meta.link.inline.rst',
      captures: {
        1: { name: 'punctuation.definition.link.rst' },
        2: { name: 'string.other.link.title.rst' },
        3: { name: 'punctuation.definition.link.rst' },
        4: { name: 'markup.underline.link.rst' },
        5: { name: 'punctuation.definition.link.rst' },
        6: { name: 'punctuation.definition.link.rst' },
        7: { name: 'punctuation.definition.link.rst' },
      },
    },
    'phrase-reference': {
      match: '(`)([^`]+)(`)(__?)(?![\\w])',
      name: 'meta.link.reference.rst',
      captures: {
        1: { name: 'punctuation.definition.link.rst' },
        2: { name: 'string.other.link.title.rst' },
        3: { name: 'punctuation.definition.link.rst' },
        4: { name: 'punctuation.definition.link.rst' },
      },
    },
    'inline-target': {
      match: '(_`)([^`]+)(`)',
      name: 'meta.link.target.inline.rst',
      captures: { 1: { name: 'punctuation.definition.target.rst' }, 2: { name: 'entity.name.label.target.rst' }, 3: { name: 'punctuation.definition.target.rst' } },
    },
    interpreted: {
      match: '(?<![`\\w])(`)(?=[^\\s`])([^`]+?)(?<=\\S)(`)(?![`\\w_:])',
      name: 'string.other.interpreted.rst',
      captures: { 1: { name: 'punctuation.definition.interpreted.rst' }, 3: { name: 'punctuation.definition.interpreted.rst' } },
    },
    'substitution-reference': {
      match: '(?<![\\w|])(\\|)(?=\\S)([^|]+?)(?<=\\S)(\\|)(__?)?(?![\\w|])',
      name: 'variable.other.substitution.rst',
      captures: { 1: { name: 'punctuation.definition.substitution.rst' }, 3: { name: 'punctuation.definition.substitution.rst' } },
    },
    'footnote-reference': {
      match: '(\\[)(#[\\w-]*|\\*|\\d+|[\\w.-]+)(\\])(_)(?![\\w])',
      name: 'meta.footnote-reference.rst',
      captures: { 1: { name: 'punctuation.definition.footnote.rst' }, 2: { name: 'entity.name.label.footnote.rst' }, 3: { name: 'punctuation.definition.footnote.rst' }, 4: { name: 'punctuation.definition.link.rst' } },
    },
    'word-reference': {
      match: '(?<![\\w/:.@-])([A-Za-z0-9ÆØÅæøå][\\wÆØÅæøå.-]*?)(__?)(?![\\w])',
      name: 'meta.link.reference.rst',
      captures: { 1: { name: 'string.other.link.title.rst' }, 2: { name: 'punctuation.definition.link.rst' } },
    },
    url: {
      match: '(?<![\\w<])(?:https?|ftp|file|mailto|sftp|ssh|git)://[^\\s<>`"]*[^\\s<>`".,;:!?)\\]\'}]',
      name: 'markup.underline.link.rst',
    },
    email: {
      match: '(?<![\\w.<:/-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+(?<![.])',
      name: 'markup.underline.link.email.rst',
    },
  },
};

require('fs').writeFileSync(process.argv[2], JSON.stringify(g, null, 2) + '\n');
