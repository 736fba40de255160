import { LOCALE_TAGS, useI18n } from '@tiltak/dashboard-i18n';
import type { ReactNode } from 'react';

/** The language the programme's own texts are written in: titles, descriptions, names and comments. */
export const CONTENT_LANG = LOCALE_TAGS.nb;

/**
 * `lang` for an element holding the programme's texts: set only when the interface speaks another
 * language, so a screen reader reads "Smarte samfunn" with a Norwegian voice on an English page.
 */
export function useContentLang(): string | undefined {
  const { locale } = useI18n();
  return LOCALE_TAGS[locale] === CONTENT_LANG ? undefined : CONTENT_LANG;
}

/** Wraps a piece of the programme's own text (an action's title, a party's name) in its language. */
export function Content({ children }: { children: ReactNode }) {
  const lang = useContentLang();
  return lang ? <span lang={lang}>{children}</span> : children;
}
