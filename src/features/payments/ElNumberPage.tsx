import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { parseElNumber } from '../../domain/el-qr.ts';
import { Button } from '../../ui/Button.tsx';
import { Page } from '../../ui/Page.tsx';
import { rememberSlip } from './current-slip.ts';
import { elNumberProblemMessage } from './messages.ts';
import styles from './payments.module.css';
import { SafetyNotice } from './SafetyNotice.tsx';
import { focusFirstError } from '../../ui/focus-first-error.ts';

export function ElNumberPage() {
  const navigate = useNavigate();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = parseElNumber(value);
    if (!result.ok) {
      setError(elNumberProblemMessage(result));
      focusFirstError(event);
      return;
    }
    rememberSlip({ kind: 'typed', elNumber: result.elNumber });
    void navigate('/payments/slip');
  }

  return (
    <Page heading="番号を入力する">
      <p>QRコードが読み取れないときは、納付書に印刷された番号（eL番号：エルばんごう）を入力してください。34けたの数字です。</p>
      <form noValidate onSubmit={submit} className={styles.form}>
        <label htmlFor={inputId} className={styles.label}>
          eL番号（34けた）
        </label>
        <p id={hintId} className={styles.hint}>
          空白やハイフン（-）は入れても入れなくてもかまいません。全角の数字も使えます。
        </p>
        {error && (
          <p id={errorId} className={styles.fieldError}>
            {error}
          </p>
        )}
        <input
          id={inputId}
          className={styles.input}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => setValue(event.target.value)}
        />
        <div>
          <Button type="submit">この番号で進む</Button>
        </div>
      </form>
      <p>入力した番号は、この端末の中だけで使います。どこにも送りません。</p>
      <SafetyNotice />
    </Page>
  );
}
