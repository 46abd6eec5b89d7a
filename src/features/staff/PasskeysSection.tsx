import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { staffContracts } from '../../domain/staff-contracts.ts';
import { passkeyNameSchema } from '../../domain/staff-passkeys.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { ActionMessage } from './ActionMessage.tsx';
import { Instant, StaffTable } from './StaffTable.tsx';
import { registerPasskey } from './passkeys.ts';
import { passkeysQuery } from './staff-api.ts';
import { type StaffScreenProps, useSignedOutOnFailure, useStaffAction } from './use-staff-action.ts';
import styles from './staff.module.css';

/**
 * パスキー: the signed-in clerk's own passkeys. Registering one on the counter PC (or a security
 * key) lets them sign in next time without typing a password, which nobody can read over their shoulder.
 */
export function PasskeysSection(props: StaffScreenProps) {
  const passkeys = useQuery(passkeysQuery());
  useSignedOutOnFailure(passkeys.error, props.onSignedOut);
  const { run, perform, message, busy } = useStaffAction(props);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = passkeyNameSchema.safeParse(name);
    setNameError(parsed.success ? undefined : parsed.error.issues[0]?.message);
    if (!parsed.success) return;
    if (await perform(() => registerPasskey(props.csrfToken, parsed.data), `パスキー「${parsed.data}」を登録しました。次からはパスキーでログインできます。`))
      setName('');
  };

  return (
    <section aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">パスキー</h2>
      <p>
        パスキーを登録すると、このパソコンの指紋・顔・PIN（または登録した鍵）で、パスワードを入力せずにログインできます。パソコンを替えたときや鍵をなくしたときは、ここで削除してください。
      </p>
      <ActionMessage message={message} />
      {passkeys.isError && (
        <p className={styles.error} role="alert">
          {passkeys.error.message}
        </p>
      )}
      {passkeys.data && (
        <StaffTable
          caption={`登録したパスキー（${String(passkeys.data.passkeys.length)}件）`}
          rows={passkeys.data.passkeys}
          rowKey={(passkey) => String(passkey.id)}
          empty="まだ登録していません。"
          columns={[
            { header: '名前', cell: (passkey) => passkey.name },
            { header: '登録した日時', cell: (passkey) => <Instant iso={passkey.createdAt} /> },
            { header: '最後に使った日時', cell: (passkey) => (passkey.lastUsedAt ? <Instant iso={passkey.lastUsedAt} /> : 'まだ使っていません') },
          ]}
          actions={(passkey) => (
            <Button
              variant="secondary"
              disabled={busy}
              aria-label={`パスキー「${passkey.name}」を削除する`}
              onClick={() => void run(staffContracts.removePasskey, { params: { id: String(passkey.id) } }, `パスキー「${passkey.name}」を削除しました。`)}
            >
              削除する
            </Button>
          )}
        />
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="パスキーの名前"
          hint="どのパソコン・鍵か分かる名前（例：窓口3番のパソコン）"
          autoComplete="off"
          maxLength={40}
          value={name}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" disabled={busy}>
          {busy ? '登録しています…' : 'パスキーを登録する'}
        </Button>
      </form>
    </section>
  );
}
