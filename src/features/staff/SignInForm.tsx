import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { signInWithPasskey } from './passkeys.ts';
import { signIn, staffSessionKey } from './staff-api.ts';
import styles from './staff.module.css';
import { failureMessage } from './words.ts';

/** The staff sign-in. `notice` says why the clerk is here again (an idle timeout, a sign-out). */
export function SignInForm({ notice }: { notice: string | null }) {
  const queryClient = useQueryClient();
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);

  // Only where the browser has WebAuthn at all; whether this server has passkeys set up, it says when asked.
  const [passkeysInBrowser] = useState(() => typeof window !== 'undefined' && 'PublicKeyCredential' in window);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      queryClient.setQueryData(staffSessionKey, await signIn(loginName.trim(), password));
    } catch (failure) {
      setError(failureMessage(failure));
      setPassword('');
      setSending(false);
      passwordField.current?.focus();
    }
  };

  const withPasskey = async () => {
    setSending(true);
    setError(null);
    try {
      queryClient.setQueryData(staffSessionKey, await signInWithPasskey());
    } catch (failure) {
      setError(failureMessage(failure));
      setSending(false);
    }
  };

  return (
    <Page heading="職員のログイン">
      {notice && (
        <p className={styles.panel} role="status">
          {notice}
        </p>
      )}
      <p>市役所の職員の方が、予約の受付や確認に使う画面です。</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {error && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}
        <TextField
          label="ログイン名"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={loginName}
          onChange={(event) => setLoginName(event.target.value)}
        />
        <TextField
          ref={passwordField}
          label="パスワード"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" disabled={sending}>
          {sending ? 'ログインしています…' : 'ログインする'}
        </Button>
      </form>
      {passkeysInBrowser && (
        <section aria-labelledby="passkey-sign-in-heading">
          <h2 id="passkey-sign-in-heading">パスキーでログイン</h2>
          <p>パスキーを登録した方は、ログイン名もパスワードも入力せずに、このパソコンの指紋・顔・PIN（または登録した鍵）でログインできます。</p>
          <Button variant="secondary" disabled={sending} onClick={() => void withPasskey()}>
            パスキーでログインする
          </Button>
        </section>
      )}
    </Page>
  );
}
