import { useEffect } from 'react';
import { useI18n } from './i18n-provider';

/**
 * Names the browser tab after the page, then the product: "Oversikt – Tiltak". A page whose name is
 * the product's own ("Tiltak", the list of actions) is not named twice.
 */
export function useDocumentTitle(page: string): void {
  const { t } = useI18n();
  useEffect(() => {
    const product = t('app.name');
    document.title = page === product ? product : t('app.pageTitle', { page });
  }, [page, t]);
}
