import { type SignInProblem, useSession } from '@tiltak/dashboard-data-access';
import { type MessageKey, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

const PROBLEM_TEXT: Record<SignInProblem, MessageKey> = {
  WRONG_CREDENTIALS: 'signIn.wrongCredentials',
  THROTTLED: 'signIn.throttled',
  UNAVAILABLE: 'signIn.unavailable',
};

/** The sign-in form: e-mail and password, or the municipality's single sign-on where it is set up. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn, state } = useSession();
  const reason = state.status === 'signed-out' ? state.reason : null;
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const emailId = useId();
  const passwordId = useId();
  const problemRef = useRef<HTMLParagraphElement>(null);

  useDocumentTitle(t('signIn.title'));

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(await signIn(String(form.get('email')), String(form.get('password'))));
    setBusy(false);
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {reason && (
        <p role="status" className="status">
          {t(reason === 'idle' ? 'signIn.idle' : 'signIn.expired')}
        </p>
      )}
      <p>{t('signIn.intro')}</p>
      {problem && (
        <p role="alert" tabIndex={-1} ref={problemRef} className="status status--error">
          {t(PROBLEM_TEXT[problem])}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={emailId}>{t('signIn.email')}</label>
        <input id={emailId} name="email" type="email" autoComplete="username" required />
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        <input id={passwordId} name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
