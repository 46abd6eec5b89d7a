import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ApiRequestError } from '../../client/api-client.ts';
import { endKioskMode, startKioskMode, useKioskSetting } from '../../client/kiosk-mode.ts';
import { portalContact } from '../../content/city.ts';
import { KIOSK_DEFAULT_IDLE_SECONDS, KIOSK_IDLE_CHOICES, KIOSK_PIN_MESSAGE, KIOSK_PIN_PATTERN } from '../../domain/kiosk.ts';
import { Button } from '../../ui/Button.tsx';
import { DepartmentContact } from '../../ui/DepartmentContact.tsx';
import { ChoiceGroup } from '../../ui/ChoiceList.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import { kioskStatusQuery, verifyStaffPin } from './kiosk-api.ts';
import styles from './kiosk.module.css';
import { startOver } from './session.ts';

function idleText(seconds: number): string {
  return seconds < 120 ? `${String(seconds)}秒` : `${String(seconds / 60)}分`;
}

/**
 * キオスクモードの設定: for city staff, at /kiosk/setup (not linked from the citizens' screens; on a
 * kiosk, from the footer). The server checks the staff PIN; the device then keeps the setting.
 */
export function KioskSetupPage() {
  const setting = useKioskSetting();
  const status = useQuery(kioskStatusQuery());
  const [idleSeconds, setIdleSeconds] = useState<string>(String(KIOSK_DEFAULT_IDLE_SECONDS));
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const pinField = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fail = (message: string) => {
      setError(message);
      pinField.current?.focus();
    };
    if (!KIOSK_PIN_PATTERN.test(pin)) return fail(KIOSK_PIN_MESSAGE);
    setSending(true);
    try {
      await verifyStaffPin(pin);
    } catch (failure) {
      setSending(false);
      return fail(failure instanceof ApiRequestError ? failure.message : '確かめられませんでした。もう一度お試しください。');
    }
    // Either way the device starts clean: nothing from before stays for the next person.
    if (setting) endKioskMode();
    else startKioskMode({ idleSeconds: Number(idleSeconds) });
    startOver();
  };

  if (status.isPending) {
    return (
      <Page heading="キオスクモードの設定">
        <p role="status">設定を確かめています…</p>
      </Page>
    );
  }
  if (status.isError || !status.data.pinConfigured) {
    return (
      <Page heading="キオスクモードの設定">
        <p className={styles.notice} role="alert">
          {status.isError ? status.error.message : 'キオスクの設定がされていません。情報管理課にお問い合わせください。'}
        </p>
        <DepartmentContact department={undefined} fallback={portalContact} />
      </Page>
    );
  }

  return (
    <Page heading="キオスクモードの設定">
      <p>市役所の窓口に置く端末のための設定です。職員の方が使います。</p>
      {setting ? (
        <p className={styles.notice}>
          この端末は<strong>キオスクモード</strong>です（操作がないときは{idleText(setting.idleSeconds)}
          で確認します）。終えるには、職員の暗証番号を入力してください。
        </p>
      ) : (
        <>
          <p>キオスクモードにすると、次のようになります。</p>
          <ul className={styles.list}>
            <li>文字が特大になり、画面の上に「最初から」のボタンが出ます。</li>
            <li>しばらく操作がないと確認を出し、答えがなければ入力した内容をすべて消して最初の画面に戻ります。</li>
            <li>ほかのサイトへは移動せず、スマートフォンで読み取るQRコードを出します。</li>
            <li>予約をこの端末に残しません。</li>
          </ul>
        </>
      )}
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        {!setting && (
          <ChoiceGroup
            legend="操作がないとき、確認を出すまでの時間"
            name="idle-seconds"
            value={idleSeconds}
            onChange={setIdleSeconds}
            options={KIOSK_IDLE_CHOICES.map((seconds) => ({
              value: String(seconds),
              label: idleText(seconds),
              ...(seconds === KIOSK_DEFAULT_IDLE_SECONDS ? { hint: 'おすすめ' } : {}),
            }))}
          />
        )}
        <TextField
          ref={pinField}
          label="職員の暗証番号"
          hint="6～12けたの数字です。"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(event) => setPin(event.target.value)}
          error={error}
        />
        <Button type="submit" disabled={sending}>
          {sending ? '確かめています…' : setting ? 'キオスクモードを終える' : 'キオスクモードにする'}
        </Button>
      </form>
    </Page>
  );
}
