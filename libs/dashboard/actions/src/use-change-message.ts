import { refusalOf, type RefusalReason } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { useCallback, useState } from 'react';

export interface ChangeMessage {
  text: string;
  refused: boolean;
}

/**
 * Runs one change and keeps what to tell the user about it: what was done, or why the server
 * refused it. `onRefused` lets the caller react, for example by fetching what is saved now.
 */
export function useChangeMessage(onRefused?: (reason: RefusalReason) => Promise<unknown>) {
  const { t } = useI18n();
  const [message, setMessage] = useState<ChangeMessage | null>(null);
  const run = useCallback(
    async (change: () => Promise<unknown>, done: string) => {
      setMessage(null);
      try {
        await change();
        setMessage({ text: done, refused: false });
      } catch (error) {
        const { reason, detail } = refusalOf(error);
        setMessage({ text: t(`refusal.${reason}`, { reason: detail }), refused: true });
        await onRefused?.(reason);
      }
    },
    [onRefused, t],
  );
  return { message, run };
}
