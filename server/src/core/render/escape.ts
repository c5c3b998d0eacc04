/**
 * Escaping and URL sanitising for the HTML renderer. Everything that reaches the output
 * goes through `esc` (text and attribute values; attributes are always double-quoted).
 */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for use in element content and in double-quoted attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

/** Schemes a link may use. Anything else with a scheme (javascript:, data:, vbscript:, file: …) is dropped. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'ftp', 'ftps', 'tel', 'news', 'irc', 'xmpp', 'sftp', 'ssh', 'git']);

/**
 * Returns the URL to put in an href/src, or undefined when it must be dropped.
 * Browsers ignore ASCII tab/newline inside URLs and leading control characters/spaces, so those are
 * removed before looking at the scheme (`java\tscript:` is still `javascript:`).
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '');
  if (cleaned === '') return undefined;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  if (m) {
    if (!SAFE_SCHEMES.has(m[1].toLowerCase())) return undefined;
  } else if (/^[^/?#]*:/.test(cleaned)) {
    // A colon before any '/', '?' or '#' with a non-standard "scheme" (e.g. "&#106;avascript:" or "1x:") —
    // not a relative path a writer means; drop it.
    return undefined;
  }
  return cleaned;
}

/** Is this an absolute URL with a scheme (http:, mailto: …)? */
export function hasScheme(url: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url);
}

/** CSS length as accepted by docutils' image options; undefined when not a plain length. */
export function safeLength(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(px|em|ex|pt|pc|cm|mm|in|%|rem|vw|vh)?$/i.exec(t);
  if (!m) return undefined;
  return m[1] + (m[2] ? m[2].toLowerCase() : 'px');
}
