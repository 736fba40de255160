import { useMutation } from '@apollo/client/react';
import {
  CreateUserDocument,
  type Refusal,
  refusalOf,
  type Role,
  UpdateUserDocument,
  type UserFieldsFragment,
  UsersDocument,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { MIN_PASSWORD_LENGTH, ROLES } from '@tiltak/domain';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

interface Choices {
  municipalities: { id: string; name: string }[];
  parties: { id: string; name: string }[];
}

/**
 * Creates a user (`user` absent) or changes one. A coordinator needs a municipality and a project
 * lead a party, so only the field the chosen role needs is shown. Without a password a new user is
 * invited to sign in through single sign-on.
 */
export function UserForm({
  user,
  choices,
  onDone,
  onCancel,
}: {
  user?: UserFieldsFragment;
  choices: Choices;
  onDone(message: string): void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role>(user?.role ?? 'COUNCIL');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [create, creating] = useMutation(CreateUserDocument, { refetchQueries: [UsersDocument] });
  const [update, updating] = useMutation(UpdateUserDocument);
  const heading = useRef<HTMLHeadingElement>(null);
  const errorId = useId();
  const id = useId();

  // Opening a user's form moves focus to it, so keyboard and screen-reader users land where they work.
  useEffect(() => {
    if (user) heading.current?.focus();
  }, [user]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const assignment = {
      ...(role === 'COORDINATOR' && { municipalityId: text('municipalityId') || null }),
      ...(role === 'PROJECT_LEAD' && { partyId: text('partyId') || null }),
    };
    setRefusal(null);
    try {
      if (user) {
        await update({
          variables: {
            input: {
              userId: user.id,
              expectedVersion: user.version,
              name: text('name'),
              role,
              active: form.get('active') === 'on',
              ...assignment,
            },
          },
        });
        onDone(t('users.saved', { name: text('name') }));
      } else {
        await create({
          variables: {
            input: {
              name: text('name'),
              email: text('email'),
              role,
              ...assignment,
              ...(text('password') && { password: text('password') }),
            },
          },
        });
        element.reset();
        setRole('COUNCIL');
        onDone(t('users.created', { name: text('name') }));
      }
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };

  const invalid = (field: string) =>
    refusal?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};

  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {user ? t('users.editTitle', { name: user.name }) : t('users.newTitle')}
      </h2>
      {refusal && (
        <p id={errorId} role="alert" className="status--error">
          {t(`refusal.${refusal.reason}`, { reason: refusal.detail })}
        </p>
      )}
      <label htmlFor={`${id}-name`}>{t('users.name')}</label>
      <input
        id={`${id}-name`}
        name="name"
        required
        maxLength={200}
        defaultValue={user?.name}
        autoComplete="off"
        {...invalid('name')}
      />
      {!user && (
        <>
          <label htmlFor={`${id}-email`}>{t('users.email')}</label>
          <input id={`${id}-email`} name="email" type="email" required autoComplete="off" {...invalid('email')} />
        </>
      )}
      <label htmlFor={`${id}-role`}>{t('users.role')}</label>
      <select id={`${id}-role`} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {t(`role.${value}`)}
          </option>
        ))}
      </select>
      {role === 'COORDINATOR' && (
        <>
          <label htmlFor={`${id}-municipality`}>{t('users.municipality')}</label>
          <select
            id={`${id}-municipality`}
            name="municipalityId"
            required
            defaultValue={user?.municipalityId ?? ''}
            {...invalid('municipalityId')}
          >
            <option value="" disabled>
              {t('users.choose')}
            </option>
            {choices.municipalities.map((municipality) => (
              <option key={municipality.id} value={municipality.id}>
                {municipality.name}
              </option>
            ))}
          </select>
        </>
      )}
      {role === 'PROJECT_LEAD' && (
        <>
          <label htmlFor={`${id}-party`}>{t('users.party')}</label>
          <select id={`${id}-party`} name="partyId" required defaultValue={user?.partyId ?? ''} {...invalid('partyId')}>
            <option value="" disabled>
              {t('users.choose')}
            </option>
            {choices.parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </>
      )}
      {!user && (
        <>
          <label htmlFor={`${id}-password`}>{t('users.password', { min: MIN_PASSWORD_LENGTH })}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
            aria-describedby={`${id}-password-hint`}
            {...invalid('password')}
          />
          <span id={`${id}-password-hint`} className="hint">
            {t('users.passwordHint')}
          </span>
        </>
      )}
      {user && (
        <label className="filters__check">
          <input name="active" type="checkbox" defaultChecked={user.active} /> {t('users.active')}
        </label>
      )}
      <div className="button-row">
        <button type="submit" disabled={creating.loading || updating.loading}>
          {user ? t('users.save') : t('users.create')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('users.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
