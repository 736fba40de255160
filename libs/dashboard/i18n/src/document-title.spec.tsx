import { render } from '@testing-library/react';
import { useDocumentTitle } from './document-title';
import { I18nProvider } from './i18n-provider';
import type { Locale } from './translate';

function Page({ name }: { name: string }) {
  useDocumentTitle(name);
  return null;
}

const titleOf = (name: string, locale: Locale = 'nb') => {
  render(
    <I18nProvider initialLocale={locale}>
      <Page name={name} />
    </I18nProvider>,
  );
  return document.title;
};

describe('useDocumentTitle', () => {
  it('names the page, then the product', () => {
    expect(titleOf('Oversikt')).toBe('Oversikt – Tiltak');
    expect(titleOf('Overview', 'en')).toBe('Overview – Tiltak');
  });

  it('does not name the product twice when the page has its name', () => {
    expect(titleOf('Tiltak')).toBe('Tiltak');
  });
});
