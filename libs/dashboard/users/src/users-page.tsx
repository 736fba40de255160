import { useQuery } from '@apollo/client/react';
import { UsersDocument } from '@tiltak/dashboard-data-access';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { UserForm } from './user-form';

/** `/users`: admins see every user, change their role, assignment or access, and add new ones. */
export function UsersPage() {
  const { t } = useI18n();
  const { data, error } = useQuery(UsersDocument);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  useDocumentTitle(t('users.title'));

  if (error && !data) return <StatusMessage kind="error">{t('users.refused')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;

  const municipality = new Map(data.municipalities.map((m) => [m.id, m.name]));
  const party = new Map(data.parties.map((p) => [p.id, p.name]));
  const editedUser = data.users.find((user) => user.id === editing);
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p>
        <Link to="/users/audit">{t('audit.link')}</Link>
      </p>
      <OutcomeMessage text={message} />
      <div className="matrix">
        <table className="actions-table">
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.assignment')}</th>
              <th scope="col">{t('users.access')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.name}</th>
                <td>{user.email}</td>
                <td>{t(`role.${user.role}`)}</td>
                <td>
                  {(user.municipalityId && municipality.get(user.municipalityId)) ??
                    (user.partyId && party.get(user.partyId)) ??
                    '–'}
                </td>
                <td>{user.active ? t('users.activeYes') : t('users.activeNo')}</td>
                <td>
                  <button type="button" onClick={() => setEditing(user.id)}>
                    {t('users.edit')}
                    <span className="visually-hidden">: {user.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="action__columns">
        {editedUser && (
          <UserForm
            key={`${editedUser.id}-${editedUser.version}`}
            user={editedUser}
            choices={data}
            onDone={done}
            onCancel={() => setEditing(null)}
          />
        )}
        <UserForm choices={data} onDone={done} />
      </div>
    </>
  );
}
