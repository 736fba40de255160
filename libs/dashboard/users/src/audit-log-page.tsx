import { useQuery } from '@apollo/client/react';
import { AuditLogDocument, type AuditLogQuery } from '@tiltak/dashboard-data-access';
import { formatDateTime, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';
import { Link } from 'react-router';

const PAGE_SIZE = 50;

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

/** The entry's details as a person reads them ("from: COUNCIL, to: ADMIN"), not as JSON. */
function readableDetail(detail: string | null | undefined): string {
  if (!detail) return '';
  try {
    return Object.entries(JSON.parse(detail) as Record<string, unknown>)
      .map(([key, value]) => `${key}: ${value === null ? '–' : String(value)}`)
      .join(', ');
  } catch {
    return detail;
  }
}

/** `/users/audit`: admins read who signed in, failed to, signed out, and whose role or password changed. */
export function AuditLogPage() {
  const { t, locale } = useI18n();
  const { data, error, fetchMore } = useQuery(AuditLogDocument, { variables: { first: PAGE_SIZE } });
  const [older, setOlder] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useDocumentTitle(t('audit.title'));

  if (error && !data) return <StatusMessage kind="error">{t('audit.refused')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;

  const log = data.auditLog;
  const entries = [...log.edges.map((edge) => edge.node), ...older];
  const nextCursor = older.length === 0 ? (log.pageInfo.endCursor ?? null) : cursor;
  const hasMore = older.length === 0 ? log.pageInfo.hasNextPage : cursor !== null;

  // Older pages are kept beside the first, so live refetches of the newest page never drop them.
  const showOlder = async () => {
    setLoading(true);
    try {
      const { data: page } = await fetchMore({ variables: { first: PAGE_SIZE, after: nextCursor } });
      if (!page) return;
      setOlder((kept) => [...kept, ...page.auditLog.edges.map((edge) => edge.node)]);
      setCursor(page.auditLog.pageInfo.hasNextPage ? (page.auditLog.pageInfo.endCursor ?? null) : null);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <p>
        <Link to="/users">{t('users.title')}</Link>
      </p>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <p role="status">{t('audit.shown', { count: entries.length, total: log.totalCount })}</p>
      <div className="matrix">
        <table className="actions-table">
          <caption className="visually-hidden">{t('audit.count', { count: log.totalCount })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.outcome')}</th>
              <th scope="col">{t('audit.account')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.address')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">
                  <time dateTime={entry.occurredAt}>{formatDateTime(locale, entry.occurredAt)}</time>
                </th>
                <td>{t(`audit.action.${entry.action}`)}</td>
                <td>{t(`audit.outcome.${entry.outcome}`)}</td>
                <td>{entry.email ?? '–'}</td>
                <td>{entry.actorEmail ?? '–'}</td>
                <td>{entry.address ?? '–'}</td>
                <td>{readableDetail(entry.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasMore && (
        <button type="button" onClick={() => void showOlder()} disabled={loading}>
          {t('audit.more')}
        </button>
      )}
    </>
  );
}
