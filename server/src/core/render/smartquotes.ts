/**
 * Sphinx's "smart quotes" (docutils `utils/smartquotes.py`, as Sphinx runs it: smartquotes_action 'qDe'):
 * straight quotes become the language's typographic quotes, `--` an en dash, `---` an em dash, `...` an
 * ellipsis. Pure: text in, text out. A port of docutils' regular expressions, with Python's Unicode `\w`,
 * `\s` and `\d` spelled out (JavaScript's are ASCII-only).
 *
 * docutils educates each block of text (a paragraph, a title, a term, ...) as one stream of tokens, so that
 * a quote at the start of a token sees the last character of the one before it, e.g. after an emphasis.
 * `QuoteEducator` keeps that context: `reset()` at the start of a block, `plain()` for each piece of text
 * in order, `literal()` for text that is shown as it is (inline literals, problematic markup).
 */

import { unescape } from '../rst/inline';

/** docutils `smartchars.quotes`: primary open, primary close, secondary open, secondary close. */
const QUOTES: ReadonlyMap<string, readonly [string, string, string, string]> = new Map(Object.entries({
  'af': '“”‘’', 'af-x-altquot': '„”‚’', 'bg': '„“‚‘', 'ca': '«»“”', 'ca-x-altquot': '“”‘’', 'cs': '„“‚‘',
  'cs-x-altquot': '»«›‹', 'da': '»«›‹', 'da-x-altquot': '„“‚‘', 'de': '„“‚‘', 'de-x-altquot': '»«›‹',
  'de-ch': '«»‹›', 'el': '«»“”', 'en': '“”‘’', 'en-uk-x-altquot': '‘’“”', 'eo': '“”‘’', 'es': '«»“”',
  'es-x-altquot': '“”‘’', 'et': '„“‚‘', 'et-x-altquot': '«»‹›', 'eu': '«»‹›', 'fi': '””’’', 'fi-x-altquot': '»»››',
  // French: a no-break space (U+00A0), or a narrow one (U+202F) in the alternative forms, inside the quotes
  'fr': ['«\u00a0', '\u00a0»', '“', '”'], 'fr-x-altquot': ['«\u202f', '\u202f»', '“', '”'], 'fr-ch': '«»‹›',
  'fr-ch-x-altquot': ['«\u202f', '\u202f»', '‹\u202f', '\u202f›'], 'gl': '«»“”', 'he': '”“»«', 'he-x-altquot': '„”‚’',
  'hr': '„”‘’', 'hr-x-altquot': '»«›‹', 'hsb': '„“‚‘', 'hsb-x-altquot': '»«›‹', 'hu': '„”«»', 'is': '„“‚‘',
  'it': '«»“”', 'it-ch': '«»‹›', 'it-x-altquot': '“”‘’', 'ja': '「」『』', 'ko': '“”‘’', 'lt': '„“‚‘',
  'lv': '„“‚‘', 'mk': '„“‚‘', 'nl': '“”‘’', 'nl-x-altquot': '„”‚’', 'nb': '«»’’', 'nn': '«»’’',
  'nn-x-altquot': '«»‘’', 'no': '«»’’', 'no-x-altquot': '«»‘’', 'pl': '„”«»', 'pl-x-altquot': '«»‚’',
  'pt': '«»“”', 'pt-br': '“”‘’', 'ro': '„”«»', 'ru': '«»„“', 'sh': '„”‚’', 'sh-x-altquot': '»«›‹',
  'sk': '„“‚‘', 'sk-x-altquot': '»«›‹', 'sl': '„“‚‘', 'sl-x-altquot': '»«›‹', 'sq': '«»‹›', 'sq-x-altquot': '“„‘‚',
  'sr': '„”’’', 'sr-x-altquot': '»«›‹', 'sv': '””’’', 'sv-x-altquot': '»»››', 'tr': '“”‘’', 'tr-x-altquot': '«»‹›',
  'uk': '«»„“', 'uk-x-altquot': '„“‚‘', 'zh-cn': '“”‘’', 'zh-tw': '「」『』',
}).map(([k, v]) => [k, (typeof v === 'string' ? [...v] : v) as unknown as readonly [string, string, string, string]]));

const STRAIGHT = ['"', '"', "'", "'"] as const;
const APOSTROPHE = '’';
const EN_DASH = '–';
const EM_DASH = '—';
const ELLIPSIS = '…';

/**
 * The quotes for a language tag as Sphinx's `language` gives it ('en', 'nb_NO', 'de-CH'): docutils tries the
 * tag, then drops subtags from the end (`normalize_language_tag`, simplified). Undefined when docutils has
 * none: it then keeps straight quotes (and still educates dashes and ellipses).
 */
export function quotesFor(language: string): readonly [string, string, string, string] | undefined {
  const parts = language.toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  for (let n = parts.length; n > 0; n--) {
    const q = QUOTES.get(parts.slice(0, n).join('-'));
    if (q) return q;
  }
  return undefined;
}

// Python's `\w`, `\s`, `\d` for str patterns (Unicode)
const W = String.raw`[\p{L}\p{N}_]`;
const S = String.raw`[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
const D = String.raw`\p{Nd}`;
// docutils' ch_classes
const OPEN = String.raw`[(\[{]`;
const PUNCT = String.raw`[-!" #$%'()*+,.\/:;<=>?@\[\\\]\^_\x60{|}~]`;
const DASH = String.raw`(?:[-–—]|&[mn]dash;|&#8211;|&#8212;|&#x201[34];)`;
const SEP = String.raw`(?:${S.slice(0, -1)}\u200b\u200c]|&nbsp;)`;

const re = (src: string) => new RegExp(src, 'gu');
// docutils writes r"^'(?=%s\\B)": in a raw string that is a backslash and a 'B', not \B (it never matches
// after processEscapes; kept for fidelity)
const RE_START_SQUOTE = re(String.raw`^'(?=${PUNCT}\\B)`);
const RE_START_DQUOTE = re(String.raw`^"(?=${PUNCT}\\B)`);
const RE_DQ_SQ = re(String.raw`"'(?=${W})`);
const RE_SQ_DQ = re(String.raw`'"(?=${W})`);
const RE_OPEN_SQ = re(String.raw`(${OPEN}|${DASH})'(?=${PUNCT}? )`);
const RE_OPEN_DQ = re(String.raw`(${OPEN}|${DASH})"(?=${PUNCT}? )`);
const RE_DECADE = re(String.raw`'(?=${D}{2}s)`);
const RE_OPENING_SECONDARY = re(String.raw`(${SEP}|${OPEN}|${DASH})'(?=${W}|${PUNCT})`);
const RE_APOSTROPHE = re(String.raw`(?<=${W})'(?=${W})`);
const RE_CLOSING_SECONDARY = re(String.raw`(?<!${S})'`);
const RE_OPENING_PRIMARY = re(String.raw`(${SEP}|${OPEN}|${DASH})"(?=${W}|${PUNCT})`);
const RE_CLOSING_PRIMARY = re(String.raw`(?<!${S})"|"(?=${S})`);

/** docutils `educateQuotes(text, language)`. */
export function educateQuotes(text: string, language: string, q = quotesFor(language) ?? STRAIGHT): string {
  const [opq, cpq, osq, csq] = q;
  let t = text;
  t = t.replace(RE_START_SQUOTE, csq);
  t = t.replace(RE_START_DQUOTE, cpq);
  t = t.replace(RE_DQ_SQ, opq + osq);
  t = t.replace(RE_SQ_DQ, osq + opq);
  t = t.replace(RE_OPEN_SQ, (_m, p: string) => p + csq);
  t = t.replace(RE_OPEN_DQ, (_m, p: string) => p + cpq);
  if (language.toLowerCase().startsWith('en')) t = t.replace(RE_DECADE, APOSTROPHE);
  t = t.replace(RE_OPENING_SECONDARY, (_m, p: string) => p + osq);
  if (csq !== APOSTROPHE) t = t.replace(RE_APOSTROPHE, APOSTROPHE);
  t = t.replace(RE_CLOSING_SECONDARY, csq);
  t = t.split("'").join(osq);
  t = t.replace(RE_OPENING_PRIMARY, (_m, p: string) => p + opq);
  t = t.replace(RE_CLOSING_PRIMARY, cpq);
  return t.split('"').join(opq);
}

/**
 * What docutils' `educate_tokens` does for an action string (Sphinx's `smartquotes_action`, default 'qDe'):
 * q quotes, b ``double'' backticks, B single ones too, d/D/i dashes (docutils' three ways to read -- and
 * ---), e ellipses, w &quot;; '1', '2', '3' all of them with d, D or i; '-1' back to ASCII; '0' nothing.
 */
interface Action { quotes: boolean; backticks: 0 | 1 | 2; dashes: 0 | 1 | 2 | 3; ellipses: boolean; quot: boolean; stupefy: boolean }

function parseAction(attr: string): Action {
  const a: Action = { quotes: false, backticks: 0, dashes: 0, ellipses: false, quot: false, stupefy: false };
  if (attr === '1' || attr === '2' || attr === '3') return { ...a, quotes: true, backticks: 1, dashes: Number(attr) as 1 | 2 | 3, ellipses: true };
  if (attr === '-1') return { ...a, stupefy: true };
  if (attr.includes('q')) a.quotes = true;
  if (attr.includes('b')) a.backticks = 1;
  if (attr.includes('B')) a.backticks = 2;
  if (attr.includes('d')) a.dashes = 1;
  if (attr.includes('D')) a.dashes = 2;
  if (attr.includes('i')) a.dashes = 3;
  if (attr.includes('e')) a.ellipses = true;
  if (attr.includes('w')) a.quot = true;
  return a;
}

/** Text the educator can change holds one of these (processEscapes drops a backslash before \ " ' . - `). */
function activePattern(a: Action, q: readonly string[]): RegExp {
  const parts = ['\\\\[\\\\"\'.\\-\x60]'];
  if (a.quotes) parts.push(`["']`);
  if (a.dashes) parts.push('--');
  if (a.ellipses) parts.push(String.raw`\.\.\.|\. \. \.`);
  if (a.backticks) parts.push("\x60\x60|''");
  if (a.backticks === 2) parts.push('\x60');
  if (a.quot) parts.push('&quot;');
  if (a.stupefy) parts.push(`[${[EN_DASH, EM_DASH, ELLIPSIS, ...q].join('').replace(/[\]\\^-]/g, '\\$&')}]`);
  return new RegExp(parts.join('|'));
}

/** docutils `processEscapes`: backslash escapes of the characters the educator changes, as entities. */
const ESCAPES: Array<[string, string]> = [['\\\\', '&#92;'], ['\\"', '&#34;'], ["\\'", '&#39;'], ['\\.', '&#46;'], ['\\-', '&#45;'], ['\\`', '&#96;']];

function processEscapes(text: string, restore: boolean): string {
  let t = text;
  if (!t.includes(restore ? '&#' : '\\')) return t;
  for (const [ch, rep] of ESCAPES) t = restore ? t.split(rep).join(ch[1]) : t.split(ch).join(rep);
  return t;
}

/** One block's stream of text, educated as docutils' `educate_tokens(..., attr='qDe', language)` does it. */
export class QuoteEducator {
  private prev = ' ';
  private readonly quotes: readonly [string, string, string, string];
  private readonly action: Action;
  private readonly active: RegExp;

  /** `action`: Sphinx's `smartquotes_action` (docutils' attr), 'qDe' by default. */
  constructor(private readonly language: string, action = 'qDe') {
    this.quotes = quotesFor(language) ?? STRAIGHT;
    this.action = parseAction(action);
    this.active = activePattern(this.action, this.quotes);
  }

  /** A new block of text (a paragraph, a title, ...): no context from the one before. */
  reset(): void {
    this.prev = ' ';
  }

  /** Text shown as it is (an inline literal, problematic markup): it only gives context. */
  literal(text: string): void {
    if (text.length) this.prev = text[text.length - 1];
  }

  /**
   * Educate a piece of text. `text` is docutils' null-escaped form: '\0' before each character that was
   * escaped with a backslash in the source (such a quote or dash stays as it is). Returns the text with the
   * markers removed.
   */
  plain(text: string): string {
    if (!text.length) return text;
    // nothing to educate without a quote, '--', '...' or '. . .' (most text): only the context moves on
    if (!this.active.test(text)) {
      this.prev = text[text.length - 1];
      return unescape(text);
    }
    const last = text[text.length - 1];
    // docutils' get_tokens: a backslash before each escaped character the educator would change. Its pattern,
    // '(?<=\x00)([-\\\'".`])' in a non-raw Python string, leaves the backslash out of the class, so an escaped
    // backslash is not protected: before a quote it forms the escape \" (the backslash is lost, the quote
    // stays straight), as in docutils
    let t = text.includes('\0') ? text.replace(/(?<=\0)([-'".`])/g, '\\$1') : text;
    t = processEscapes(t, false);
    const a = this.action;
    const [opq, cpq, osq, csq] = this.quotes;
    if (a.quot) t = t.split('&quot;').join('"');
    // docutils: d reads --- as an en dash and -- as an em dash ("yes, backwards"), D the other way, i as d
    if (a.dashes === 1 || a.dashes === 3) t = t.split('---').join(EN_DASH).split('--').join(EM_DASH);
    else if (a.dashes === 2) t = t.split('---').join(EM_DASH).split('--').join(EN_DASH);
    if (a.ellipses) t = t.split('...').join(ELLIPSIS).split('. . .').join(ELLIPSIS);
    if (a.backticks) t = t.split('``').join(opq).split("''").join(cpq);
    if (a.backticks === 2) t = t.split('`').join(osq).split("'").join(csq);
    if (a.quotes) {
      const context = this.prev.replace(/["']/, ';');
      t = educateQuotes(context + t, this.language, this.quotes).slice(context.length);
    }
    if (a.stupefy) {
      t = t.split(EN_DASH).join('-').split(EM_DASH).join('--').split(osq).join("'").split(csq).join("'")
        .split(opq).join('"').split(cpq).join('"').split(ELLIPSIS).join('...');
    }
    this.prev = last;
    return unescape(processEscapes(t, true));
  }
}


/** Smart quotes as a project configures them: Sphinx's `language` and `smartquotes_action`. */
export interface SmartQuotes {
  language: string;
  /** docutils' attr string, 'qDe' by default. */
  action: string;
}

/**
 * The smart quotes Sphinx applies for a `conf.py` (its text, or undefined when there is none): false when
 * `smartquotes = False` or the language is one Sphinx excludes by default ('ja'); else the language
 * (`language = 'nb'`; 'en' when it is unset or None, Sphinx's default) and `smartquotes_action` ('qDe'
 * unless set). Read with regular expressions on top-level assignments, not by running Python: a value
 * computed in code is not seen.
 */
export function smartQuotesFromConf(conf: string | undefined): SmartQuotes | false {
  if (conf === undefined) return { language: 'en', action: 'qDe' };
  if (/^smartquotes\s*=\s*False\b/m.test(conf)) return false;
  const m = /^language\s*=\s*(?:(['"])([A-Za-z0-9_-]*)\1|None\b)/m.exec(conf);
  const language = m?.[2] || 'en';
  if (language.toLowerCase().replace(/_/g, '-').split('-')[0] === 'ja') return false;
  const a = /^smartquotes_action\s*=\s*(['"])([-0-9a-zA-Z]*)\1/m.exec(conf);
  return { language, action: a ? a[2] : 'qDe' };
}
