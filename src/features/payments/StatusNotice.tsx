import type { ElQrSlip, SlipStatus } from '../../domain/el-qr.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import { IssuerContact } from './IssuerContact.tsx';
import styles from './payments.module.css';

/**
 * Where the slip stands today (in Japan): payable; late (payable, but late charges may apply); or
 * past the 取扱期限, when no route will take it and the citizen needs a new slip.
 */
export function StatusNotice({ slip, status }: { slip: ElQrSlip; status: SlipStatus }) {
  if (status === 'on-time') {
    return (
      <p className={styles.ok}>
        <strong>期限内です。</strong>
        納期限の{formatJapaneseDate(slip.dueDate)}までに払ってください。
      </p>
    );
  }
  if (status === 'late') {
    return (
      <div className={styles.warning}>
        <p>
          <strong>納期限（{formatJapaneseDate(slip.dueDate)}）を過ぎています。</strong>
          {formatJapaneseDate(slip.lastDate)}まではこの納付書で払えますが、延滞金がかかることがあります。
        </p>
      </div>
    );
  }
  return (
    <div className={styles.blocked}>
      <p>
        <strong>この納付書では払えません。</strong>
        QRコードを使える期限（取扱期限：{formatJapaneseDate(slip.lastDate)}）を過ぎています。新しい納付書について、お問い合わせください。
      </p>
      <IssuerContact institutionCode={slip.institutionCode} />
    </div>
  );
}
