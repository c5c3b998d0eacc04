/**
 * `weekly-report.json` at the docs root: profiles chosen by path glob (first match wins) and per-rule
 * severity overrides. Small and strict: anything unexpected gives ONE finding `config.invalid` with the
 * exact range in the config file, and the defaults apply. Pure (the caller reads the file).
 *
 *   {
 *     "profiles": [
 *       { "name": "2015", "files": ["status/reports/2015/**"], "date": false,
 *         "sections": { "required": [["Implementasjon"], [["Aktiviteter", "Pågående aktiviteter"]]], "allowOthers": true } },
 *       { "name": "notes", "files": ["status/reports/change/**"], "kind": "document" }
 *     ],
 *     "rules": { "date.window": "off", "section": "error" }
 *   }
 *
 * Profile keys (all but name/files optional; a profile starts from the default profile, or from
 * `"extends": "<earlier profile name>" | "default" | "english"`, and overrides the keys it gives):
 *   name, files (globs relative to the docs root: `*`, `**`, `?`, `{a,b}`), kind ("report" | "document"),
 *   language ("nb" | "en"), fileName (template(s) with {week} and optionally {year}, e.g. "uke_{week}.rst"),
 *   yearFromFolder (bool), title (template with {week}, e.g. "Uke {week}"),
 *   date (false: no date line; or { required, format ("D.MMMM YYYY"; tokens D DD M MM MMM MMMM YYYY),
 *         language, window ([min, max] ISO weeks after the title's week), checkYear }),
 *   sections { required (ordered groups; each entry a name or [name, alias…]), allowOthers, nonEmpty }.
 * Rules: a code ("date.window") or a namespace ("link") → "off" | "error" | "warning" | "information" | "hint".
 * Without a file: the default profile (2017–2019 corpus style) for files named uke_NN.rst / YYYY_uke_NN.rst,
 * the document profile (syntax, link and text rules only) for everything else.
 */
import type { Finding, Locale, Severity } from '../types';
import { globToRegExp, posixBaseName, posixDirName } from '../paths';
import { DEFAULT_PROFILE, DOCUMENT_PROFILE, ENGLISH_PROFILE, matchFileName, type Profile, type SectionSpec } from './profile';

export type SeverityOverride = Severity | 'off';

export interface Config {
  /** Absolute posix path of the config file, when there is one. */
  path?: string;
  /** Docs root the globs are relative to (the config file's folder). */
  root?: string;
  /** Profiles in order; the first whose globs match a file applies. Empty: the default rules (see profileFor). */
  profiles: Profile[];
  rules: Record<string, SeverityOverride>;
}

export const DEFAULT_CONFIG: Config = Object.freeze({ profiles: [], rules: {} }) as Config;

export const CONFIG_FILE_NAME = 'weekly-report.json';

// ------------------------------------------------------------------ a tiny JSON parser with ranges

type JVal =
  | { t: 'obj'; start: number; end: number; props: Array<{ key: string; keyStart: number; keyEnd: number; value: JVal }> }
  | { t: 'arr'; start: number; end: number; items: JVal[] }
  | { t: 'str'; start: number; end: number; value: string }
  | { t: 'num'; start: number; end: number; value: number }
  | { t: 'bool'; start: number; end: number; value: boolean }
  | { t: 'null'; start: number; end: number };

class ConfigError extends Error {
  constructor(readonly start: number, readonly end: number, readonly en: string, readonly nb: string) { super(en); }
}

function parseJson(text: string): JVal {
  let i = 0;
  const ws = (): void => { while (i < text.length && ' \t\r\n\ufeff'.includes(text[i])) i++; };
  const err = (en: string, nb: string, len = 1): never => { throw new ConfigError(i, Math.min(text.length, i + len), en, nb); };
  const value = (depth: number): JVal => {
    if (depth > 64) err('Nesting too deep.', 'For dyp nøsting.');
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const props: Array<{ key: string; keyStart: number; keyEnd: number; value: JVal }> = [];
      ws();
      if (text[i] === '}') { i++; return { t: 'obj', start, end: i, props }; }
      for (;;) {
        ws();
        if (text[i] !== '"') err('Expected a property name in double quotes.', 'Forventet et egenskapsnavn i doble anførselstegn.');
        const k = value(depth + 1) as { t: 'str'; start: number; end: number; value: string };
        ws();
        if (text[i] !== ':') err("Expected ':'.", "Forventet ':'.");
        i++;
        const v = value(depth + 1);
        if (props.some((p) => p.key === k.value)) throw new ConfigError(k.start, k.end, `Duplicate key "${k.value}".`, `Nøkkelen «${k.value}» er gitt to ganger.`);
        props.push({ key: k.value, keyStart: k.start, keyEnd: k.end, value: v });
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return { t: 'obj', start, end: i, props }; }
        err("Expected ',' or '}'.", "Forventet ',' eller '}'.");
      }
    }
    if (c === '[') {
      i++;
      const items: JVal[] = [];
      ws();
      if (text[i] === ']') { i++; return { t: 'arr', start, end: i, items }; }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return { t: 'arr', start, end: i, items }; }
        err("Expected ',' or ']'.", "Forventet ',' eller ']'.");
      }
    }
    if (c === '"') {
      i++;
      let s = '';
      for (;;) {
        if (i >= text.length || text[i] === '\n') throw new ConfigError(start, i, 'Unterminated string.', 'Strengen er ikke avsluttet.');
        const ch = text[i];
        if (ch === '"') { i++; break; }
        if (ch === '\\') {
          const e = text[i + 1];
          const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (e in map) { s += map[e]; i += 2; continue; }
          if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { s += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)); i += 6; continue; }
          err('Invalid escape in string.', 'Ugyldig escape-sekvens i strengen.', 2);
        }
        s += ch;
        i++;
      }
      return { t: 'str', start, end: i, value: s };
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 40));
    if (m) { i += m[0].length; return { t: 'num', start, end: i, value: Number(m[0]) }; }
    for (const [w, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(w, i)) { i += w.length; return v === null ? { t: 'null', start, end: i } : { t: 'bool', start, end: i, value: v }; }
    }
    if (i >= text.length) err('Unexpected end of file.', 'Uventet slutt på filen.', 0);
    return err(`Unexpected character '${c}'.`, `Uventet tegn '${c}'.`);
  };
  const v = value(0);
  ws();
  if (i < text.length) err('Unexpected text after the JSON value.', 'Uventet tekst etter JSON-verdien.', text.length - i);
  return v;
}

// ------------------------------------------------------------------ validation

const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'];

/** Namespaces of finding codes (part of the interface). */
export const CODE_NAMESPACES = ['title', 'date', 'section', 'link', 'rst', 'text', 'config', 'engine'];

/**
 * Every code of the report namespaces (title, date, section), so a misspelt override is caught;
 * `link.*`, `rst.*` (one per parser problem kind) and `text.*` are checked by namespace and form only.
 * (A unit test keeps this list equal to the registered rules.)
 */
export const REPORT_RULE_CODES = [
  'title.no-week', 'title.week-mismatch', 'title.adornment',
  'date.missing', 'date.unparsable', 'date.window', 'date.year', 'date.format',
  'section.missing', 'section.order', 'section.empty', 'section.duplicate', 'section.level', 'section.unexpected',
];

function isKnownCode(key: string): boolean {
  if (!/^[a-z]+(\.[a-z0-9-]+)*$/.test(key)) return false;
  const ns = key.split('.')[0];
  if (!CODE_NAMESPACES.includes(ns)) return false;
  if ((ns === 'title' || ns === 'date' || ns === 'section') && key !== ns) return REPORT_RULE_CODES.includes(key);
  return true;
}
const typeName = (v: JVal): string => ({ obj: 'an object', arr: 'an array', str: 'a string', num: 'a number', bool: 'a boolean', null: 'null' })[v.t];
const typeNameNb = (v: JVal): string => ({ obj: 'et objekt', arr: 'en liste', str: 'en streng', num: 'et tall', bool: 'en boolsk verdi', null: 'null' })[v.t];

function wrongType(v: JVal, where: string, en: string, nb: string): never {
  throw new ConfigError(v.start, v.end, `${where}: expected ${en}, found ${typeName(v)}.`, `${where}: forventet ${nb}, fant ${typeNameNb(v)}.`);
}

function obj(v: JVal, where: string, allowed: string[]): Map<string, JVal> {
  if (v.t !== 'obj') wrongType(v, where, 'an object', 'et objekt');
  const m = new Map<string, JVal>();
  for (const p of (v as Extract<JVal, { t: 'obj' }>).props) {
    if (!allowed.includes(p.key)) {
      throw new ConfigError(p.keyStart, p.keyEnd, `${where}: unknown key "${p.key}" (allowed: ${allowed.join(', ')}).`, `${where}: ukjent nøkkel «${p.key}» (tillatt: ${allowed.join(', ')}).`);
    }
    m.set(p.key, p.value);
  }
  return m;
}
function str(v: JVal, where: string): string {
  if (v.t !== 'str') wrongType(v, where, 'a string', 'en streng');
  return (v as { value: string }).value;
}
function bool(v: JVal, where: string): boolean {
  if (v.t !== 'bool') wrongType(v, where, 'true or false', 'true eller false');
  return (v as { value: boolean }).value;
}
function arr(v: JVal, where: string): JVal[] {
  if (v.t !== 'arr') wrongType(v, where, 'an array', 'en liste');
  return (v as { items: JVal[] }).items;
}
function strList(v: JVal, where: string, nonEmpty: boolean): string[] {
  const items = arr(v, where).map((x, i) => str(x, `${where}[${i}]`));
  if (nonEmpty && items.length === 0) throw new ConfigError(v.start, v.end, `${where}: must not be empty.`, `${where}: kan ikke være tom.`);
  return items;
}
function oneOf<T extends string>(v: JVal, where: string, values: readonly T[]): T {
  const s = str(v, where);
  if (!values.includes(s as T)) throw new ConfigError(v.start, v.end, `${where}: "${s}" is not one of ${values.join(', ')}.`, `${where}: «${s}» er ikke en av ${values.join(', ')}.`);
  return s as T;
}
function templ(v: JVal, where: string, needsWeek: boolean): string {
  const s = str(v, where);
  if (needsWeek && !s.includes('{week}')) throw new ConfigError(v.start, v.end, `${where}: the template must contain {week}.`, `${where}: malen må inneholde {week}.`);
  return s;
}

const PROFILE_KEYS = ['name', 'extends', 'files', 'kind', 'language', 'fileName', 'yearFromFolder', 'title', 'date', 'sections'];

function readProfile(v: JVal, where: string, earlier: Profile[]): Profile {
  const m = obj(v, where, PROFILE_KEYS);
  const nameV = m.get('name');
  const filesV = m.get('files');
  if (!nameV) throw new ConfigError(v.start, v.start + 1, `${where}: "name" is required.`, `${where}: «name» må være med.`);
  if (!filesV) throw new ConfigError(v.start, v.start + 1, `${where}: "files" is required.`, `${where}: «files» må være med.`);
  const name = str(nameV, `${where}.name`);
  let base: Profile = DEFAULT_PROFILE;
  const ext = m.get('extends');
  if (ext) {
    const n = str(ext, `${where}.extends`);
    const found = n === 'default' ? DEFAULT_PROFILE : n === 'english' ? ENGLISH_PROFILE : earlier.find((p) => p.name === n);
    if (!found) throw new ConfigError(ext.start, ext.end, `${where}.extends: no earlier profile is named "${n}".`, `${where}.extends: ingen tidligere profil heter «${n}».`);
    base = found;
  }
  const p: Profile = { ...base, name, files: strList(filesV, `${where}.files`, true) };
  for (const [k, val] of m) {
    const w = `${where}.${k}`;
    switch (k) {
      case 'kind': p.kind = oneOf(val, w, ['report', 'document'] as const); break;
      case 'language': p.language = oneOf(val, w, ['nb', 'en'] as const); break;
      case 'fileName': p.fileName = val.t === 'str' ? [templ(val, w, true)] : arr(val, w).map((x, i) => templ(x, `${w}[${i}]`, true)); break;
      case 'yearFromFolder': p.yearFromFolder = bool(val, w); break;
      case 'title': p.title = templ(val, w, true); break;
      case 'date': {
        if (val.t === 'bool' && val.value === false) { p.date = undefined; break; }
        if (val.t === 'bool') throw new ConfigError(val.start, val.end, `${w}: use false or an object.`, `${w}: bruk false eller et objekt.`);
        const d = obj(val, w, ['required', 'format', 'language', 'window', 'checkYear']);
        const cur = { ...(base.date ?? DEFAULT_PROFILE.date!) };
        for (const [dk, dv] of d) {
          const dw = `${w}.${dk}`;
          if (dk === 'required') cur.required = bool(dv, dw);
          else if (dk === 'format') {
            cur.format = str(dv, dw);
            if (!/YYYY/.test(cur.format) || !/D/.test(cur.format) || !/M/.test(cur.format)) throw new ConfigError(dv.start, dv.end, `${dw}: the format needs D, M and YYYY.`, `${dw}: formatet må ha D, M og YYYY.`);
          } else if (dk === 'language') cur.language = oneOf(dv, dw, ['nb', 'en'] as const);
          else if (dk === 'checkYear') cur.checkYear = bool(dv, dw);
          else if (dk === 'window') {
            const items = arr(dv, dw);
            const ok = items.length === 2 && items.every((x) => x.t === 'num' && Number.isInteger(x.value) && Math.abs(x.value) <= 53);
            if (!ok || (items[0] as { value: number }).value > (items[1] as { value: number }).value) {
              throw new ConfigError(dv.start, dv.end, `${dw}: expected [min, max] in weeks, e.g. [0, 2].`, `${dw}: forventet [min, maks] i uker, f.eks. [0, 2].`);
            }
            cur.window = [(items[0] as { value: number }).value, (items[1] as { value: number }).value];
          }
        }
        p.date = cur;
        break;
      }
      case 'sections': {
        const s = obj(val, w, ['required', 'allowOthers', 'nonEmpty']);
        const cur = { ...base.sections };
        for (const [sk, sv] of s) {
          const sw = `${w}.${sk}`;
          if (sk === 'allowOthers') cur.allowOthers = bool(sv, sw);
          else if (sk === 'nonEmpty') cur.nonEmpty = bool(sv, sw);
          else {
            cur.required = arr(sv, sw).map((g, gi): SectionSpec[] =>
              arr(g, `${sw}[${gi}]`).map((spec, si): SectionSpec => {
                const where2 = `${sw}[${gi}][${si}]`;
                if (spec.t === 'str') return { name: spec.value };
                const names = strList(spec, where2, true);
                return { name: names[0], aliases: names.slice(1) };
              }),
            );
          }
        }
        p.sections = cur;
        break;
      }
      default:
        break;
    }
  }
  return p;
}

/**
 * Read `weekly-report.json`. `configPath` is its absolute posix path; the folder holding it is the root
 * the profile globs are relative to. Never throws: an invalid file gives one `config.invalid` finding
 * (range in the config file) and the default configuration.
 */
export function loadConfig(text: string, configPath: string, locale: Locale = 'en'): { config: Config; findings: Finding[] } {
  const root = posixDirName(configPath);
  try {
    const v = parseJson(text);
    const top = obj(v, 'weekly-report.json', ['$schema', 'profiles', 'rules']);
    const profiles: Profile[] = [];
    const pv = top.get('profiles');
    if (pv) arr(pv, 'profiles').forEach((x, i) => profiles.push(readProfile(x, `profiles[${i}]`, profiles)));
    const rules: Record<string, SeverityOverride> = {};
    const rv = top.get('rules');
    if (rv) {
      if (rv.t !== 'obj') wrongType(rv, 'rules', 'an object', 'et objekt');
      for (const p of (rv as Extract<JVal, { t: 'obj' }>).props) {
        if (!isKnownCode(p.key)) throw new ConfigError(p.keyStart, p.keyEnd, `rules: "${p.key}" is not a rule code or namespace (e.g. "date.window", "link").`, `rules: «${p.key}» er ikke en regelkode eller et navnerom (f.eks. «date.window», «link»).`);
        rules[p.key] = oneOf(p.value, `rules["${p.key}"]`, SEVERITIES) as SeverityOverride;
      }
    }
    return { config: { path: configPath, root, profiles, rules }, findings: [] };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const finding: Finding = {
      code: 'config.invalid',
      severity: 'error',
      message: locale === 'nb' ? `Ugyldig konfigurasjon, standardverdiene brukes: ${e.nb}` : `Invalid configuration, defaults apply: ${e.en}`,
      start: e.start,
      end: Math.max(e.end, e.start),
      fixes: [],
    };
    return { config: { path: configPath, root, profiles: [], rules: {} }, findings: [finding] };
  }
}

const globCache = new Map<string, RegExp>();
function globMatch(glob: string, rel: string): boolean {
  let re = globCache.get(glob);
  if (!re) {
    re = globToRegExp(glob.replace(/^\.\//, ''));
    globCache.set(glob, re);
  }
  return re.test(rel);
}

/** Path of a file relative to the docs root (or the path without leading '/' when outside it or unknown). */
export function relativeToRoot(path: string, root: string | undefined): string {
  if (root) {
    const r = root.endsWith('/') ? root.slice(0, -1) : root;
    if (path.length > r.length && path.startsWith(r) && path[r.length] === '/') return path.slice(r.length + 1);
  }
  return path.replace(/^\/+/, '');
}

/**
 * The profile of a file: the first configured profile whose globs match its path relative to the root;
 * otherwise the default profile when the file name looks like a report (`uke_NN.rst`, `YYYY_uke_NN.rst`),
 * else the document profile.
 */
export function profileFor(config: Config | undefined, path: string, root?: string): Profile {
  const r = root ?? config?.root;
  // memoised per configuration and root (the same files are validated again and again on the keystroke
  // path); two levels of maps, not a joined key (joining builds a new string to hash on every call)
  const byRoot = cacheOf(profileCache, config);
  let cache = byRoot.get(r ?? '');
  if (!cache) byRoot.set(r ?? '', (cache = new Map()));
  const hit = cache.get(path);
  if (hit) return hit;
  const rel = relativeToRoot(path, r);
  let found: Profile | undefined;
  for (const p of config?.profiles ?? []) {
    if (p.files.some((g) => globMatch(g, rel))) { found = p; break; }
  }
  found ??= matchFileName(DEFAULT_PROFILE, posixBaseName(path)) ? DEFAULT_PROFILE : DOCUMENT_PROFILE;
  if (cache.size > 20000) cache.clear();
  cache.set(path, found);
  return found;
}

const NO_CONFIG = {};
const profileCache = new WeakMap<object, Map<string, Map<string, Profile>>>();
const severityCache = new WeakMap<object, Map<string, SeverityOverride | undefined>>();
let lastSeverityConfig: Config | undefined;
let lastSeverityCache: Map<string, SeverityOverride | undefined> | undefined;
function cacheOf<T>(m: WeakMap<object, Map<string, T>>, config: Config | undefined): Map<string, T> {
  const k = config ?? NO_CONFIG;
  let c = m.get(k);
  if (!c) m.set(k, (c = new Map()));
  return c;
}

/** The severity override configured for a code: exact code first, then its namespaces (`date`). */
export function severityOverride(config: Config | undefined, code: string): SeverityOverride | undefined {
  const rules = config?.rules;
  if (!rules) return undefined;
  // (the last config's cache is at hand: validate asks once per rule and document, all with one config)
  const cache = config === lastSeverityConfig && lastSeverityCache ? lastSeverityCache : cacheOf(severityCache, config);
  lastSeverityConfig = config;
  lastSeverityCache = cache;
  if (cache.has(code)) return cache.get(code);
  let result: SeverityOverride | undefined;
  if (code in rules) result = rules[code];
  else {
    let c = code;
    while (c.includes('.')) {
      c = c.slice(0, c.lastIndexOf('.'));
      if (c in rules) { result = rules[c]; break; }
    }
  }
  if (cache.size > 5000) cache.clear();
  cache.set(code, result);
  return result;
}
