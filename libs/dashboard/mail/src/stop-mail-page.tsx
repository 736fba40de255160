import { type MailKind, StopMailDocument } from '@tiltak/dashboard-data-access';
import { print } from 'graphql';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';

type Outcome = { state: 'stopping' } | { state: 'stopped'; kind: MailKind } | { state: 'invalid' | 'failed' };

/**
 * `/stop-mail/:token`, the link at the foot of every mail: one click stops that kind of mail, signed
 * in or not (the token, signed by the server, says whose and which). The page says what stopped and
 * where to turn it on again.
 */
export function StopMailPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'stopping' });

  useDocumentTitle(t('stopMail.title'));

  useEffect(() => {
    let current = true;
    const stop = async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: print(StopMailDocument), variables: { token } }),
      });
      const body = (await response.json()) as {
        data?: { stopMail: { kind: MailKind } } | null;
        errors?: { extensions?: { code?: string } }[];
      };
      if (!current) return;
      if (body.data?.stopMail) setOutcome({ state: 'stopped', kind: body.data.stopMail.kind });
      else if (body.errors?.[0]?.extensions?.code === 'NOT_FOUND') setOutcome({ state: 'invalid' });
      else setOutcome({ state: 'failed' });
    };
    stop().catch(() => current && setOutcome({ state: 'failed' }));
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <>
      <h1>{t('stopMail.title')}</h1>
      {outcome.state === 'stopping' && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
      {outcome.state === 'stopped' && (
        <p role="status">{t('stopMail.stopped', { kind: t(`mailSettings.kind.${outcome.kind}`) })}</p>
      )}
      {outcome.state === 'invalid' && <StatusMessage kind="error">{t('stopMail.invalid')}</StatusMessage>}
      {outcome.state === 'failed' && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
      <p>
        <a href="/mail-settings">{t('stopMail.settings')}</a>
      </p>
    </>
  );
}
