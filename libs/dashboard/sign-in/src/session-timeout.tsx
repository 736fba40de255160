import { IDLE_LIMIT_MS, useIdleTimeout, useSession } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { useCallback, useEffect, useId, useRef } from 'react';

/**
 * Warns a signed-in user who has been idle that they are about to be signed out, with a countdown
 * and one button to stay (WCAG 2.2.1). Escape counts as staying: whoever pressed it is there.
 */
export function SessionTimeout() {
  const { t } = useI18n();
  const { state, store, signOut } = useSession();
  const onTimeout = useCallback(() => void signOut('idle'), [signOut]);
  const { secondsLeft, extend } = useIdleTimeout(state.status === 'signed-in', onTimeout);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const open = secondsLeft !== null;

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);

  const stay = () => {
    extend();
    // Also asks the server, so a session it has ended meanwhile shows as ended now, not later.
    void store.refresh();
  };

  // Nobody to warn before sign-in, and the sign-in form then needs no number formatting at all.
  if (state.status !== 'signed-in') return null;
  const left = secondsLeft ?? 0;
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="session-timeout"
      onCancel={(event) => {
        event.preventDefault();
        stay();
      }}
    >
      <h2 id={titleId}>{t('timeout.title')}</h2>
      <p id={bodyId}>
        {t('timeout.body', { idle: Math.round(IDLE_LIMIT_MS / 60_000) })}{' '}
        <strong>
          {t('timeout.left', { minutes: Math.floor(left / 60), seconds: String(left % 60).padStart(2, '0') })}
        </strong>
      </p>
      <div className="button-row">
        <button type="button" className="button--primary" onClick={stay} autoFocus>
          {t('timeout.stay')}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t('session.signOut')}
        </button>
      </div>
    </dialog>
  );
}
