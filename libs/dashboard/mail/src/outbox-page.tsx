import { useQuery } from '@apollo/client/react';
import { MailOutboxDocument, type MailOutboxQuery } from '@tiltak/dashboard-data-access';
import { formatDateTime, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';

const PAGE_SIZE = 25;

type Mail = MailOutboxQuery['mailOutbox']['edges'][number]['node'];

/** `/outbox`: admins read every mail Tiltak sent, kept (no SMTP server configured) or gave up. */
export function OutboxPage() {
  const { t, locale } = useI18n();
  const { data, error, fetchMore } = useQuery(MailOutboxDocument, { variables: { first: PAGE_SIZE } });
  const [older, setOlder] = useState<Mail[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useDocumentTitle(t('outbox.title'));

  if (error && !data) return <StatusMessage kind="error">{t('outbox.refused')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;

  const outbox = data.mailOutbox;
  const mails = [...outbox.edges.map((edge) => edge.node), ...older];
  const nextCursor = older.length === 0 ? (outbox.pageInfo.endCursor ?? null) : cursor;
  const hasMore = older.length === 0 ? outbox.pageInfo.hasNextPage : cursor !== null;

  const showOlder = async () => {
    setLoading(true);
    try {
      const { data: page } = await fetchMore({ variables: { first: PAGE_SIZE, after: nextCursor } });
      if (!page) return;
      setOlder((kept) => [...kept, ...page.mailOutbox.edges.map((edge) => edge.node)]);
      setCursor(page.mailOutbox.pageInfo.hasNextPage ? (page.mailOutbox.pageInfo.endCursor ?? null) : null);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <p role="status">{t('outbox.shown', { count: mails.length, total: outbox.totalCount })}</p>
      {mails.length > 0 && (
        <ol className="outbox-list">
          {mails.map((mail) => (
            <li key={mail.id}>
              <details>
                <summary>
                  <span className="outbox-list__subject">{mail.subject}</span>{' '}
                  <span>
                    {t('outbox.summary', {
                      recipient: mail.recipient,
                      state: t(`outbox.state.${mail.state}`),
                      when: formatDateTime(locale, mail.createdAt),
                    })}
                  </span>
                </summary>
                <dl className="outbox-list__facts">
                  <dt>{t('outbox.recipient')}</dt>
                  <dd>{mail.recipient}</dd>
                  <dt>{t('outbox.state')}</dt>
                  <dd>{t(`outbox.state.${mail.state}`)}</dd>
                  <dt>{t('outbox.created')}</dt>
                  <dd>
                    <time dateTime={mail.createdAt}>{formatDateTime(locale, mail.createdAt)}</time>
                  </dd>
                  {mail.sentAt && (
                    <>
                      <dt>{t('outbox.sent')}</dt>
                      <dd>
                        <time dateTime={mail.sentAt}>{formatDateTime(locale, mail.sentAt)}</time>
                      </dd>
                    </>
                  )}
                  {mail.lastError && (
                    <>
                      <dt>{t('outbox.lastError', { count: mail.attempts })}</dt>
                      <dd>{mail.lastError}</dd>
                    </>
                  )}
                </dl>
                <pre className="outbox-list__text" lang={mail.language}>
                  {mail.text}
                </pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      {hasMore && (
        <button type="button" onClick={() => void showOlder()} disabled={loading}>
          {t('outbox.more')}
        </button>
      )}
    </>
  );
}
