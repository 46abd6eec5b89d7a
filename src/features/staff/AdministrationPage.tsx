import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { passwordShapeProblem } from '../../domain/staff-password.ts';
import { AUDIT_ACTION_NAMES } from '../../domain/staff-api.ts';
import { STAFF_ROLE_NAMES, STAFF_ROLES, type StaffRole } from '../../domain/staff-roles.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { ActionMessage } from './ActionMessage.tsx';
import { ClosuresSection } from './ClosuresSection.tsx';
import { accountsQuery, auditQuery, sessionsQuery } from './staff-api.ts';
import styles from './staff.module.css';
import { type StaffScreenProps, useSignedOutOnFailure, useStaffAction } from './use-staff-action.ts';
import { formatInstant } from './words.ts';

type Run = ReturnType<typeof useStaffAction>['run'];

function NewAccountForm({ run, busy }: { run: Run; busy: boolean }) {
  const [loginName, setLoginName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<StaffRole>('counter');
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordShapeProblem(password, loginName);
    setPasswordError(problem ?? undefined);
    if (problem) return;
    if (await run('POST', '/accounts', { loginName, displayName, role, password }, `${loginName} を追加しました。`)) {
      setLoginName('');
      setDisplayName('');
      setPassword('');
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h3>アカウントを追加する</h3>
      <TextField label="ログイン名" hint="半角の小文字・数字（例：tanaka.h）" autoComplete="off" autoCapitalize="none" value={loginName} onChange={(event) => setLoginName(event.target.value)} />
      <TextField label="名前" value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
      <SelectField label="役割" value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
        {STAFF_ROLES.map((candidate) => (
          <option key={candidate} value={candidate}>
            {STAFF_ROLE_NAMES[candidate]}
          </option>
        ))}
      </SelectField>
      <TextField label="最初のパスワード" hint="12文字以上。本人に直接伝えてください。" type="password" autoComplete="new-password" value={password} error={passwordError} onChange={(event) => setPassword(event.target.value)} />
      <Button type="submit" disabled={busy}>
        追加する
      </Button>
    </form>
  );
}

function NewPasswordForm({ loginName, run, busy, onDone }: { loginName: string; run: Run; busy: boolean; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = passwordShapeProblem(password, loginName);
    setError(problem ?? undefined);
    if (problem) return;
    if (await run('POST', `/accounts/${loginName}/password`, { password }, `${loginName} のパスワードを変え、ロックを解除しました。`)) onDone();
  };
  return (
    <form className={styles.panel} onSubmit={(event) => void submit(event)} noValidate>
      <h3>{loginName} のパスワードを再設定する</h3>
      <p>ロックも解除され、ログイン中の端末はログアウトします。</p>
      <TextField label="新しいパスワード" type="password" autoComplete="new-password" autoFocus value={password} error={error} onChange={(event) => setPassword(event.target.value)} />
      <div className={styles.actions}>
        <Button type="submit" disabled={busy}>
          再設定する
        </Button>
        <Button variant="secondary" onClick={onDone}>
          やめる
        </Button>
      </div>
    </form>
  );
}

/** 管理者: accounts, the sessions open now, and the audit log. */
export function AdministrationPage(props: StaffScreenProps) {
  const accounts = useQuery(accountsQuery());
  const sessions = useQuery(sessionsQuery());
  const audit = useQuery(auditQuery());
  useSignedOutOnFailure(accounts.error ?? sessions.error ?? audit.error, props.onSignedOut);
  const { run, message, busy } = useStaffAction(props);
  const [resetting, setResetting] = useState<string | null>(null);
  const ids = { accounts: useId(), sessions: useId(), audit: useId() };
  const failure = accounts.error ?? sessions.error ?? audit.error;

  return (
    <Page heading="管理" section="職員">
      <ActionMessage message={message} />
      {failure && (
        <p className={styles.error} role="alert">
          {failure.message}
        </p>
      )}

      <h2>アカウント</h2>
      {resetting && <NewPasswordForm loginName={resetting} run={run} busy={busy} onDone={() => setResetting(null)} />}
      {accounts.data && (
        <div className={styles.tableRegion} role="region" aria-labelledby={ids.accounts} tabIndex={0}>
          <table className={styles.table}>
            <caption id={ids.accounts}>職員のアカウント（{String(accounts.data.accounts.length)}件）</caption>
            <thead>
              <tr>
                <th scope="col">ログイン名</th>
                <th scope="col">名前</th>
                <th scope="col">役割</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.accounts.map((account) => (
                <tr key={account.loginName}>
                  <td className={styles.code}>{account.loginName}</td>
                  <td>{account.displayName}</td>
                  <td>{STAFF_ROLE_NAMES[account.role]}</td>
                  <td>{account.disabled ? '停止中' : account.lockedUntil ? `ロック中（${formatInstant(account.lockedUntil)}まで）` : '利用中'}</td>
                  <td>
                    <div className={styles.actions}>
                      <Button variant="secondary" disabled={busy} onClick={() => setResetting(account.loginName)} aria-label={`${account.loginName} のパスワードを再設定する`}>
                        パスワードを再設定する
                      </Button>
                      {!account.disabled && (
                        <Button
                          variant="secondary"
                          disabled={busy}
                          aria-label={`${account.loginName} を停止する`}
                          onClick={() => void run('POST', `/accounts/${account.loginName}/disable`, undefined, `${account.loginName} を停止しました。`)}
                        >
                          停止する
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewAccountForm run={run} busy={busy} />

      <h2>ログイン中の端末</h2>
      {sessions.data && (
        <div className={styles.tableRegion} role="region" aria-labelledby={ids.sessions} tabIndex={0}>
          <table className={styles.table}>
            <caption id={ids.sessions}>ログイン中（{String(sessions.data.sessions.length)}件）</caption>
            <thead>
              <tr>
                <th scope="col">番号</th>
                <th scope="col">ログイン名</th>
                <th scope="col">役割</th>
                <th scope="col">ログインした時刻</th>
                <th scope="col">最後の操作</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.sessions.map((session) => (
                <tr key={session.id}>
                  <td>#{session.id}</td>
                  <td className={styles.code}>{session.loginName}</td>
                  <td>{STAFF_ROLE_NAMES[session.role]}</td>
                  <td>{formatInstant(session.startedAt)}</td>
                  <td>{formatInstant(session.lastSeenAt)}</td>
                  <td>
                    {session.current ? (
                      'この端末'
                    ) : (
                      <Button variant="secondary" disabled={busy} aria-label={`#${String(session.id)}（${session.loginName}）を切断する`} onClick={() => void run('DELETE', `/sessions/${String(session.id)}`, undefined, `#${String(session.id)} を切断しました。`)}>
                        切断する
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ClosuresSection run={run} busy={busy} onSignedOut={props.onSignedOut} />

      <h2>操作の記録</h2>
      {audit.data && (
        <div className={styles.tableRegion} role="region" aria-labelledby={ids.audit} tabIndex={0}>
          <table className={styles.table}>
            <caption id={ids.audit}>新しい順（最大500件）</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">だれが</th>
                <th scope="col">操作</th>
                <th scope="col">対象</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatInstant(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>{AUDIT_ACTION_NAMES[entry.action]}</td>
                  <td className={styles.code}>{entry.target ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
