import { useMutation, useQuery } from '@apollo/client/react';
import {
  type Language,
  type MailKind,
  MailSettingsDocument,
  refusalOf,
  UpdateMailSettingsDocument,
} from '@tiltak/dashboard-data-access';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { LANGUAGES, MAIL_KINDS } from '@tiltak/domain';
import { OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useState } from 'react';

/** `/mail-settings`: every user chooses the language of their mail and which kinds they get. */
export function MailSettingsPage() {
  const { t } = useI18n();
  const { data, error } = useQuery(MailSettingsDocument);
  const [save, saving] = useMutation(UpdateMailSettingsDocument);
  const [message, setMessage] = useState<{ text: string; refused: boolean } | null>(null);

  useDocumentTitle(t('mailSettings.title'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  const settings = data.mailSettings;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const wanted = new Set(form.getAll('kind').map(String));
    setMessage(null);
    try {
      await save({
        variables: {
          input: {
            language: String(form.get('language')) as Language,
            stopped: MAIL_KINDS.filter((kind) => !wanted.has(kind)) as MailKind[],
          },
        },
      });
      setMessage({ text: t('mailSettings.saved'), refused: false });
    } catch (caught) {
      const refusal = refusalOf(caught);
      setMessage({
        text: refusal.reason === 'other' ? t('mailSettings.refused') : t(`refusal.${refusal.reason}`),
        refused: true,
      });
    }
  };

  return (
    <>
      <h1>{t('mailSettings.title')}</h1>
      <p>{t('mailSettings.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="mail-settings">
        <fieldset>
          <legend>{t('mailSettings.kinds')}</legend>
          {MAIL_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input type="checkbox" name="kind" value={kind} defaultChecked={!settings.stopped.includes(kind)} />{' '}
              {t(`mailSettings.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('mailSettings.language')}</legend>
          {LANGUAGES.map((language) => (
            <label key={language} className="choice">
              <input type="radio" name="language" value={language} defaultChecked={settings.language === language} />{' '}
              <span lang={language}>{t(`language.${language}`)}</span>
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={saving.loading}>
          {t('mailSettings.save')}
        </button>
      </form>
      <OutcomeMessage text={message?.text} refused={message?.refused} />
    </>
  );
}
