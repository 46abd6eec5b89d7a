import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { StaffSessionAnswer } from '../../domain/staff-api.ts';
import { STAFF_ROLE_NAMES } from '../../domain/staff-roles.ts';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { AdministrationPage } from './AdministrationPage.tsx';
import { CounterDeskPage } from './CounterDeskPage.tsx';
import { FacilityDeskPage } from './FacilityDeskPage.tsx';
import { FiguresSection } from './FiguresSection.tsx';
import { PasskeysSection } from './PasskeysSection.tsx';
import { SignInForm } from './SignInForm.tsx';
import { staffChange, staffSessionKey, staffSessionQuery } from './staff-api.ts';
import styles from './staff.module.css';
import { failureMessage } from './words.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';

const IDLE_NOTICE = 'しばらく操作がなかったため、ログアウトしました。続けるときは、もう一度ログインしてください。';

/**
 * A shared counter PC must not keep showing citizens' bookings: after the idle time without a key
 * or a click, the screen forgets everything it fetched. The server ends the session at the same
 * time on its own, so this is for the screen, not the security of the session.
 */
function useForgetWhenIdle(session: StaffSessionAnswer | null | undefined, onIdle: () => void): void {
  useEffect(() => {
    if (!session) return;
    let timer = window.setTimeout(onIdle, session.idleMinutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, session.idleMinutes * 60_000);
    };
    window.addEventListener('keydown', restart);
    window.addEventListener('pointerdown', restart);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', restart);
      window.removeEventListener('pointerdown', restart);
    };
  }, [session, onIdle]);
}

/** /staff: the sign-in, then the screen of the clerk's role. Loaded only when visited. */
export function StaffApp() {
  const queryClient = useQueryClient();
  const session = useQuery(staffSessionQuery());
  const [notice, setNotice] = useState<string | null>(null);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  const forget = (message: string) => {
    // The session's own query is kept and set to null, not removed: the screen observes that query, and a
    // removed one would go on showing the old session until something else re-rendered (a second
    // sign-out in one visit, whose notice is the same text, did not).
    queryClient.removeQueries({ queryKey: ['staff'], predicate: (query) => query.queryKey[1] !== 'session' });
    queryClient.setQueryData(staffSessionKey, null);
    setNotice(message);
  };
  const [onIdle] = useState(() => () => forget(IDLE_NOTICE));
  useForgetWhenIdle(session.data, onIdle);

  if (session.isPending) {
    return (
      <Page heading="職員の画面">
        <p role="status">確かめています…</p>
      </Page>
    );
  }
  if (session.isError) {
    return (
      <Page heading="職員の画面">
        <p className={styles.error} role="alert">
          {session.error.message}
        </p>
      </Page>
    );
  }
  if (!session.data) return <SignInForm notice={notice} />;

  const { account, csrfToken } = session.data;
  const signOut = async () => {
    try {
      await staffChange(csrfToken, staffContracts.signOut);
      forget('ログアウトしました。');
    } catch (failure) {
      setSignOutError(failureMessage(failure));
    }
  };
  /** A call answered 401: the session ended (idle, revoked, stopped); back to the sign-in. */
  const onSignedOut = () => forget('ログインが切れました。もう一度ログインしてください。');

  return (
    <div className={styles.wide}>
      <div className={styles.bar}>
        <p>
          {account.displayName}（{STAFF_ROLE_NAMES[account.role]}）でログインしています
        </p>
        <Button variant="secondary" onClick={() => void signOut()}>
          ログアウトする
        </Button>
        {signOutError && (
          <p className={styles.error} role="alert">
            {signOutError}
          </p>
        )}
      </div>
      {account.role === 'counter' && <CounterDeskPage csrfToken={csrfToken} onSignedOut={onSignedOut} />}
      {account.role === 'facility' && <FacilityDeskPage csrfToken={csrfToken} onSignedOut={onSignedOut} />}
      {account.role === 'admin' && <AdministrationPage csrfToken={csrfToken} onSignedOut={onSignedOut} />}
      <FiguresSection onSignedOut={onSignedOut} />
      {session.data.passkeys && <PasskeysSection csrfToken={csrfToken} onSignedOut={onSignedOut} />}
    </div>
  );
}
