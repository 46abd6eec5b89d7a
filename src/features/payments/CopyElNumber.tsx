import { useState } from 'react';
import { groupDigits } from '../../domain/el-qr.ts';
import { Button } from '../../ui/Button.tsx';
import styles from './payments.module.css';

/** The eL番号 to type on the payment site (no address pre-fills it), copied only when asked. */
export function CopyElNumber({ elNumber }: { elNumber: string }) {
  const [message, setMessage] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(elNumber);
      setMessage('番号をコピーしました。お支払サイトの番号の欄に貼り付けられます。');
    } catch {
      setMessage('コピーできませんでした。番号を見ながら入力してください。');
    }
  }

  return (
    <div className={styles.elNumber}>
      <p>
        eL番号（34けた）：
        <br />
        <span className={styles.digits}>{groupDigits(elNumber)}</span>
      </p>
      <Button variant="secondary" onClick={() => void copy()}>
        eL番号をコピーする
      </Button>
      <p role="status" className={styles.status}>
        {message}
      </p>
    </div>
  );
}
