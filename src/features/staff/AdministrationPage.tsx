import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { passwordShapeProblem } from '../../domain/staff-password.ts';
import { AUDIT_ACTION_NAMES, SIGN_IN_METHOD_NAMES, type StaffAccountListing } from '../../domain/staff-api.ts';
import { STAFF_ROLE_NAMES, STAFF_ROLES, type StaffRole } from '../../domain/staff-roles.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { ActionMessage } from './ActionMessage.tsx';
import { ClosuresSection } from './ClosuresSection.tsx';
import { DesksSection } from './DesksSection.tsx';
import { RoomBlocksSection } from './RoomBlocksSection.tsx';
import { Identifier, Instant, StaffTable } from './StaffTable.tsx';
import { accountsQuery, auditQuery, sessionsQuery } from './staff-api.ts';
import styles from './staff.module.css';
import { type StaffScreenProps, useSignedOutOnFailure, useStaffAction } from './use-staff-action.ts';
import { staffContracts } from '../../domain/staff-contracts.ts';

type Run = ReturnType<typeof useStaffAction>['run'];

function AccountState({ account }: { account: StaffAccountListing }) {
  if (account.disabled) return '停止中';
  if (!account.lockedUntil) return '利用中';
  return (
    <>
      ロック中（
      <Instant iso={account.lockedUntil} />
      まで）
    </>
  );
}

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
    if (await run(staffContracts.addAccount, { body: { loginName, displayName, role, password } }, `${loginName} を追加しました。`)) {
      setLoginName('');
      setDisplayName('');
      setPassword('');
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h3>アカウントを追加する</h3>
      <TextField
        label="ログイン名"
        hint="半角の小文字・数字（例：tanaka.h）"
        autoComplete="off"
        autoCapitalize="none"
        value={loginName}
        onChange={(event) => setLoginName(event.target.value)}
      />
      <TextField label="名前" value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
      <SelectField label="役割" value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
        {STAFF_ROLES.map((candidate) => (
          <option key={candidate} value={candidate}>
            {STAFF_ROLE_NAMES[candidate]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="最初のパスワード"
        hint="12文字以上。本人に直接伝えてください。"
        type="password"
        autoComplete="new-password"
        value={password}
        error={passwordError}
        onChange={(event) => setPassword(event.target.value)}
      />
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
    if (await run(staffContracts.resetPassword, { params: { loginName }, body: { password } }, `${loginName} のパスワードを変え、ロックを解除しました。`))
      onDone();
  };
  return (
    <form className={styles.panel} onSubmit={(event) => void submit(event)} noValidate>
      <h3>{loginName} のパスワードを再設定する</h3>
      <p>ロックも解除され、ログイン中の端末はログアウトします。</p>
      <TextField
        label="新しいパスワード"
        type="password"
        autoComplete="new-password"
        autoFocus
        value={password}
        error={error}
        onChange={(event) => setPassword(event.target.value)}
      />
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
        <StaffTable
          caption={`職員のアカウント（${String(accounts.data.accounts.length)}件）`}
          rows={accounts.data.accounts}
          rowKey={(account) => account.loginName}
          columns={[
            { header: 'ログイン名', cell: (account) => <Identifier>{account.loginName}</Identifier> },
            { header: '名前', cell: (account) => account.displayName },
            { header: '役割', cell: (account) => STAFF_ROLE_NAMES[account.role] },
            { header: '状態', cell: (account) => <AccountState account={account} /> },
            { header: 'パスキー', cell: (account) => `${String(account.passkeys)}個` },
          ]}
          actions={(account) => (
            <>
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => setResetting(account.loginName)}
                aria-label={`${account.loginName} のパスワードを再設定する`}
              >
                パスワードを再設定する
              </Button>
              {!account.disabled && (
                <Button
                  variant="secondary"
                  disabled={busy}
                  aria-label={`${account.loginName} を停止する`}
                  onClick={() => void run(staffContracts.disableAccount, { params: { loginName: account.loginName } }, `${account.loginName} を停止しました。`)}
                >
                  停止する
                </Button>
              )}
              {account.passkeys > 0 && (
                <Button
                  variant="secondary"
                  disabled={busy}
                  aria-label={`${account.loginName} のパスキーをすべて削除する`}
                  onClick={() =>
                    void run(
                      staffContracts.removeAccountPasskeys,
                      { params: { loginName: account.loginName } },
                      `${account.loginName} のパスキーをすべて削除しました。`,
                    )
                  }
                >
                  パスキーを削除する
                </Button>
              )}
            </>
          )}
        />
      )}
      <NewAccountForm run={run} busy={busy} />

      <h2>ログイン中の端末</h2>
      {sessions.data && (
        <StaffTable
          caption={`ログイン中（${String(sessions.data.sessions.length)}件）`}
          rows={sessions.data.sessions}
          rowKey={(session) => String(session.id)}
          columns={[
            { header: '番号', cell: (session) => `#${String(session.id)}` },
            { header: 'ログイン名', cell: (session) => <Identifier>{session.loginName}</Identifier> },
            { header: '役割', cell: (session) => STAFF_ROLE_NAMES[session.role] },
            { header: 'ログインした時刻', cell: (session) => <Instant iso={session.startedAt} /> },
            { header: '方法', cell: (session) => SIGN_IN_METHOD_NAMES[session.signInMethod] },
            { header: '最後の操作', cell: (session) => <Instant iso={session.lastSeenAt} /> },
          ]}
          actions={(session) =>
            session.current ? (
              'この端末'
            ) : (
              <Button
                variant="secondary"
                disabled={busy}
                aria-label={`#${String(session.id)}（${session.loginName}）を切断する`}
                onClick={() => void run(staffContracts.revokeSession, { params: { id: String(session.id) } }, `#${String(session.id)} を切断しました。`)}
              >
                切断する
              </Button>
            )
          }
        />
      )}

      <ClosuresSection changes={{ run, busy }} onSignedOut={props.onSignedOut} />

      <DesksSection run={run} busy={busy} onSignedOut={props.onSignedOut} />

      <RoomBlocksSection run={run} busy={busy} onSignedOut={props.onSignedOut} />

      <h2>操作の記録</h2>
      {audit.data && (
        <StaffTable
          caption="新しい順（最大500件）"
          rows={audit.data.entries}
          rowKey={(entry) => String(entry.id)}
          columns={[
            { header: '日時', cell: (entry) => <Instant iso={entry.at} /> },
            { header: 'だれが', cell: (entry) => entry.actor },
            { header: '操作', cell: (entry) => AUDIT_ACTION_NAMES[entry.action] },
            { header: '対象', cell: (entry) => <Identifier>{entry.target ?? ''}</Identifier> },
            {
              header: '変更前 → 変更後',
              cell: (entry) => (entry.before === null && entry.after === null ? '' : `${entry.before ?? '（なし）'} → ${entry.after ?? '（なし）'}`),
            },
          ]}
        />
      )}
    </Page>
  );
}
