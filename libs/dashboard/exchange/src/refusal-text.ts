import { useI18n } from '@tiltak/dashboard-i18n';

/** The refusals the exchange addresses answer with, said in words of their own; others by number. */
const EXPLAINED = [0, 401, 403, 413, 429, 503] as const;
type Explained = (typeof EXPLAINED)[number];

function isExplained(status: number): status is Explained {
  return (EXPLAINED as readonly number[]).includes(status);
}

export function useRefusalText(): (status: number) => string {
  const { t } = useI18n();
  return (status) =>
    isExplained(status) ? t(`exchange.refused.${status}`) : t('exchange.refused.other', { status: String(status) });
}
