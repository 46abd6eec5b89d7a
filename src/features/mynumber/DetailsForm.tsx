import { type FormEvent, useState } from 'react';
import { useKioskMode } from '../../client/kiosk-mode.ts';
import { usePracticeMode } from '../../client/practice-mode.ts';
import { pushSupported, subscribeThisPhone } from '../../client/push-subscription.ts';
import { counter } from '../../content/counter.ts';
import { Button } from '../../ui/Button.tsx';
import { Choice, ChoiceFieldset, ChoiceGroup } from '../../ui/ChoiceList.tsx';
import { SelectField, TextField } from '../../ui/Fields.tsx';
import { firstMessagePerField } from '../../domain/validation.ts';
import { type BookingDraft, checkDraft } from './booking-draft.ts';
import styles from '../../ui/booking.module.css';
import { focusFirstError } from '../../ui/focus-first-error.ts';

interface DetailsFormProps {
  draft: BookingDraft;
  kindId: string;
  slot: { date: string; time: string };
  /** The city sends e-mail (the server says so): only then is an address asked for. */
  emailReminders: boolean;
  /** The city sends Web Push (the server gives its key): only then, and where the browser can, is it offered. */
  pushPublicKey: string | null;
  /** The push services the city sends to: a subscription elsewhere is not offered. */
  pushServiceHosts: readonly string[];
  /** For キャンセル待ち: the address is required, as that is where the offer goes. */
  waitlist?: boolean;
  onChange: (draft: BookingDraft) => void;
  /** Called once every field passes the check. */
  onValid: () => void;
}

type Errors = Partial<Record<'nameKana' | 'phone' | 'email' | 'pushSubscription' | 'people' | 'proxy', string>>;

const PUSH_PROBLEMS = {
  denied: 'この携帯電話では、お知らせの表示が許可されていません。お知らせなしで予約できます。',
  failed: 'この携帯電話にお知らせを登録できませんでした。お知らせなしで予約できます。',
} as const;

/** Checks with the same schema as the server, so the messages are the ones the server would give. */
export function DetailsForm({ draft, kindId, slot, emailReminders, pushPublicKey, pushServiceHosts, waitlist = false, onChange, onValid }: DetailsFormProps) {
  const kiosk = useKioskMode();
  // A shared kiosk keeps no address, whatever the server offers.
  const offerEmail = emailReminders && !kiosk;
  // Push goes to the phone in hand: never a shared kiosk, and never in practice, which sends nothing.
  const practice = usePracticeMode();
  const offerPush = pushPublicKey !== null && !kiosk && !practice && pushSupported();
  const [errors, setErrors] = useState<Errors>({});
  const [subscribing, setSubscribing] = useState(false);
  const update = (change: Partial<BookingDraft>) => onChange({ ...draft, ...change });

  /** Ticked: the browser asks the citizen, then the phone subscribes; unticked: the booking goes without it. */
  const choosePush = async (wanted: boolean) => {
    setErrors((shown) => ({ ...shown, pushSubscription: undefined }));
    if (!wanted || !pushPublicKey) {
      update({ pushSubscription: null });
      return;
    }
    setSubscribing(true);
    const subscription = await subscribeThisPhone(pushPublicKey, pushServiceHosts);
    setSubscribing(false);
    if (typeof subscription === 'string') setErrors((shown) => ({ ...shown, pushSubscription: PUSH_PROBLEMS[subscription] }));
    else update({ pushSubscription: subscription });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = checkDraft(draft, kindId, slot, waitlist);
    if (result.success) {
      setErrors({});
      onValid();
      return;
    }
    setErrors(firstMessagePerField(result.error));
    focusFirstError(event);
  };

  const peopleOptions = Array.from({ length: counter.maxPeople }, (_unused, index) => String(index + 1));
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label="お名前（カタカナ）"
        hint="例：トウガネ タロウ　ひらがなで入力しても大丈夫です。"
        value={draft.nameKana}
        onChange={(event) => update({ nameKana: event.target.value })}
        error={errors.nameKana}
        autoComplete="off"
      />
      <TextField
        label="電話番号"
        hint="例：0475-00-0000　予約について市から連絡するときに使います。"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        value={draft.phone}
        onChange={(event) => update({ phone: event.target.value })}
        error={errors.phone}
      />
      {offerEmail && (
        <TextField
          label="メールアドレス"
          optional={!waitlist}
          hint={
            waitlist
              ? '空きが出たら、このメールアドレスにお知らせします。予約になったあとは、前の日の夕方にもお知らせします。'
              : '入力すると、予約の前の日の夕方に、日時と持ち物をメールでお知らせします。'
          }
          type="email"
          autoComplete="email"
          value={draft.email}
          onChange={(event) => update({ email: event.target.value })}
          error={errors.email}
        />
      )}
      {offerPush && (
        <ChoiceFieldset legend="携帯電話へのお知らせ（なくてもかまいません）" error={errors.pushSubscription}>
          <Choice
            type="checkbox"
            checked={draft.pushSubscription !== null}
            disabled={subscribing}
            onChange={(event) => void choosePush(event.target.checked)}
            hint="予約の前の日の夕方と、市役所が予約を取り消したり日時を変えたりしたときに、この携帯電話の画面に出します。"
          >
            この携帯電話にお知らせを表示する
          </Choice>
        </ChoiceFieldset>
      )}
      <SelectField
        label="来る人数"
        hint="ご家族でいっしょに来るときは、その人数です。"
        value={draft.people}
        onChange={(event) => update({ people: event.target.value })}
        error={errors.people}
      >
        {peopleOptions.map((count) => (
          <option key={count} value={count}>
            {count}人
          </option>
        ))}
      </SelectField>
      <ChoiceGroup
        legend="どなたが来ますか"
        name="proxy"
        value={draft.proxy}
        onChange={(proxy) => update({ proxy })}
        error={errors.proxy}
        options={[
          { value: 'self', label: 'ご本人が来ます' },
          { value: 'proxy', label: '代理の方が来ます', hint: '代理の方は持ち物が変わります。次の確認の画面でご案内します。' },
        ]}
      />
      <p>マイナンバー（12けたの個人番号）は入力しないでください。この予約では使いません。</p>
      <div className={styles.actions}>
        <Button type="submit">確認へ進む</Button>
      </div>
    </form>
  );
}
