import type { Locale } from './types';

/** Map a BCP 47 tag (VS Code's display language, LANG, --locale) to a supported locale. */
export function localeFrom(tag: string | undefined | null): Locale {
  if (!tag) return 'en';
  const primary = tag.trim().toLowerCase().replace(/_/g, '-').split(/[-.@]/)[0];
  return primary === 'nb' || primary === 'no' || primary === 'nn' ? 'nb' : 'en';
}

/** Pick the text of a localised message. */
export function localise(message: { en: string; nb: string }, locale: Locale): string {
  return message[locale] ?? message.en;
}
