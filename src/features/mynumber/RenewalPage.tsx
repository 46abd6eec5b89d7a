import { type FormEvent, useState } from 'react';
import { type CardValidity, validityFromIssue, type Validity, validityOn } from '../../domain/card-validity.ts';
import { formatJapaneseDate, isIsoDate, japanClock } from '../../domain/japan-time.ts';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Fields.tsx';
import { Page } from '../../ui/Page.tsx';
import styles from '../../ui/booking.module.css';
import { focusFirstError } from '../../ui/focus-first-error.ts';

const STATE_WORDS: Record<Validity['state'], string> = {
  valid: 'まだ更新の時期ではありません。',
  renewable: 'いま更新できます。',
  expired: '有効期限が切れています。',
};

function ValidityLine({ title, validity }: { title: string; validity: Validity }) {
  return (
    <>
      <dt>{title}</dt>
      <dd>
        有効期限：{formatJapaneseDate(validity.expires)}
        <br />
        更新の予約ができるのは：{formatJapaneseDate(validity.renewalOpens)}から
        <br />
        <strong>{STATE_WORDS[validity.state]}</strong>
      </dd>
    </>
  );
}

/**
 * When do the card and its e-certificates run out? From the date printed on the card, or worked out
 * from the birthday and the day the card was issued. The printed date always wins.
 */
export function RenewalPage() {
  const [birthDate, setBirthDate] = useState('');
  const [issueDate, setIssueDate] = useState('');
  const [printed, setPrinted] = useState('');
  const [errors, setErrors] = useState<{ birthDate?: string; issueDate?: string; printed?: string }>({});
  const [fromIssue, setFromIssue] = useState<CardValidity | null>(null);
  const [fromPrinted, setFromPrinted] = useState<Validity | null>(null);
  const today = japanClock(new Date()).date;

  const checkPrinted = (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(printed)) {
      setErrors({ printed: '日付を選んでください。' });
      focusFirstError(event);
      return;
    }
    setErrors({});
    setFromPrinted(validityOn(printed, today));
  };
  const checkFromIssue = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!isIsoDate(birthDate)) found.birthDate = '生年月日を選んでください。';
    if (!isIsoDate(issueDate)) found.issueDate = 'カードを受け取った日を選んでください。';
    else if (isIsoDate(birthDate) && issueDate < birthDate) found.issueDate = '受け取った日は、生年月日よりあとの日にしてください。';
    setErrors(found);
    if (Object.keys(found).length > 0) focusFirstError(event);
    setFromIssue(Object.keys(found).length === 0 ? validityFromIssue(birthDate, issueDate, today) : null);
  };

  return (
    <Page heading="有効期限と更新の時期">
      <p>電子証明書とカードは、有効期限の3か月前から更新できます。期限が近づくと、国（J-LIS）から「有効期限通知書」が届きます。</p>
      <h2>有効期限の日付がわかるとき</h2>
      <p>カードの表に書かれた有効期限、または電子証明書の有効期限の日付を入れてください。</p>
      <form onSubmit={checkPrinted} noValidate>
        <TextField label="有効期限の日付" type="date" value={printed} onChange={(event) => setPrinted(event.target.value)} error={errors.printed} />
        <Button type="submit">更新の時期を調べる</Button>
      </form>
      {fromPrinted && (
        <dl className={styles.summary} aria-live="polite">
          <ValidityLine title="入力した有効期限" validity={fromPrinted} />
        </dl>
      )}

      <h2>生年月日と受け取った日から計算する</h2>
      <p>18歳以上で受け取ったカードは10回目の誕生日まで、18歳未満は5回目の誕生日まで使えます。電子証明書は5回目の誕生日までです。</p>
      <form onSubmit={checkFromIssue} noValidate>
        <TextField label="生年月日" type="date" value={birthDate} onChange={(event) => setBirthDate(event.target.value)} error={errors.birthDate} />
        <TextField
          label="カードを受け取った日"
          hint="わからないときは、カードの表の有効期限で調べてください。"
          type="date"
          value={issueDate}
          onChange={(event) => setIssueDate(event.target.value)}
          error={errors.issueDate}
        />
        <Button type="submit">計算する</Button>
      </form>
      {fromIssue && (
        <dl className={styles.summary} aria-live="polite">
          <ValidityLine title="電子証明書" validity={fromIssue.certificate} />
          <ValidityLine title="カード" validity={fromIssue.card} />
        </dl>
      )}
      <p className={styles.notice}>計算の結果は目安です。カードに書かれた日付のほうが正しい日付です。</p>
      <ButtonLink to="/mynumber/book/certificate-renewal">電子証明書の更新を予約する</ButtonLink>
    </Page>
  );
}
