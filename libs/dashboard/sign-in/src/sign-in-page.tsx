import { type SignInProblem, useSession } from '@tiltak/dashboard-data-access';
import { type MessageKey, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

const PROBLEM_TEXT: Record<SignInProblem, MessageKey> = {
  WRONG_CREDENTIALS: 'signIn.wrongCredentials',
  THROTTLED: 'signIn.throttled',
  UNAVAILABLE: 'signIn.unavailable',
};

type Field = 'email' | 'password';

/** What is wrong with each field before anything is sent: empty, or not an e-mail address. */
function fieldProblems(form: HTMLFormElement): Partial<Record<Field, MessageKey>> {
  const email = form.elements.namedItem('email') as HTMLInputElement;
  const password = form.elements.namedItem('password') as HTMLInputElement;
  return {
    ...(email.validity.valueMissing && { email: 'signIn.emailMissing' }),
    ...(email.validity.typeMismatch && { email: 'signIn.emailInvalid' }),
    ...(password.validity.valueMissing && { password: 'signIn.passwordMissing' }),
  };
}

/** The sign-in form: e-mail and password, or the municipality's single sign-on where it is set up. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn, state } = useSession();
  const reason = state.status === 'signed-out' ? state.reason : null;
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [invalid, setInvalid] = useState<Partial<Record<Field, MessageKey>>>({});
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
    // Checked here, so that an empty field is named as such rather than answered by the server with
    // "wrong e-mail address or password". The first field to fix takes the focus; its message is read with it.
    const problems = fieldProblems(event.currentTarget);
    setInvalid(problems);
    const first = (['email', 'password'] as const).find((field) => problems[field]);
    if (first) {
      setProblem(null);
      (event.currentTarget.elements.namedItem(first) as HTMLInputElement).focus();
      return;
    }
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(await signIn(String(form.get('email')), String(form.get('password'))));
    setBusy(false);
  };

  const fieldProblem = (field: Field, inputId: string) => {
    const key = invalid[field];
    return (
      key && (
        <p id={`${inputId}-problem`} className="status--error">
          {t(key)}
        </p>
      )
    );
  };
  // Typing in a field takes its message away; the next attempt to sign in checks again.
  const describedBy = (field: Field, inputId: string) =>
    invalid[field]
      ? {
          'aria-invalid': true as const,
          'aria-describedby': `${inputId}-problem`,
          onInput: () => setInvalid((current) => ({ ...current, [field]: undefined })),
        }
      : {};

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
        {fieldProblem('email', emailId)}
        <input
          id={emailId}
          name="email"
          type="email"
          autoComplete="username"
          required
          {...describedBy('email', emailId)}
        />
        <label htmlFor={passwordId}>{t('signIn.password')}</label>
        {fieldProblem('password', passwordId)}
        <input
          id={passwordId}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...describedBy('password', passwordId)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
